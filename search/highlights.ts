// Highlighted text (HIGHLIGHT_PRE/POST markers around matched words) as offsets into the plain text,
// for the JSON API: clients mark the ranges themselves, never receive HTML.
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "./engine";

/** [start, end) UTF-16 offsets of the marked ranges in the text without its markers. */
export function highlightRanges(marked: string | null): [number, number][] {
  if (!marked) return [];
  const ranges: [number, number][] = [];
  let plain = 0;
  let start: number | null = null;
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i];
    if (ch === HIGHLIGHT_PRE) start = plain;
    else if (ch === HIGHLIGHT_POST) {
      if (start !== null && plain > start) ranges.push([start, plain]);
      start = null;
    } else plain++;
  }
  return ranges;
}
