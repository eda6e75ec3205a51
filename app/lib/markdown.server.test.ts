import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders Markdown without any script or event handler", () => {
    const html = renderMarkdown(
      "# Titre\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [lien](javascript:alert(1)) **gras**",
    );
    expect(html).toContain("<h2>Titre</h2>");
    expect(html).toContain("<strong>gras</strong>");
    expect(html).not.toMatch(/<script|onerror|javascript:|<img/i);
  });

  it("keeps tables, code and safe links, and lowers deep headings", () => {
    const html = renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n`code` [site](https://exemple.fr)\n\n###### Petit");
    expect(html).toContain("<table>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain('<a href="https://exemple.fr">site</a>');
    expect(html).toContain("<h4>Petit</h4>");
  });
});
