// A "contains" filter that ignores case on both engines: SQLite's LIKE already does for ASCII,
// PostgreSQL's does not (Prisma's insensitive mode makes it ILIKE, which also folds accented capitals).
import { databaseProvider } from "~/db.server";

export function containsIgnoringCase(text: string): { contains: string } {
  // The SQLite client's filter type has no `mode`; PostgreSQL's client takes it.
  return databaseProvider() === "postgresql" ? ({ contains: text, mode: "insensitive" } as { contains: string }) : { contains: text };
}
