// A section of docs/benchmarks.md that a part of the benchmark refreshes alone (the engine comparison,
// the RNA import, the relevance): replaced between its markers, or added before the analysis.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function writeSection(name: string, section: string[]) {
  const current = existsSync("docs/benchmarks.md") ? readFileSync("docs/benchmarks.md", "utf8") : "# Benchmarks\n";
  const analysisHeading = existsSync("docs/benchmarks-analysis.md")
    ? readFileSync("docs/benchmarks-analysis.md", "utf8").split("\n")[0]
    : "";
  const startMarker = `<!-- ${name}:start -->`;
  const endMarker = `<!-- ${name}:end -->`;
  const startAt = current.indexOf(startMarker);
  const endAt = current.indexOf(endMarker);
  let next: string;
  if (startAt >= 0 && endAt > startAt) {
    next =
      current.slice(0, startAt) + section.join("\n").replace(/\n*$/, "\n") + current.slice(endAt + endMarker.length).replace(/^\n/, "");
  } else {
    const analysisAt = analysisHeading ? current.indexOf(analysisHeading) : -1;
    const cut = analysisAt >= 0 ? analysisAt : current.length;
    next = current.slice(0, cut).replace(/\n+$/, "\n\n") + section.join("\n") + "\n" + current.slice(cut);
  }
  writeFileSync("docs/benchmarks.md", next);
}
