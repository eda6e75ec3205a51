// The models of prisma/schema.prisma as the database copy needs them: their scalar columns, their
// primary key and the models their foreign keys point to, in an order that inserts every parent
// before its children. Read from the schema itself (the one source; the generated client does not
// export Prisma's DMMF), and checked against the generated client's model names.
import { readFileSync } from "node:fs";
import path from "node:path";

export const SCHEMA_FILE = path.join("prisma", "schema.prisma");

export type ColumnKind = "scalar" | "enum";
export type Column = { name: string; type: string; kind: ColumnKind; optional: boolean };
export type Model = {
  name: string;
  /** The table (@@map, or the model's name). */
  table: string;
  /** The client's property for the model: `callReviewer` for CallReviewer. */
  delegate: string;
  columns: Column[];
  primaryKey: string[];
  /** Models this one's foreign keys reference, itself excepted. */
  parents: string[];
  /** A foreign key to its own table (a tree): rows would have to go in parent-first order. */
  selfRelation: boolean;
};

/** A line without its // comment (outside quoted strings). */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== "\\") quoted = !quoted;
    else if (!quoted && line[i] === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

const listIn = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function parseSchema(text: string): Model[] {
  const blocks = [...text.matchAll(/^(model|enum|type|view)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const enums = new Set(blocks.filter((b) => b[1] === "enum").map((b) => b[2]));
  const modelNames = new Set(blocks.filter((b) => b[1] === "model").map((b) => b[2]));
  const unsupported = blocks.filter((b) => b[1] === "type" || b[1] === "view").map((b) => b[2]);
  if (unsupported.length) throw new Error(`Blocs non pris en charge par la copie : ${unsupported.join(", ")}`);

  return blocks
    .filter((b) => b[1] === "model")
    .map(([, , name, body]) => {
      const columns: Column[] = [];
      const parents = new Set<string>();
      let primaryKey: string[] = [];
      let table = name;
      let selfRelation = false;
      for (const raw of body.split("\n")) {
        const line = stripComment(raw).trim();
        if (!line) continue;
        const blockAttribute = line.match(/^@@(\w+)\((.*)\)$/);
        if (blockAttribute) {
          const [, attribute, args] = blockAttribute;
          if (attribute === "id") primaryKey = listIn(args.match(/\[([^\]]*)\]/)?.[1] ?? "");
          if (attribute === "map") table = args.match(/"([^"]+)"/)?.[1] ?? table;
          continue;
        }
        const field = line.match(/^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/);
        if (!field) throw new Error(`Ligne du modèle ${name} non comprise : ${line}`);
        const [, fieldName, type, modifier, attributes] = field;
        if (modelNames.has(type)) {
          // A relation field: a foreign key when it names its fields.
          if (/@relation\([^)]*fields:\s*\[/.test(attributes)) {
            if (type === name) selfRelation = true;
            else parents.add(type);
          }
          continue;
        }
        if (modifier === "[]") throw new Error(`Colonne liste non prise en charge : ${name}.${fieldName}`);
        columns.push({ name: fieldName, type, kind: enums.has(type) ? "enum" : "scalar", optional: modifier === "?" });
        if (/(^|\s)@id(\s|$|\()/.test(attributes)) primaryKey = [fieldName];
      }
      if (!primaryKey.length) throw new Error(`Le modèle ${name} n'a pas de clé primaire (@id ou @@id) : la copie la demande.`);
      return { name, table, delegate: name[0].toLowerCase() + name.slice(1), columns, primaryKey, parents: [...parents], selfRelation };
    });
}

/**
 * The models, every parent before its children (schema order among equals). A cycle between
 * models, or a model referencing itself, is refused: its rows would need an order within the
 * table that a copy table by table does not give (there is none in the schema today).
 */
export function insertionOrder(models: Model[]): Model[] {
  const trees = models.filter((m) => m.selfRelation).map((m) => m.name);
  if (trees.length) throw new Error(`Relation d'un modèle vers lui-même non prise en charge par la copie : ${trees.join(", ")}`);
  const done = new Set<string>();
  const ordered: Model[] = [];
  while (ordered.length < models.length) {
    const next = models.find((m) => !done.has(m.name) && m.parents.every((p) => done.has(p)));
    if (!next) {
      const left = models.filter((m) => !done.has(m.name)).map((m) => m.name);
      throw new Error(`Clés étrangères en cycle entre les modèles : ${left.join(", ")}`);
    }
    done.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

/** The portal's models in insertion order, checked against the client's list of models. */
export function portalModels(clientModelNames: readonly string[], schemaFile = SCHEMA_FILE): Model[] {
  const models = insertionOrder(parseSchema(readFileSync(schemaFile, "utf8")));
  const parsed = models.map((m) => m.name).sort();
  const generated = [...clientModelNames].sort();
  if (parsed.join() !== generated.join()) {
    throw new Error(
      `prisma/schema.prisma et le client généré ne listent pas les mêmes modèles (${parsed.join(", ")} / ${generated.join(", ")}) : lancez npm run db:generate.`,
    );
  }
  return models;
}
