// A small Table Schema (frictionless) checker of what the SCDL schemas use: the header (names
// and order), field types (string, number, date, boolean with trueValues/falseValues), the
// constraints (required, pattern, maxLength, enum, minimum, maximum) and the two custom checks of
// the SCDL "subventions" schema (french-siret-value, one-of-required). frictionless's JavaScript
// library (tableschema) is no longer maintained, hence this checker, itself tested on the
// schema's valid example and on broken rows (app/subsidies/open-data.server.test.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { isValidSiret } from "../app/lib/validation";

export type TableField = {
  name: string;
  type: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; pattern?: string; maxLength?: number; enum?: string[]; minimum?: number; maximum?: number };
};

export type TableSchema = {
  fields: TableField[];
  custom_checks?: { name: string; params: Record<string, string> }[];
};

export const FIXTURES = path.resolve(import.meta.dirname, "fixtures");

export function readJsonFixture<T>(relative: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, relative), "utf8")) as T;
}

function cellErrors(field: TableField, value: string): string[] {
  const errors: string[] = [];
  const c = field.constraints ?? {};
  if (value === "") return c.required ? [`${field.name} : obligatoire`] : [];
  // A Table Schema pattern matches the whole value.
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(value)) errors.push(`${field.name} : ne suit pas le motif (${value})`);
  if (c.maxLength !== undefined && [...value].length > c.maxLength) errors.push(`${field.name} : plus de ${c.maxLength} caractères`);
  if (c.enum && !c.enum.includes(value)) errors.push(`${field.name} : hors de la liste (${value})`);
  if (field.type === "number") {
    if (!/^-?\d+(\.\d+)?$/.test(value)) errors.push(`${field.name} : pas un nombre (${value})`);
    const n = Number(value);
    if (c.minimum !== undefined && n < c.minimum) errors.push(`${field.name} : inférieur à ${c.minimum}`);
    if (c.maximum !== undefined && n > c.maximum) errors.push(`${field.name} : supérieur à ${c.maximum}`);
  }
  if (field.type === "date") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!d || d.getUTCDate() !== +m![3] || d.getUTCMonth() !== +m![2] - 1) errors.push(`${field.name} : pas une date (${value})`);
  }
  if (field.type === "boolean" && ![...(field.trueValues ?? ["true"]), ...(field.falseValues ?? ["false"])].includes(value))
    errors.push(`${field.name} : pas un booléen (${value})`);
  return errors;
}

/** The errors of one record (a CSV row keyed by header), field by field, then the custom checks. */
export function recordErrors(schema: TableSchema, record: Record<string, string>): string[] {
  const errors = schema.fields.flatMap((field) => cellErrors(field, record[field.name] ?? ""));
  for (const check of schema.custom_checks ?? []) {
    if (check.name === "french-siret-value") {
      const value = record[check.params.column] ?? "";
      if (value !== "" && !isValidSiret(value)) errors.push(`${check.params.column} : SIRET invalide (${value})`);
    } else if (check.name === "one-of-required") {
      if (!record[check.params.column1] && !record[check.params.column2])
        errors.push(`${check.params.column1} ou ${check.params.column2} : l'un des deux est obligatoire`);
    } else {
      errors.push(`contrôle inconnu du vérificateur : ${check.name}`);
    }
  }
  return errors;
}

/** Every error of a CSV file: its header against the schema's fields (names and order), then each row. */
export function csvErrors(schema: TableSchema, csv: string, delimiter = ","): string[] {
  const rows = parse(csv, { delimiter, bom: true }) as string[][];
  const [header, ...body] = rows;
  const expected = schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(expected)) return [`en-tête : ${header?.join(",")} au lieu de ${expected.join(",")}`];
  return body.flatMap((row, i) => {
    if (row.length !== header.length) return [`ligne ${i + 2} : ${row.length} colonnes au lieu de ${header.length}`];
    const record = Object.fromEntries(header.map((name, j) => [name, row[j]]));
    return recordErrors(schema, record).map((e) => `ligne ${i + 2} : ${e}`);
  });
}
