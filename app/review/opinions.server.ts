// Expert opinions (avis) as staff handle them on the dossier page: ask someone without an
// account (an elected official, a partner) through a personal link, remind them, cancel the
// request, read the answer and its file. The link's secret is sent once by e-mail and only its
// SHA-256 is stored (decision 023); a reminder issues a new link that replaces the previous one.
import { TZDate } from "@date-fns/tz";
import { readFile } from "node:fs/promises";
import { newToken } from "~/accounts/tokens.server";
import { prisma, writeTransaction, type Prisma, type Tx } from "~/db.server";
import { uploadPath } from "~/documents/document.server";
import { recordAudit } from "~/lib/audit.server";
import { notFoundError } from "~/lib/domain-error";
import { formatDate, PARIS } from "~/lib/format";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { loadPortalSettings } from "~/settings/portal-settings.server";
import { requireDossierAccess, reviewRefusal, type Actor } from "./access.server";
import { userNames } from "./names.server";
import { opinionReminderEmail, opinionRequestEmail, type OpinionFacts, type ReminderKind } from "./opinion-emails";

/** A request can be reminded by hand at most once in this time. */
export const MANUAL_REMINDER_GAP_MS = 24 * 60 * 60 * 1000;

/** The end of a day in Paris (23:59:59.999) for a date typed as YYYY-MM-DD. */
export function parisEndOfDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, 999, PARIS).getTime());
}

export const opinionLink = (token: string) => absoluteUrl(`/avis/${token}`);

export const opinionFactsSelect = {
  expertName: true,
  question: true,
  dueAt: true,
  dossier: { select: { number: true, projectTitle: true, association: { select: { name: true } } } },
} satisfies Prisma.ExpertOpinionSelect;

type FactsRow = Prisma.ExpertOpinionGetPayload<{ select: typeof opinionFactsSelect }>;

export async function opinionFacts(tx: Tx, row: FactsRow): Promise<OpinionFacts> {
  const { name } = await loadPortalSettings(tx);
  return {
    expertName: row.expertName,
    question: row.question,
    dueAt: row.dueAt,
    dossierNumber: row.dossier.number,
    projectTitle: row.dossier.projectTitle,
    associationName: row.dossier.association.name,
    ccasName: name,
  };
}

const OPEN_STATES = ["en_construction", "en_instruction"];

export type OpinionRequest = { expertName: string; expertEmail: string; question: string; dueOn: string; confidential: boolean };

/** Asks an opinion: the row (the link's hash only), the e-mail with the link, the dossier's history. */
export async function requestOpinion(dossierId: string, actor: Actor, input: OpinionRequest) {
  const dossier = await requireDossierAccess(actor, dossierId);
  if (!OPEN_STATES.includes(dossier.state))
    throw reviewRefusal("Le dossier est décidé : on ne demande plus d'avis à son sujet.", { code: "dossier_decided" });
  const dueAt = parisEndOfDay(input.dueOn);
  const { token, tokenHash } = newToken();
  const id = await writeTransaction(async (tx) => {
    const row = await tx.expertOpinion.create({
      data: {
        dossierId,
        expertName: input.expertName,
        expertEmail: input.expertEmail,
        question: input.question,
        dueAt,
        confidential: input.confidential,
        tokenHash,
        requestedById: actor.id,
      },
      select: { id: true, expertEmail: true, ...opinionFactsSelect },
    });
    await enqueueMail(tx, { to: row.expertEmail, ...opinionRequestEmail(await opinionFacts(tx, row), opinionLink(token)) });
    await recordAudit(tx, {
      entityType: "dossier",
      entityId: dossierId,
      actorId: actor.id,
      action: "avis_demande",
      comment: `Avis demandé à ${input.expertName} (${input.expertEmail}), attendu avant le ${formatDate(dueAt)}${input.confidential ? " — confidentiel" : ""}.`,
    });
    return row.id;
  });
  void kickMailQueue();
  return { id };
}

async function openOpinion(dossierId: string, opinionId: string) {
  const row = await prisma.expertOpinion.findFirst({
    where: { id: opinionId, dossierId },
    select: { id: true, expertName: true, remindedAt: true, answeredAt: true, cancelledAt: true },
  });
  if (!row) throw notFoundError("Cette demande d'avis n'existe pas.");
  if (row.cancelledAt) throw reviewRefusal("Cette demande d'avis est annulée.", { code: "opinion_cancelled" });
  if (row.answeredAt) throw reviewRefusal(`${row.expertName} a déjà donné son avis.`, { code: "opinion_answered" });
  return row;
}

/**
 * Sends the expert a new link (the previous one stops working) with a reminder, if the request
 * is still open and was not reminded since `onlyIfRemindedBefore` (null: never reminded). Returns
 * false when another run got there first. Shared by « Relancer » and the reminders job.
 */
