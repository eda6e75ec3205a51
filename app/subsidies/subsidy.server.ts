// Subsidies: from an accepted dossier (or granted outside a call) to the vote, the convention,
// the payments and the compte rendu financier. Money in integer cents, dates in UTC.
import { TZDate } from "@date-fns/tz";
import { isUniqueViolation, prisma, writeTransaction, type Db, type Prisma, type Tx } from "~/db.server";
import { PARIS, formatDate } from "~/lib/format";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import type { ReportData } from "~/subsidies/schemas";
import { type InstalmentFlag, type SubsidyStage } from "~/subsidies/subsidy-labels";
export {
  CONVENTION_STATUS_LABELS,
  INSTALMENT_FLAG_LABELS,
  REPORT_STATUS_LABELS,
  SUBSIDY_STAGE_LABELS,
  toDateInput,
  type InstalmentFlag,
  type SubsidyStage,
} from "~/subsidies/subsidy-labels";
import { storeUploads } from "~/documents/storing.server";
import { reportAttachmentFiles, type Upload } from "~/subsidies/subsidy-documents.server";

/** A Prisma client or the client of an interactive transaction. */
/** The portal's client or a transaction's. */
export type DbClient = Tx | Db;

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

// ───────────────────────── Rules ─────────────────────────

/** Loi n°2000-321 art. 10, décret n°2001-495: a convention is mandatory above 23 000 € a year. */
export const CONVENTION_THRESHOLD_CENTS = 2_300_000;
/** Loi n°2021-875: payment within 60 days of the convention's signature. */
export const PAYMENT_DELAY_DAYS = 60;
/** The funder's identity, used by the convention and the open data (one place to change it). */
export const CCAS_IDENTITY = {
  name: "CCAS de Besançon",
  longName: "Centre communal d'action sociale de Besançon",
  // Placeholder with a valid checksum until the CCAS's own SIRET is confirmed by its finance department.
  siret: "26250000200015",
  address: "13 rue Ronchaux, 25000 Besançon",
  representative: "la vice-présidente du CCAS, par délégation du président",
  city: "Besançon",
} as const;

export const OPEN_REPORT_STATUSES = ["a_fournir", "a_corriger"] as const;

/** True when any yearly amount exceeds 23 000 €. */
export function requiresConvention(yearAmountsCents: number[]): boolean {
  return yearAmountsCents.some((a) => a > CONVENTION_THRESHOLD_CENTS);
}

/** "2026-03-15" → midnight of that day in Paris, as a UTC Date. */
export function parisDay(value: string): Date {
  const [y, m, d] = value.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, PARIS).getTime());
}

/** Six months after the end of the financial year: 30 June of the next year, end of day in Paris. */
export function reportDueDate(financialYear: number): Date {
  return new Date(new TZDate(financialYear + 1, 5, 30, 23, 59, 59, PARIS).getTime());
}

