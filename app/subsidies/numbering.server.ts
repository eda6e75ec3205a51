// Subsidy numbers: "SUB-2026-0007", the next of the year, taken again when another writer got it first.
import { isUniqueViolation, type Db, type Tx } from "~/db.server";

/** The portal's client or a transaction's. */
export type DbClient = Tx | Db;

/** "SUB-2026-0007": the next number of the year. */
async function nextSubsidyNumber(db: DbClient, year: number): Promise<string> {
  const prefix = `SUB-${year}-`;
  const last = await db.subsidy.findFirst({
    where: { number: { startsWith: prefix } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const n = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, "0")}`;
}

/** Creates a subsidy row with a fresh number, retrying when another writer took the same number. */
export async function insertSubsidyWithNumber(
  db: DbClient,
  data: Omit<Parameters<Db["subsidy"]["create"]>[0]["data"], "number"> & { financialYear: number },
) {
  for (let attempt = 0; ; attempt++) {
    const number = await nextSubsidyNumber(db, data.financialYear);
    try {
      return await db.subsidy.create({ data: { ...data, number } as Parameters<Db["subsidy"]["create"]>[0]["data"] });
    } catch (error) {
      const target = String((error as { meta?: { target?: unknown } }).meta?.target ?? "");
      if (isUniqueViolation(error) && attempt < 5 && !target.includes("dossierId")) continue;
      throw error;
    }
  }
}