export async function sendOpinionReminder(
  tx: Tx,
  opinion: { id: string; remindedAt: Date | null },
  kind: ReminderKind,
  now: Date,
  actorId: string | null,
): Promise<boolean> {
  const { token, tokenHash } = newToken();
  const updated = await tx.expertOpinion.updateMany({
    where: { id: opinion.id, remindedAt: opinion.remindedAt, answeredAt: null, cancelledAt: null },
    data: { remindedAt: now, tokenHash },
  });
  if (updated.count !== 1) return false;
  const row = await tx.expertOpinion.findUniqueOrThrow({
    where: { id: opinion.id },
    select: { dossierId: true, expertEmail: true, ...opinionFactsSelect },
  });
  await enqueueMail(tx, { to: row.expertEmail, ...opinionReminderEmail(await opinionFacts(tx, row), kind, opinionLink(token)) });
  await recordAudit(tx, {
    entityType: "dossier",
    entityId: row.dossierId,
    actorId,
    action: "avis_relance",
    comment: `${kind === "overdue" ? "Relance (date limite passée)" : kind === "soon" ? "Rappel avant la date limite" : "Relance"} envoyée à ${row.expertName}.`,
  });
  return true;
}

/** « Relancer »: at most once a day per request. */
export async function remindOpinion(dossierId: string, opinionId: string, actor: Actor, now = new Date()) {
  await requireDossierAccess(actor, dossierId);
  const row = await openOpinion(dossierId, opinionId);
  if (row.remindedAt && now.getTime() - row.remindedAt.getTime() < MANUAL_REMINDER_GAP_MS)
    throw reviewRefusal(`${row.expertName} a déjà été relancé·e le ${formatDate(row.remindedAt)} : une relance par jour au plus.`, {
      code: "reminded_recently",
    });
  const sent = await writeTransaction((tx) => sendOpinionReminder(tx, row, "manual", now, actor.id));
  if (!sent) throw reviewRefusal("La demande vient d'être modifiée par quelqu'un d'autre. Rechargez la page.", { code: "opinion_changed" });
  void kickMailQueue();
  return { expertName: row.expertName };
}

/** « Annuler la demande »: the link stops working at once; an answered request stays. */
export async function cancelOpinion(dossierId: string, opinionId: string, actor: Actor) {
  await requireDossierAccess(actor, dossierId);
  const row = await openOpinion(dossierId, opinionId);
  await writeTransaction(async (tx) => {
    const updated = await tx.expertOpinion.updateMany({
      where: { id: row.id, answeredAt: null, cancelledAt: null },
      data: { cancelledAt: new Date() },
    });
    if (updated.count !== 1) throw reviewRefusal("La demande vient d'être modifiée (avis donné ou annulé). Rechargez la page.");
    await recordAudit(tx, {
      entityType: "dossier",
      entityId: dossierId,
      actorId: actor.id,
      action: "avis_annule",
      comment: `Demande d'avis à ${row.expertName} annulée.`,
    });
  });
  return { expertName: row.expertName };
}

/** The dossier page's section: every request, its state and its answer (staff only). */
export async function listOpinionsForReview(actor: Actor, dossierId: string, now = new Date()) {
  await requireDossierAccess(actor, dossierId);
  const rows = await prisma.expertOpinion.findMany({
    where: { dossierId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      expertName: true,
      expertEmail: true,
      question: true,
      dueAt: true,
      confidential: true,
      requestedById: true,
      createdAt: true,
      remindedAt: true,
      answeredAt: true,
      answer: true,
      fileName: true,
      fileSize: true,
      cancelledAt: true,
    },
  });
  const names = await userNames(rows.map((r) => r.requestedById));
  return rows.map(({ requestedById, ...r }) => ({
    ...r,
    requestedByName: names.get(requestedById) ?? "—",
    status: r.cancelledAt ? ("annule" as const) : r.answeredAt ? ("rendu" as const) : ("attendu" as const),
    late: r.answeredAt ? r.answeredAt > r.dueAt : !r.cancelledAt && now > r.dueAt,
    canRemind: !r.answeredAt && !r.cancelledAt && (!r.remindedAt || now.getTime() - r.remindedAt.getTime() >= MANUAL_REMINDER_GAP_MS),
    fileUrl: r.fileName ? `/instruction/dossiers/${dossierId}/avis/${r.id}` : null,
  }));
}

export type ReviewOpinion = Awaited<ReturnType<typeof listOpinionsForReview>>[number];

/** The file an expert sent with the answer, for staff who reach the dossier. */
export async function getOpinionFileForStaff(actor: Actor, dossierId: string, opinionId: string) {
  await requireDossierAccess(actor, dossierId);
  const row = await prisma.expertOpinion.findFirst({
    where: { id: opinionId, dossierId, fileStoredName: { not: null } },
    select: { fileName: true, fileStoredName: true, fileMimeType: true },
  });
  if (!row?.fileStoredName) throw notFoundError();
  const bytes = await readFile(uploadPath(row.fileStoredName)).catch(() => null);
  if (!bytes) throw notFoundError("Le fichier est introuvable sur le serveur.");
  return { bytes, originalName: row.fileName ?? "avis", mimeType: row.fileMimeType ?? "application/octet-stream" };
}
