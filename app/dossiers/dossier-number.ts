// Dossier numbers: AAP-<the call's financial year>-<0001>, given at the first submission; a draft holds a
// provisional unique placeholder (the column is unique and required).
import { randomBytes } from "node:crypto";
import type { Db } from "~/db.server";

export const DRAFT_NUMBER_PREFIX = "BROUILLON-";

export function draftNumber(): string {
  return `${DRAFT_NUMBER_PREFIX}${randomBytes(8).toString("hex")}`;
}

export function isDraftNumber(number: string): boolean {
  return number.startsWith(DRAFT_NUMBER_PREFIX);
}

/** The next free number of the call's financial year (callers retry on a unique-constraint race). */
export async function nextDossierNumber(db: Pick<Db, "dossier">, year: number): Promise<string> {
  const prefix = `AAP-${year}-`;
  const last = await db.dossier.findFirst({
    where: { number: { startsWith: prefix } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const seq = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(4, "0")}`;
}
