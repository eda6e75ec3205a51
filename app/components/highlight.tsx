// Renders search highlights from marker characters as <mark>, never as HTML:
// whatever the data contains stays text.
import { Fragment } from "react";

const PRE = "\uE000";
const POST = "\uE001";

export function Highlight({ text }: { text: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  let rest = text;
  while (rest.length) {
    const start = rest.indexOf(PRE);
    if (start === -1) {
      parts.push({ text: rest, marked: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), marked: false });
    const end = rest.indexOf(POST, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), marked: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text.replaceAll(PRE, "").replaceAll(POST, "")}</Fragment>,
      )}
    </>
  );
}
