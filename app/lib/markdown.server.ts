// The one Markdown renderer (calls for projects, the charter): marked for the syntax,
// sanitize-html for what may reach the page. Its output is the only HTML the portal injects.
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "blockquote",
    "a",
    "br",
    "hr",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title"], th: ["scope"] },
  allowedSchemes: ["http", "https", "mailto"],
  // The page's own <h1> is the title: a "# " heading in the text becomes a section heading.
  transformTags: { h1: "h2", h5: "h4", h6: "h4" },
};

/** Markdown → HTML safe to inject. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true }) as string;
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