export function isReportOverdue(report: { status: string; dueDate: Date }, now = new Date()): boolean {
  return (OPEN_REPORT_STATUSES as readonly string[]).includes(report.status) && report.dueDate.getTime() < now.getTime();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Late: the planned day is over and nothing was paid. Beyond 60 days: planned more than
 * 60 days after the convention's signature (loi 2021-875).
 */
export function instalmentFlags(
  instalment: { plannedDate: Date; paidAt: Date | null },
  conventionSignedAt: Date | null,
  now = new Date(),
): InstalmentFlag[] {
  const flags: InstalmentFlag[] = [];
  if (!instalment.paidAt && instalment.plannedDate.getTime() + DAY_MS <= now.getTime()) flags.push("late");
  if (conventionSignedAt && instalment.plannedDate.getTime() > conventionSignedAt.getTime() + PAYMENT_DELAY_DAYS * DAY_MS) {
    flags.push("beyond_60_days");
  }
  return flags;
}

export function subsidyStage(s: {
  votedCents: number | null;
  years: { amountCents: number }[];
  convention: { status: string } | null;
  instalments: { paidCents: number | null }[];
}): SubsidyStage {
  if (s.votedCents === null) return "proposee";
  const paid = sumPaid(s.instalments);
  if (paid >= s.votedCents) return "versee";
  if (paid > 0) return "en_paiement";
  if (requiresConvention(s.years.map((y) => y.amountCents)) && s.convention?.status !== "signee") return "convention_a_signer";
  return "a_verser";
}

export function sumPaid(instalments: { paidCents: number | null }[]): number {
  return instalments.reduce((sum, i) => sum + (i.paidCents ?? 0), 0);
}

async function audit(
  db: DbClient,
  entityType: string,
  entityId: string,
  actorId: string | null,
  action: string,
  extra: { fromState?: string | null; toState?: string | null; comment?: string | null } = {},
) {
  await db.auditEvent.create({ data: { entityType, entityId, actorId, action, ...extra } });
}

// ───────────────────────── Grant outside a call, vote ─────────────────────────

/** A subsidy granted outside any call: an association of the directory, a purpose, an amount. */
export async function createGrant(
  input: { associationId: string; purpose: string; amount: number; financialYear: number; fundsAction: boolean },
  actor: { id: string },
) {
  const association = await prisma.association.findUnique({ where: { id: input.associationId }, select: { status: true } });
  if (!association || association.status !== "validated") {
    throw new SubsidyError("Choisissez une association validée de l'annuaire.", "associationId");
  }
  const subsidy = await insertSubsidyWithNumber(prisma, {
    associationId: input.associationId,
    purpose: input.purpose,
    fundsAction: input.fundsAction,
    requestedCents: input.amount,
    proposedCents: input.amount,
    financialYear: input.financialYear,
  });
  await audit(prisma, "subsidy", subsidy.id, actor.id, "created_outside_call", { toState: "proposee" });
  return subsidy;
}

/**
 * Records the board's vote: one amount, or one per year for a CPO (2 to 4 years from the
 * financial year). Creates the convention when one is mandatory and the reports due.
 */
export async function recordVote(
  subsidyId: string,
  input: { decisionDate: string; deliberationRef: string; yearAmounts: number[] },
  actor: { id: string },
) {
  if (input.yearAmounts.length < 1 || input.yearAmounts.length > 4) {
    throw new SubsidyError("Une convention pluriannuelle porte sur 4 années au plus.", "amount_0");
  }
  if (input.yearAmounts.some((a) => !Number.isSafeInteger(a) || a <= 0)) {
    throw new SubsidyError("Chaque montant annuel doit être supérieur à 0 €.", "amount_0");
  }
  return writeTransaction(async (tx) => {
    const subsidy = await tx.subsidy.findUnique({ where: { id: subsidyId }, include: { instalments: true, convention: true } });
    if (!subsidy) throw new SubsidyError("Subvention introuvable.");
    const voted = input.yearAmounts.reduce((a, b) => a + b, 0);
    const paid = sumPaid(subsidy.instalments);
    if (voted < paid) {
      throw new SubsidyError(
        `Le montant voté (${euros(voted)}) ne peut pas être inférieur au montant déjà versé (${euros(paid)}).`,
        "amount_0",
      );
    }
    const years = input.yearAmounts.map((amountCents, i) => ({ year: subsidy.financialYear + i, amountCents }));
    await tx.subsidy.update({
      where: { id: subsidyId },
      data: {
        votedCents: voted,
        decisionDate: parisDay(input.decisionDate),
        deliberationRef: input.deliberationRef,
        multiYear: years.length > 1,
      },
    });
    await tx.subsidyYear.deleteMany({ where: { subsidyId } });
    await tx.subsidyYear.createMany({ data: years.map((y) => ({ subsidyId, ...y })) });
    if (requiresConvention(input.yearAmounts) && !subsidy.convention) {
      await tx.convention.create({ data: { subsidyId } });
    }
    if (subsidy.fundsAction) {
      for (const y of years) {
        await tx.financialReport.upsert({
          where: { subsidyId_financialYear: { subsidyId, financialYear: y.year } },
          create: { subsidyId, financialYear: y.year, dueDate: reportDueDate(y.year) },
          update: {},
        });
      }
      await tx.financialReport.deleteMany({
        where: { subsidyId, status: "a_fournir", financialYear: { notIn: years.map((y) => y.year) } },
      });
    }
    await audit(tx, "subsidy", subsidyId, actor.id, "vote_recorded", {
      fromState: subsidy.votedCents === null ? "proposee" : "votee",
      toState: "votee",
      comment: `${input.deliberationRef} : ${euros(voted)}`,
    });
    return tx.subsidy.findUniqueOrThrow({ where: { id: subsidyId } });
  });
}

function euros(cents: number) {
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
}

// ───────────────────────── Payments ─────────────────────────

/**
 * Replaces the unpaid instalments. Paid ones stay; the whole schedule must add up to the
 * voted amount exactly.
 */
export async function setSchedule(
  subsidyId: string,
  rows: { kind: "avance" | "acompte" | "solde"; amountCents: number; plannedDate: string }[],
  actor: { id: string },
) {
  return writeTransaction(async (tx) => {
    const subsidy = await tx.subsidy.findUnique({ where: { id: subsidyId }, include: { instalments: true } });
    if (!subsidy) throw new SubsidyError("Subvention introuvable.");
    if (subsidy.votedCents === null) throw new SubsidyError("Enregistrez d'abord le vote : l'échéancier répartit le montant voté.");
    const paid = subsidy.instalments.filter((i) => i.paidAt);
    const total = paid.reduce((s, i) => s + i.amountCents, 0) + rows.reduce((s, r) => s + r.amountCents, 0);
    if (total !== subsidy.votedCents) {
      throw new SubsidyError(
        `Les versements prévus totalisent ${euros(total)}${paid.length ? " (versements déjà effectués compris)" : ""} alors que le montant voté est de ${euros(subsidy.votedCents)} : l'échéancier doit correspondre exactement au montant voté.`,
        "amount_0",
      );
    }
    await tx.instalment.deleteMany({ where: { subsidyId, paidAt: null } });
    const sorted = [...rows].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
    await tx.instalment.createMany({
      data: sorted.map((r, i) => ({
        subsidyId,
        kind: r.kind,
        amountCents: r.amountCents,
        plannedDate: parisDay(r.plannedDate),
        position: paid.length + i + 1,
      })),
    });
    await audit(tx, "subsidy", subsidyId, actor.id, "schedule_set", {
      comment: sorted.map((r) => `${r.kind} ${euros(r.amountCents)} le ${r.plannedDate}`).join(" ; "),
    });
  });
}

function paymentAlreadyRecorded(instalment: { paidAt: Date | null; paidCents: number | null }) {
  const when = instalment.paidAt ? ` le ${formatDate(instalment.paidAt)}` : "";
  return new SubsidyError(
    `Ce versement est déjà enregistré (${euros(instalment.paidCents ?? 0)} versés${when}) : il n'est pas enregistré une seconde fois.`,
    "instalmentId",
  );
}

/**
 * Records a payment on an instalment. Refused before the vote, before the convention's
 * signature when one is mandatory, and when the total paid would exceed the voted amount.
 */
export async function recordPayment(
  subsidyId: string,
  input: { instalmentId: string; paidAt: string; amountCents: number },
  actor: { id: string },
) {
  return writeTransaction(async (tx) => {
    const subsidy = await tx.subsidy.findUnique({
      where: { id: subsidyId },
      include: { instalments: true, years: true, convention: true },
    });
    if (!subsidy) throw new SubsidyError("Subvention introuvable.");
    if (subsidy.votedCents === null) throw new SubsidyError("Cette subvention n'a pas encore été votée : aucun versement n'est possible.");
    if (requiresConvention(subsidy.years.map((y) => y.amountCents)) && subsidy.convention?.status !== "signee") {
      throw new SubsidyError(
        "Le montant annuel dépasse 23 000 € : aucun versement n'est possible avant la signature de la convention (loi n° 2000-321, article 10).",
        "instalmentId",
      );
    }
    const instalment = subsidy.instalments.find((i) => i.id === input.instalmentId);
    if (!instalment) throw new SubsidyError("Ce versement ne fait pas partie de l'échéancier de la subvention.", "instalmentId");
    if (instalment.paidAt) throw paymentAlreadyRecorded(instalment);
    if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
      throw new SubsidyError("Indiquez un montant supérieur à 0 €.", "amount");
    }
    const alreadyPaid = sumPaid(subsidy.instalments);
    if (alreadyPaid + input.amountCents > subsidy.votedCents) {
      throw new SubsidyError(
        `Ce versement porterait le total versé à ${euros(alreadyPaid + input.amountCents)}, au-delà du montant voté (${euros(subsidy.votedCents)}) : il est refusé.`,
        "amount",
      );
    }
    // Only an unpaid instalment is written: a second recording, even from another connection, changes nothing.
    const written = await tx.instalment.updateMany({
      where: { id: instalment.id, subsidyId, paidAt: null },
      data: { paidAt: parisDay(input.paidAt), paidCents: input.amountCents },
    });
    if (written.count !== 1) throw paymentAlreadyRecorded(await tx.instalment.findUniqueOrThrow({ where: { id: instalment.id } }));
    await audit(tx, "subsidy", subsidyId, actor.id, "payment_recorded", {
      comment: `${instalment.kind} : ${euros(input.amountCents)} le ${input.paidAt}`,
    });
  });
}

