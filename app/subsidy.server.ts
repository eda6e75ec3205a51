// Subsidies: from an accepted dossier (or granted outside a call) to the vote, the convention,
// the payments and the compte rendu financier. Money in integer cents, dates in UTC.
import { TZDate } from "@date-fns/tz";
import { prisma, type Db } from "~/db.server";
import { PARIS } from "~/lib/format";

/** A Prisma client or the client of an interactive transaction. */
export type DbClient = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export class SubsidyError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "SubsidyError";
  }
}

/** The calendar year of a date in Paris (a decision on 31 December 23:30 UTC belongs to the next year). */
export function parisYear(date: Date): number {
  return new TZDate(date.getTime(), PARIS).getFullYear();
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

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
async function insertSubsidyWithNumber(
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

/**
 * Creates the subsidy of an accepted dossier: requested and proposed amounts from the dossier,
 * financial year from the decision date, purpose = project title, funding an action.
 * Idempotent: a second call returns the existing subsidy (Subsidy.dossierId is unique).
 * Call it after the dossier's state is "accepte"; pass `db` when inside an interactive transaction.
 */
export async function createSubsidyFromDossier(dossierId: string, actor: { id: string }, db: DbClient = prisma) {
  const existing = await db.subsidy.findUnique({ where: { dossierId } });
  if (existing) return existing;

  const dossier = await db.dossier.findUnique({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      state: true,
      associationId: true,
      projectTitle: true,
      requestedCents: true,
      proposedCents: true,
      decidedAt: true,
    },
  });
  if (!dossier) throw new SubsidyError("Dossier introuvable.");
  if (dossier.state !== "accepte") {
    throw new SubsidyError("Une subvention ne peut être créée que pour un dossier accepté.");
  }
  const decidedAt = dossier.decidedAt ?? new Date();
  const financialYear = parisYear(decidedAt);
  const requestedCents = dossier.requestedCents ?? 0;
  const proposedCents = dossier.proposedCents ?? requestedCents;

  try {
    const subsidy = await insertSubsidyWithNumber(db, {
      associationId: dossier.associationId,
      dossierId: dossier.id,
      purpose: dossier.projectTitle?.trim() || `Projet du dossier ${dossier.number}`,
      fundsAction: true,
      requestedCents,
      proposedCents,
      financialYear,
    });
    await db.auditEvent.create({
      data: {
        entityType: "subsidy",
        entityId: subsidy.id,
        actorId: actor.id,
        action: "created_from_dossier",
        toState: "proposee",
        comment: `Dossier ${dossier.number}`,
      },
    });
    return subsidy;
  } catch (error) {
    // Two concurrent acceptances: the other one created it first.
    if (isUniqueViolation(error)) {
      const created = await db.subsidy.findUnique({ where: { dossierId } });
      if (created) return created;
    }
    throw error;
  }
}
