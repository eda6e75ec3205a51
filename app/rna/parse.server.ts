// Reads an RNA waldec file as a stream of rows: the file is never held in memory whole, whatever its
// size. csv-parse (the csv-stringify project's parser) does the CSV: quotes, `;` and line breaks inside
// fields, the BOM; it decodes each field from the bytes in the detected encoding, so a character cut
// between two chunks is never broken. A row with the wrong number of fields, or a broken quote, is
// reported with its line number and the reading goes on.
import { createReadStream } from "node:fs";
import { parse, type CsvError } from "csv-parse";
import { detectEncoding, type FileEncoding } from "~/rna/encoding.server";
import { headerProblem, normaliseHeader, READ_COLUMNS, type WaldecRow } from "~/rna/waldec";

/** One data record of the file: a row, or why it could not be read. `line` is where it starts (the header is line 1). */
export type WaldecRecord =
  | { kind: "row"; index: number; line: number; bytes: number; row: WaldecRow }
  | { kind: "malformed"; index: number; line: number; bytes: number; reason: string };

/** The file is not a waldec file (or not a CSV at all): the French message says why. */
export class NotAnRnaFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotAnRnaFileError";
  }
}

// A real record is a few kilobytes at most; past this, a quote left open is swallowing the file.
const MAX_RECORD_BYTES = 256 * 1024;

export type OpenedWaldec = {
  encoding: FileEncoding;
  /** Data records in file order, numbered from 1. */
  records: AsyncGenerator<WaldecRecord>;
  /** Stops reading (the file is closed); reading the records to the end closes it too. */
  close: () => void;
};

/** Detects the encoding, reads and checks the header (throws NotAnRnaFileError), then yields the records. */
export async function openWaldec(filePath: string): Promise<OpenedWaldec> {
  const { encoding } = await detectEncoding(filePath);
  const stream = createReadStream(filePath, { highWaterMark: 256 * 1024 });
  // Line numbers are counted here rather than with csv-parse's `info` (a quarter of its time).
  const parser = stream.pipe(
    parse({
      delimiter: ";",
      bom: true,
      encoding: encoding === "utf-8" ? "utf8" : "latin1",
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_BYTES,
    }),
  );
  const skipped: { line: number; reason: string }[] = [];
  parser.on("skip", (error: CsvError & { lines?: number }) => {
    skipped.push({ line: error.lines ?? 0, reason: describeCsvError(error) });
  });
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let first: IteratorResult<string[]>;
  try {
    first = await iterator.next();
  } catch (error) {
    parser.destroy();
    throw new NotAnRnaFileError(`Ce fichier n'est pas un CSV lisible : ${describeCsvError(error)}.`);
  }
  if (first.done) {
    throw new NotAnRnaFileError("Ce fichier est vide : il ne contient même pas la ligne d'en-tête des colonnes.");
  }
  const problem = headerProblem(first.value);
  if (problem) {
    parser.destroy();
    throw new NotAnRnaFileError(problem);
  }
  const header = normaliseHeader(first.value);
  const positions = READ_COLUMNS.map((c) => [c, header.indexOf(c)] as const);
  const source = { iterator, width: header.length, positions, skipped, headerEndLine: 1 + lineBreaks(first.value) };
  const close = () => {
    parser.destroy();
    stream.destroy();
  };
  return { encoding, records: records(source, () => stream.bytesRead, close), close };
}

/** Line breaks inside a record's fields (the CSV's own line ends between records not counted). */
function lineBreaks(record: string[]): number {
  let count = 0;
  for (const field of record) if (field.includes("\n") || field.includes("\r")) count += field.match(/\r\n|\r|\n/g)!.length;
  return count;
}

type Source = {
  iterator: AsyncIterator<string[]>;
  width: number;
  positions: (readonly [keyof WaldecRow, number])[];
  skipped: { line: number; reason: string }[];
  headerEndLine: number;
};

async function* records(source: Source, bytesRead: () => number, close: () => void): AsyncGenerator<WaldecRecord> {
  const { iterator, width, positions, skipped } = source;
  let index = 0;
  let previousEnd = source.headerEndLine;
  try {
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await iterator.next();
      } catch (error) {
        // What the parser cannot get past (a quote never closed): the rest of the file is unreadable.
        const line = previousEnd + 1;
        yield {
          kind: "malformed",
          index: ++index,
          line,
          bytes: bytesRead(),
          reason: `${describeCsvError(error)} ; la suite du fichier n'a pas pu être lue`,
        };
        return;
      }
      // Records the parser skipped come before the one it hands over now (csv-parse counts their lines;
      // an empty line, skipped silently, shifts the numbers below it by one).
      while (skipped.length) {
        const s = skipped.shift()!;
        const line = Math.max(previousEnd + 1, s.line);
        yield { kind: "malformed", index: ++index, line, bytes: bytesRead(), reason: s.reason };
        previousEnd = line;
      }
      if (next.done) return;
      const record = next.value;
      const line = previousEnd + 1;
      previousEnd = line + lineBreaks(record);
      index++;
      if (record.length !== width) {
        yield {
          kind: "malformed",
          index,
          line,
          bytes: bytesRead(),
          reason: `${record.length} colonnes au lieu de ${width} (un point-virgule ou un guillemet de trop ou de moins ?)`,
        };
        continue;
      }
      const row = {} as WaldecRow;
      for (const [column, at] of positions) row[column] = (record[at] ?? "").trim();
      yield { kind: "row", index, line, bytes: bytesRead(), row };
    }
  } finally {
    close();
  }
}

function describeCsvError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "guillemet ouvert jamais refermé";
    case "CSV_MAX_RECORD_SIZE":
      return "enregistrement démesuré (guillemet non refermé ?)";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "INVALID_OPENING_QUOTE":
      return "guillemet mal placé";
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
      return "nombre de colonnes incorrect";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