// ───────────────────────── Financial reports ─────────────────────────

/**
 * True when the association has a compte rendu financier past its due date and not
 * submitted (or sent back for corrections): a new request should not be granted before.
 */
export async function hasOverdueReport(associationId: string, now = new Date()): Promise<boolean> {
  const count = await prisma.financialReport.count({
    where: { subsidy: { associationId }, status: { in: [...OPEN_REPORT_STATUSES] }, dueDate: { lt: now } },
  });
  return count > 0;
}

/** The association's overdue reports (for a warning that names them). */
export async function listOverdueReports(associationId: string, now = new Date()) {
  return prisma.financialReport.findMany({
    where: { subsidy: { associationId }, status: { in: [...OPEN_REPORT_STATUSES] }, dueDate: { lt: now } },
    select: { id: true, financialYear: true, dueDate: true, status: true, subsidy: { select: { id: true, number: true, purpose: true } } },
    orderBy: { dueDate: "asc" },
  });
}

/**
 * The association submits its compte rendu financier. Scoped by association: another
 * association's report is "not found" (null).
 */
export async function submitReport(
  associationId: string,
  reportId: string,
  data: Omit<ReportData, "attachmentIds">,
  attachments: Upload[],
  actor: { id: string },
) {
  const report = await prisma.financialReport.findFirst({
    where: { id: reportId, subsidy: { associationId } },
    include: { subsidy: { select: { id: true, number: true, purpose: true } } },
  });
  if (!report) return null;
  if (!(OPEN_REPORT_STATUSES as readonly string[]).includes(report.status)) {
    throw new SubsidyError("Ce compte rendu a déjà été transmis : il ne peut plus être modifié.");
  }
  const previous = JSON.parse(report.data || "{}") as Partial<ReportData>;
  // The files and their rows, then the report, in one transaction (documents/storing.server.ts).
  return storeUploads(
    attachments,
    {
      associationId,
      kind: "compte_rendu",
      label: `Compte rendu financier ${report.financialYear} – ${report.subsidy.number}`,
      uploadedById: actor.id,
      accept: reportAttachmentFiles(),
    },
    async (tx, documents) => {
      const full: ReportData = { ...data, attachmentIds: [...(previous.attachmentIds ?? []), ...documents.map((d) => d.id)] };
      await tx.financialReport.update({
        where: { id: report.id },
        data: { status: "soumis", submittedAt: new Date(), data: JSON.stringify(full) },
      });
      await audit(tx, "report", report.id, actor.id, "submitted", { fromState: report.status, toState: "soumis" });
      return report;
    },
  );
}

async function associationRecipients(associationId: string): Promise<string[]> {
  const association = await prisma.association.findUnique({
    where: { id: associationId },
    select: {
      email: true,
      memberships: { where: { isRepresentative: true }, select: { user: { select: { email: true, disabledAt: true } } } },
    },
  });
  if (!association) return [];
  const emails = association.memberships.filter((m) => !m.user.disabledAt).map((m) => m.user.email);
  if (association.email) emails.push(association.email);
  return [...new Set(emails)];
}

export async function validateReport(reportId: string, actor: { id: string }) {
  const report = await prisma.financialReport.findUnique({ where: { id: reportId }, include: { subsidy: true } });
  if (!report) throw new SubsidyError("Compte rendu introuvable.");
  if (report.status !== "soumis") throw new SubsidyError("Seul un compte rendu transmis par l'association peut être validé.");
  await writeTransaction(async (tx) => {
    await tx.financialReport.update({
      where: { id: reportId },
      data: { status: "valide", validatedAt: new Date(), correctionMessage: null },
    });
    await audit(tx, "report", reportId, actor.id, "validated", { fromState: "soumis", toState: "valide" });
  });
  for (const to of await associationRecipients(report.subsidy.associationId)) {
    await sendMail({
      to,
      subject: `Compte rendu financier ${report.financialYear} validé – ${report.subsidy.number}`,
      text: `Bonjour,\n\nLe CCAS de Besançon a validé le compte rendu financier ${report.financialYear} de la subvention ${report.subsidy.number} (« ${report.subsidy.purpose} »).\n\nMerci.\n\nLe CCAS de Besançon`,
    });
  }
}

export async function requestReportCorrection(reportId: string, message: string, actor: { id: string }) {
  const report = await prisma.financialReport.findUnique({ where: { id: reportId }, include: { subsidy: true } });
  if (!report) throw new SubsidyError("Compte rendu introuvable.");
  if (report.status !== "soumis")
    throw new SubsidyError("Seul un compte rendu transmis par l'association peut être renvoyé pour correction.");
  await writeTransaction(async (tx) => {
    await tx.financialReport.update({ where: { id: reportId }, data: { status: "a_corriger", correctionMessage: message } });
    await audit(tx, "report", reportId, actor.id, "correction_requested", { fromState: "soumis", toState: "a_corriger", comment: message });
  });
  const link = absoluteUrl(`/espace/associations/${report.subsidy.associationId}/subventions/${report.subsidyId}`);
  for (const to of await associationRecipients(report.subsidy.associationId)) {
    await sendMail({
      to,
      subject: `Compte rendu financier ${report.financialYear} à corriger – ${report.subsidy.number}`,
      text: `Bonjour,\n\nLe CCAS de Besançon vous demande de corriger le compte rendu financier ${report.financialYear} de la subvention ${report.subsidy.number} (« ${report.subsidy.purpose} ») :\n\n${message}\n\nÀ transmettre avant le ${formatDate(report.dueDate)} si possible. Pour le corriger : ${link}\n\nLe CCAS de Besançon`,
    });
  }
}

// ───────────────────────── Reading ─────────────────────────

export const subsidyDetailInclude = {
  association: { select: { id: true, name: true, siret: true, rna: true, address: true, postcode: true, city: true, district: true } },
  dossier: { select: { id: true, number: true, call: { select: { id: true, title: true } } } },
  years: { orderBy: { year: "asc" } },
  convention: true,
  instalments: { orderBy: [{ plannedDate: "asc" }, { position: "asc" }] },
  reports: { orderBy: { financialYear: "asc" } },
} satisfies NonNullable<Parameters<Db["subsidy"]["findUnique"]>[0]["include"]>;

type SubsidyDetailRow = Prisma.SubsidyGetPayload<{ include: typeof subsidyDetailInclude }>;

function decorate(s: SubsidyDetailRow, now: Date) {
  const signedAt = s.convention?.status === "signee" ? s.convention.signedAt : null;
  const conventionRequired = requiresConvention(s.years.map((y) => y.amountCents));
  const { instalments, reports, ...rest } = s;
  return {
    ...rest,
    stage: subsidyStage(s),
    paidCents: sumPaid(s.instalments),
    scheduledCents: s.instalments.reduce((sum, i) => sum + i.amountCents, 0),
    conventionRequired,
    paymentBlocked: conventionRequired && s.convention?.status !== "signee",
    instalments: instalments.map((i) => ({ ...i, flags: instalmentFlags(i, signedAt, now) })),
    reports: reports.map((r) => ({ ...r, overdue: isReportOverdue(r, now) })),
  };
}

/** Staff: one subsidy with everything. */
export async function getSubsidyForStaff(subsidyId: string, now = new Date()) {
  const s = await prisma.subsidy.findUnique({ where: { id: subsidyId }, include: subsidyDetailInclude });
  return s ? decorate(s, now) : null;
}

/** An association's member: its own subsidy only (`where: { id, associationId }`). */
export async function getSubsidyForAssociation(associationId: string, subsidyId: string, now = new Date()) {
  const s = await prisma.subsidy.findFirst({ where: { id: subsidyId, associationId }, include: subsidyDetailInclude });
  return s ? decorate(s, now) : null;
}

export async function listSubsidiesForAssociation(associationId: string, now = new Date()) {
  const rows = await prisma.subsidy.findMany({
    where: { associationId },
    include: subsidyDetailInclude,
    orderBy: [{ financialYear: "desc" }, { number: "desc" }],
  });
  return rows.map((s) => decorate(s, now));
}

/** Staff list, newest first, optionally for one financial year. */
export async function listSubsidiesForStaff(filter: { year?: number } = {}, now = new Date()) {
  const rows = await prisma.subsidy.findMany({
    where: filter.year ? { financialYear: filter.year } : {},
    include: subsidyDetailInclude,
    orderBy: [{ financialYear: "desc" }, { number: "desc" }],
  });
  return rows.map((s) => decorate(s, now));
}

/** Staff: validated associations to grant a subsidy outside a call. */
export async function listGrantableAssociations() {
  return prisma.association.findMany({ where: { status: "validated" }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The association space: a link per subsidy, with what needs doing. */
export async function subsidySpaceLinks(associationId: string) {
  const now = new Date();
  const subsidies = await prisma.subsidy.findMany({
    where: { associationId, votedCents: { not: null } },
    select: { id: true, reports: { select: { status: true, dueDate: true } } },
  });
  if (subsidies.length === 0) return [];
  const open = subsidies.flatMap((s) => s.reports).filter((r) => (OPEN_REPORT_STATUSES as readonly string[]).includes(r.status));
  const overdue = open.filter((r) => isReportOverdue(r, now)).length;
  const note = overdue
    ? `${overdue} compte${overdue > 1 ? "s" : ""} rendu${overdue > 1 ? "s" : ""} financier${overdue > 1 ? "s" : ""} en retard`
    : open.length
      ? `${open.length} compte${open.length > 1 ? "s" : ""} rendu${open.length > 1 ? "s" : ""} financier${open.length > 1 ? "s" : ""} à fournir`
      : `${subsidies.length} subvention${subsidies.length > 1 ? "s" : ""}`;
  return [{ href: `/espace/associations/${associationId}/subventions`, label: "Subventions du CCAS", note }];
}
