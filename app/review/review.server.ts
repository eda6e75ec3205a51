// Instruction of dossiers by CCAS staff: the queue, opening for instruction, private
// annotations, the scoring grid, sending back for correction, decisions, the message
// thread with the association, the ranking against a call's envelope, exports.
// Staff see the dossiers of the calls they review (CallReviewer); administrators see all.
import ExcelJS from "exceljs";
import { addXlsxRow, toCsv } from "~/lib/spreadsheet.server";
import { getDossierForStaff } from "~/dossiers/application.server";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction, type Prisma } from "~/db.server";
import {
  DOSSIER_STATES,
  memberDossierPath,
  REVIEWABLE_STATES,
  STATE_LABELS,
  stateLabel,
  type DossierState,
} from "~/dossiers/dossier-states";
import { formatDateTime } from "~/lib/format";
import { forbidden, notFound } from "~/lib/http.server";
import { labelOf } from "~/associations/taxonomy";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { createSubsidyFromDossier } from "~/subsidies/creation.server";

// ── States ─────────────────────────────────────────────────────────

export { DOSSIER_STATES, REVIEWABLE_STATES, STATE_LABELS, memberDossierPath, stateLabel, type DossierState };

export const DECIDED_STATES = ["accepte", "refuse", "sans_suite"] as const satisfies readonly DossierState[];

export type Actor = Pick<SessionUser, "id" | "role" | "name">;

export class ReviewError extends Error {
  constructor(
    message: string,
    readonly field: string = "_form",
  ) {
    super(message);
  }
}

// ── Pure computations (unit-tested) ────────────────────────────────

export type CriterionWeight = { id: string; weight: number };
export type ScoreValue = { criterionId: string; reviewerId: string; value: number };

/**
 * A reviewer's weighted score out of 10: Σ(weight × value) / Σ(weight) over every criterion
 * of the call. A grid with a criterion left unscored is incomplete and gives null.
 */
export function weightedScore(criteria: CriterionWeight[], scores: Pick<ScoreValue, "criterionId" | "value">[]): number | null {
  if (criteria.length === 0) return null;
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s.value]));
  let weighted = 0;
  let totalWeight = 0;
  for (const c of criteria) {
    const value = byCriterion.get(c.id);
    if (value === undefined) return null;
    weighted += c.weight * value;
    totalWeight += c.weight;
  }
  if (totalWeight === 0) return null;
  return weighted / totalWeight;
}

export type ReviewerScore = { reviewerId: string; score: number | null; conflicted: boolean };

/**
 * Per reviewer weighted scores and their average. Reviewers with a declared conflict of
 * interest are left out (even if scores of theirs exist), as are incomplete grids.
 */
export function scoreSummary(
  criteria: CriterionWeight[],
  scores: ScoreValue[],
  reviewerIds: string[],
  conflictedIds: string[] = [],
): { reviewers: ReviewerScore[]; average: number | null; complete: number } {
  const conflicted = new Set(conflictedIds);
  const ids = [...new Set([...reviewerIds, ...scores.map((s) => s.reviewerId)])];
  const reviewers = ids.map((reviewerId) => ({
    reviewerId,
    conflicted: conflicted.has(reviewerId),
    score: conflicted.has(reviewerId)
      ? null
      : weightedScore(
          criteria,
          scores.filter((s) => s.reviewerId === reviewerId),
        ),
  }));
  const counted = reviewers.filter((r) => r.score !== null).map((r) => r.score as number);
  const average = counted.length ? counted.reduce((a, b) => a + b, 0) / counted.length : null;
  return { reviewers, average, complete: counted.length };
}

export type RankInput = { id: string; state: string; average: number | null; requestedCents: number | null; proposedCents: number | null };
export type RankedRow<T extends RankInput> = T & {
  rank: number | null;
  amountCents: number;
  cumulativeCents: number | null;
  exceedsEnvelope: boolean;
};

/**
 * Dossiers by average score (best first, unscored last); refused and closed dossiers come
 * after and count for nothing. The amount counted is the proposed one, else the requested one.
 */
export function rankAgainstEnvelope<T extends RankInput>(
  rows: T[],
  envelopeCents: number,
): { rows: RankedRow<T>[]; totalCents: number; exceeded: boolean } {
  const out = (r: T) => r.state === "refuse" || r.state === "sans_suite";
  const sorted = [...rows].sort((a, b) => {
    if (out(a) !== out(b)) return out(a) ? 1 : -1;
    if (a.average === null && b.average === null) return 0;
    if (a.average === null) return 1;
    if (b.average === null) return -1;
    return b.average - a.average;
  });
  let cumulative = 0;
  let rank = 0;
  const ranked = sorted.map((row) => {
    if (out(row)) return { ...row, rank: null, amountCents: 0, cumulativeCents: null, exceedsEnvelope: false };
    const amountCents = row.proposedCents ?? row.requestedCents ?? 0;
    cumulative += amountCents;
    rank += 1;
    return { ...row, rank, amountCents, cumulativeCents: cumulative, exceedsEnvelope: cumulative > envelopeCents };
  });
  return { rows: ranked, totalCents: cumulative, exceeded: cumulative > envelopeCents };
}

/** The accepted amount: positive, at most the amount requested. Returns a French message, or null when valid. */
export function checkAcceptedAmount(amountCents: number, requestedCents: number | null): string | null {
  if (!Number.isInteger(amountCents) || amountCents <= 0) return "Le montant accordé doit être supérieur à 0 €.";
  if (requestedCents !== null && amountCents > requestedCents) {
    return `Le montant accordé ne peut pas dépasser le montant demandé (${(requestedCents / 100).toLocaleString("fr-FR", { style: "currency", currency: "EUR" })}).`;
  }
  return null;
}

// ── Access ─────────────────────────────────────────────────────────

/** The calls a staff member reviews; null means every call (administrators). */
async function reviewableCallIds(user: Actor): Promise<string[] | null> {
  if (user.role === "admin") return null;
  const rows = await prisma.callReviewer.findMany({ where: { userId: user.id }, select: { callId: true } });
  return rows.map((r) => r.callId);
}

export async function isCallReviewer(callId: string, userId: string) {
  return Boolean(await prisma.callReviewer.findUnique({ where: { callId_userId: { callId, userId } }, select: { callId: true } }));
}

/** Staff reach the calls they are assigned to; administrators every call. 403 otherwise. */
export async function requireCallAccess(user: Actor, callId: string) {
  const call = await prisma.call.findUnique({ where: { id: callId }, select: { id: true } });
  if (!call) throw notFound();
  if (user.role === "admin") return;
  if (!(await isCallReviewer(callId, user.id))) throw forbidden("Vous n'êtes pas instructeur·rice de cet appel à projets.");
}

async function requireDossierAccess(user: Actor, dossierId: string) {
  const dossier = await prisma.dossier.findUnique({ where: { id: dossierId }, select: { id: true, callId: true, state: true } });
  if (!dossier || dossier.state === "brouillon") throw notFound();
  await requireCallAccess(user, dossier.callId);
  return dossier;
}

// ── Queue ──────────────────────────────────────────────────────────

export const QUEUE_SORTS = {
  depot_recent: { label: "Dépôt le plus récent", orderBy: [{ submittedAt: "desc" }, { number: "desc" }] },
  depot_ancien: { label: "Dépôt le plus ancien", orderBy: [{ submittedAt: "asc" }, { number: "asc" }] },
  numero: { label: "Numéro de dossier", orderBy: [{ number: "asc" }] },
  association: { label: "Association (A → Z)", orderBy: [{ association: { name: "asc" } }, { number: "asc" }] },
  montant: { label: "Montant demandé (décroissant)", orderBy: [{ requestedCents: "desc" }, { number: "asc" }] },
} as const satisfies Record<string, { label: string; orderBy: Prisma.DossierOrderByWithRelationInput[] }>;
export type QueueSort = keyof typeof QUEUE_SORTS;

export type QueueFilters = { callId?: string; state?: string; field?: string; mine?: boolean; sort?: QueueSort };

export function parseQueueFilters(url: URL): QueueFilters {
  const sort = url.searchParams.get("tri") ?? "";
  return {
    callId: url.searchParams.get("appel") || undefined,
    state: url.searchParams.get("etat") || undefined,
    field: url.searchParams.get("champ") || undefined,
    mine: url.searchParams.get("moi") === "1",
    sort: sort in QUEUE_SORTS ? (sort as QueueSort) : "depot_recent",
  };
}

export async function listReviewQueue(user: Actor, filters: QueueFilters) {
  const callIds = await reviewableCallIds(user);
  const scope: Prisma.DossierWhereInput = {
    state: { in: [...REVIEWABLE_STATES] },
    ...(callIds ? { callId: { in: callIds } } : {}),
  };
  const filtered: Prisma.DossierWhereInput = {
    ...scope,
    AND: [
      filters.callId ? { callId: filters.callId } : {},
      filters.field ? { association: { fields: { some: { slug: filters.field } } } } : {},
      filters.mine ? { call: { reviewers: { some: { userId: user.id } } } } : {},
    ],
  };
  const withState: Prisma.DossierWhereInput = filters.state ? { ...filtered, state: filters.state } : filtered;
  const [dossiers, byState, calls] = await Promise.all([
    prisma.dossier.findMany({
      where: withState,
      orderBy: QUEUE_SORTS[filters.sort ?? "depot_recent"].orderBy as Prisma.DossierOrderByWithRelationInput[],
      take: 500,
      select: {
        id: true,
        number: true,
        state: true,
        projectTitle: true,
        requestedCents: true,
        proposedCents: true,
        submittedAt: true,
        updatedAt: true,
        call: { select: { id: true, title: true } },
        association: { select: { id: true, name: true, fields: { select: { slug: true } } } },
        _count: { select: { messages: true, annotations: true } },
      },
    }),
    prisma.dossier.groupBy({ by: ["state"], where: filtered, _count: { _all: true } }),
    prisma.call.findMany({
      where: callIds ? { id: { in: callIds } } : {},
      orderBy: { opensAt: "desc" },
      select: { id: true, title: true },
    }),
  ]);
  const counts = Object.fromEntries(byState.map((g) => [g.state, g._count._all])) as Record<string, number>;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { dossiers, counts, total, calls };
}

// ── One dossier ────────────────────────────────────────────────────

const reviewDossierSelect = {
  id: true,
  number: true,
  state: true,
  projectTitle: true,
  requestedCents: true,
  proposedCents: true,
  decisionReason: true,
  submittedAt: true,
  submissions: { select: { kind: true, submittedAt: true }, orderBy: { submittedAt: "asc" } },
  instructionStartedAt: true,
  decidedAt: true,
  declarationSignedAt: true,
  createdAt: true,
  updatedAt: true,
  call: {
    select: {
      id: true,
      title: true,
      envelopeCents: true,
      criteria: { orderBy: { position: "asc" }, select: { id: true, label: true, description: true, weight: true } },
      reviewers: { select: { userId: true } },
    },
  },
  association: {
    select: {
      id: true,
      name: true,
      acronym: true,
      rna: true,
      siret: true,
      address: true,
      postcode: true,
      city: true,
      email: true,
      phone: true,
      socialObject: true,
      fields: { select: { slug: true } },
      memberships: { select: { isRepresentative: true, title: true, user: { select: { name: true, email: true } } } },
    },
  },
  annotations: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, authorId: true } },
  scores: { select: { criterionId: true, reviewerId: true, value: true, comment: true } },
  conflicts: { select: { reviewerId: true, reason: true, declaredAt: true } },
  messages: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, fromStaff: true, authorId: true } },
} satisfies Prisma.DossierSelect;

async function userNames(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const users = await prisma.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Everything a reviewer sees of a dossier: sections, attachments, identity, grid, notes, thread, history. */
export async function getDossierForReview(user: Actor, dossierId: string) {
  await requireDossierAccess(user, dossierId);
  const [dossier, content] = await Promise.all([
    prisma.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: reviewDossierSelect }),
    // The sections with their labels and values as the applicant side defines them.
    getDossierForStaff(dossierId),
  ]);
  const history = await prisma.auditEvent.findMany({
    where: { entityType: "dossier", entityId: dossierId },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, fromState: true, toState: true, comment: true, createdAt: true, actorId: true },
  });
  const reviewerIds = dossier.call.reviewers.map((r) => r.userId);
  const names = await userNames([
    ...reviewerIds,
    ...dossier.annotations.map((a) => a.authorId),
    ...dossier.messages.map((m) => m.authorId),
    ...dossier.scores.map((s) => s.reviewerId),
    ...history.map((h) => h.actorId),
  ]);
  const conflictedIds = dossier.conflicts.map((c) => c.reviewerId);
  const summary = scoreSummary(dossier.call.criteria, dossier.scores, reviewerIds, conflictedIds);
  const isReviewer = reviewerIds.includes(user.id);
  const conflicted = conflictedIds.includes(user.id);
  const { annotations, messages, scores, conflicts, ...rest } = dossier;
  return {
    dossier: rest,
    sections: content?.sections ?? [],
    budget: content?.budget ?? null,
    declarationSignerName: content?.declarationSignerName ?? null,
    attachments: content?.attachments ?? [],
    annotations: annotations.map((a) => ({ ...a, authorName: names.get(a.authorId) ?? "—" })),
    messages: messages.map((m) => ({ ...m, authorName: names.get(m.authorId) ?? "—" })),
    conflicts: conflicts.map((c) => ({ ...c, reviewerName: names.get(c.reviewerId) ?? "—" })),
    myScores: scores.filter((s) => s.reviewerId === user.id),
    scoreSummary: {
      average: summary.average,
      reviewers: summary.reviewers.map((r) => ({ ...r, name: names.get(r.reviewerId) ?? "—" })),
    },
    history: history.map((h) => ({ ...h, actorName: h.actorId ? (names.get(h.actorId) ?? "—") : "Système" })),
    me: { isReviewer, conflicted, canScore: isReviewer && !conflicted && dossier.state === "en_instruction" },
  };
}

// ── State changes ──────────────────────────────────────────────────

type Tx = Prisma.TransactionClient;

async function transition(
  tx: Tx,
  dossierId: string,
  from: readonly string[],
  to: DossierState,
  actor: Actor,
  action: string,
  data: Prisma.DossierUpdateManyMutationInput = {},
  comment?: string | null,
) {
  const current = await tx.dossier.findUnique({ where: { id: dossierId }, select: { state: true, correctionRequestedAt: true } });
  if (!current) throw notFound();
  if (!from.includes(current.state)) {
    throw new ReviewError(`Impossible : le dossier est « ${stateLabel(current.state)} ».`);
  }
  if (action === "demande_correction" && current.state === "en_construction" && current.correctionRequestedAt) {
    // Sent twice (a double click, two reviewers): one request, one e-mail to the association.
    throw new ReviewError(
      "Une demande de correction attend déjà la réponse de l'association : écrivez-lui plutôt dans la messagerie du dossier.",
    );
  }
  // Conditional update: two reviewers acting at once cannot both move the dossier.
  const updated = await tx.dossier.updateMany({
    where: { id: dossierId, state: current.state, correctionRequestedAt: current.correctionRequestedAt },
    data: { ...data, state: to },
  });
  if (updated.count !== 1) throw new ReviewError("Le dossier vient d'être modifié par quelqu'un d'autre. Rechargez la page.");
  await tx.auditEvent.create({
    data: {
      entityType: "dossier",
      entityId: dossierId,
      actorId: actor.id,
      action,
      fromState: current.state,
      toState: to,
      comment: comment ?? null,
    },
  });
}

/** "Passer en instruction": the association can no longer edit the dossier. */
export async function startInstruction(dossierId: string, actor: Actor) {
  await requireDossierAccess(actor, dossierId);
  await writeTransaction((tx) =>
    transition(tx, dossierId, ["en_construction"], "en_instruction", actor, "passage_en_instruction", {
      instructionStartedAt: new Date(),
      correctionRequestedAt: null,
    }),
  );
}

// The e-mails below are queued in the transaction of the change they announce
// (app/mail/mail.server.ts): committed with it, delivered by the mail queue.

async function memberEmails(tx: Tx, associationId: string) {
  const rows = await tx.membership.findMany({
    where: { associationId, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(rows.map((r) => r.user.email))];
}

async function dossierHeader(tx: Tx, dossierId: string) {
  return tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      projectTitle: true,
      requestedCents: true,
      associationId: true,
      callId: true,
      association: { select: { name: true } },
      call: { select: { title: true } },
    },
  });
}

/** Back to "en construction" with what to correct; the association's members are told by e-mail. */
export async function requestCorrection(dossierId: string, actor: Actor, message: string) {
  await requireDossierAccess(actor, dossierId);
  await writeTransaction(async (tx) => {
    await transition(
      tx,
      dossierId,
      ["en_construction", "en_instruction"],
      "en_construction",
      actor,
      "demande_correction",
      { correctionRequestedAt: new Date() },
      message,
    );
    const d = await dossierHeader(tx, dossierId);
    for (const to of await memberEmails(tx, d.associationId)) {
      await enqueueMail(tx, {
        to,
        subject: `Dossier ${d.number} : corrections demandées`,
        text: [
          "Bonjour,",
          "",
          `Le CCAS demande des corrections sur le dossier ${d.number} (« ${d.projectTitle ?? d.call.title} ») de ${d.association.name} :`,
          "",
          message,
          "",
          "Le dossier est de nouveau modifiable. Corrigez-le puis déposez-le à nouveau :",
          absoluteUrl(memberDossierPath(d.associationId, d.id)),
        ].join("\n"),
      });
    }
  });
  void kickMailQueue();
}

/** The latest correction request on a dossier, for the association's dossier page. */
export async function getCorrectionRequest(dossierId: string) {
  const [dossier, event] = await Promise.all([
    prisma.dossier.findUnique({ where: { id: dossierId }, select: { state: true } }),
    prisma.auditEvent.findFirst({
      where: { entityType: "dossier", entityId: dossierId, action: "demande_correction" },
      orderBy: { createdAt: "desc" },
      select: { comment: true, createdAt: true },
    }),
  ]);
  if (!dossier || !event) return null;
  return { message: event.comment ?? "", requestedAt: event.createdAt, pending: dossier.state === "en_construction" };
}

export type Decision =
  | { decision: "accepte"; amountCents: number; comment?: string }
  | { decision: "refuse"; reason: string }
  | { decision: "sans_suite"; reason?: string };

export async function decide(dossierId: string, actor: Actor, input: Decision) {
  await requireDossierAccess(actor, dossierId);
  const current = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { requestedCents: true } });
  if (input.decision === "accepte") {
    const problem = checkAcceptedAmount(input.amountCents, current.requestedCents);
    if (problem) throw new ReviewError(problem, "amount");
  }
  const now = new Date();
  const reason = input.decision === "accepte" ? (input.comment ?? null) : (input.reason ?? null);
  // Accepting creates the subsidy in the same transaction: both happen or neither.
  await writeTransaction(async (tx) => {
    await transition(
      tx,
      dossierId,
      ["en_instruction"],
      input.decision,
      actor,
      "decision",
      {
        decidedAt: now,
        decisionReason: reason,
        ...(input.decision === "accepte" ? { proposedCents: input.amountCents } : {}),
      },
      input.decision === "accepte"
        ? [`Montant accordé : ${(input.amountCents / 100).toLocaleString("fr-FR", { style: "currency", currency: "EUR" })}`, reason]
            .filter(Boolean)
            .join(" — ")
        : reason,
    );
    if (input.decision === "accepte") await createSubsidyFromDossier(dossierId, actor, tx);
    const d = await dossierHeader(tx, dossierId);
    const lines =
      input.decision === "accepte"
        ? [
            `Votre dossier ${d.number} est accepté.`,
            `Montant accordé : ${(input.amountCents / 100).toLocaleString("fr-FR", { style: "currency", currency: "EUR" })}.`,
            ...(reason ? ["", reason] : []),
          ]
        : input.decision === "refuse"
          ? [`Votre dossier ${d.number} est refusé.`, "", `Motif : ${reason}`]
          : [`Votre dossier ${d.number} est classé sans suite.`, ...(reason ? ["", `Motif : ${reason}`] : [])];
    for (const to of await memberEmails(tx, d.associationId)) {
      await enqueueMail(tx, {
        to,
        subject: `Dossier ${d.number} : décision du CCAS`,
        text: [
          "Bonjour,",
          "",
          `Appel à projets : ${d.call.title}`,
          ...lines,
          "",
          `Votre dossier : ${absoluteUrl(memberDossierPath(d.associationId, d.id))}`,
        ].join("\n"),
      });
    }
  });
  void kickMailQueue();
}

// ── Annotations (staff only) ───────────────────────────────────────

export async function addAnnotation(dossierId: string, actor: Actor, body: string) {
  await requireDossierAccess(actor, dossierId);
  await writeTransaction(async (tx) => {
    // The same note sent twice (a double click, a form sent again) is kept once.
    const same = await tx.annotation.findFirst({
      where: { dossierId, authorId: actor.id, body, createdAt: { gte: new Date(Date.now() - RESENT_WITHIN_MS) } },
      select: { id: true },
    });
    if (!same) await tx.annotation.create({ data: { dossierId, authorId: actor.id, body } });
  });
}

// ── Scoring ────────────────────────────────────────────────────────

/**
 * Saves a reviewer's grid. Only the call's reviewers score, only while the dossier is in
 * instruction, never with a declared conflict of interest; each value is 0 to 10.
 */
export async function saveScores(dossierId: string, actor: Actor, values: Record<string, number>, comment?: string | null) {
  const dossier = await requireDossierAccess(actor, dossierId);
  if (!(await isCallReviewer(dossier.callId, actor.id)))
    throw new ReviewError("Seul·e un·e instructeur·rice affecté·e à cet appel peut noter ce dossier.");
  const conflict = await prisma.conflictOfInterest.findUnique({ where: { dossierId_reviewerId: { dossierId, reviewerId: actor.id } } });
  if (conflict) throw new ReviewError("Vous avez déclaré un conflit d'intérêts sur ce dossier : vous ne pouvez pas le noter.");
  if (dossier.state !== "en_instruction") throw new ReviewError("Le dossier se note quand il est en instruction.");
  const criteria = await prisma.criterion.findMany({ where: { callId: dossier.callId }, select: { id: true, label: true } });
  for (const c of criteria) {
    const v = values[c.id];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 0 || v > 10) throw new ReviewError(`${c.label} : la note est un entier de 0 à 10.`, `score_${c.id}`);
  }
  await writeTransaction(async (tx) => {
    for (const c of criteria) {
      const value = values[c.id];
      if (value === undefined) continue;
      await tx.score.upsert({
        where: { dossierId_reviewerId_criterionId: { dossierId, reviewerId: actor.id, criterionId: c.id } },
        create: { dossierId, reviewerId: actor.id, criterionId: c.id, value, comment: comment ?? null },
        update: { value, comment: comment ?? null },
      });
    }
  });
}

/** A reviewer steps aside: the declaration is kept and any score of theirs on the dossier is removed. */
export async function declareConflict(dossierId: string, actor: Actor, reason: string | null) {
  const dossier = await requireDossierAccess(actor, dossierId);
  if (!(await isCallReviewer(dossier.callId, actor.id)))
    throw new ReviewError("Seul·e un·e instructeur·rice affecté·e à cet appel déclare un conflit d'intérêts.");
  await writeTransaction(async (tx) => {
    await tx.conflictOfInterest.upsert({
      where: { dossierId_reviewerId: { dossierId, reviewerId: actor.id } },
      create: { dossierId, reviewerId: actor.id, reason },
      update: { reason },
    });
    await tx.score.deleteMany({ where: { dossierId, reviewerId: actor.id } });
    await tx.auditEvent.create({
      data: { entityType: "dossier", entityId: dossierId, actorId: actor.id, action: "conflit_interets", comment: reason },
    });
  });
}

// ── Messages between the association and staff ─────────────────────

/** A message or note identical to one its author wrote this recently is the same form sent again. */
const RESENT_WITHIN_MS = 10 * 60_000;

/** Writes the message unless its author just wrote the very same one; true when written (then it is sent on). */
async function appendMessageOnce(tx: Tx, message: { dossierId: string; authorId: string; fromStaff: boolean; body: string }) {
  const same = await tx.message.findFirst({
    where: { ...message, createdAt: { gte: new Date(Date.now() - RESENT_WITHIN_MS) } },
    select: { id: true },
  });
  if (same) return false;
  await tx.message.create({ data: message });
  return true;
}

export const messageSelect = { id: true, body: true, createdAt: true, fromStaff: true, authorId: true } satisfies Prisma.MessageSelect;

/** The thread as a member sees it: scoped by association, 404 for anything else. */
export async function listMessagesForMember(associationId: string, dossierId: string) {
  const dossier = await prisma.dossier.findFirst({
    where: { id: dossierId, associationId },
    select: {
      id: true,
      state: true,
      number: true,
      projectTitle: true,
      requestedCents: true,
      proposedCents: true,
      decisionReason: true,
      decidedAt: true,
    },
  });
  if (!dossier) throw notFound();
  const messages = await prisma.message.findMany({ where: { dossierId }, orderBy: { createdAt: "asc" }, select: messageSelect });
  const names = await userNames(messages.map((m) => m.authorId));
  return {
    dossier,
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt,
      fromStaff: m.fromStaff,
      authorName: m.fromStaff ? `${names.get(m.authorId) ?? "—"} (CCAS)` : (names.get(m.authorId) ?? "—"),
    })),
  };
}

export async function postMemberMessage(associationId: string, dossierId: string, actor: Actor, body: string) {
  const dossier = await prisma.dossier.findFirst({ where: { id: dossierId, associationId }, select: { id: true, state: true } });
  if (!dossier) throw notFound();
  if (dossier.state === "brouillon") throw new ReviewError("Déposez d'abord le dossier pour écrire au CCAS.", "body");
  const appended = await writeTransaction(async (tx) => {
    if (!(await appendMessageOnce(tx, { dossierId, authorId: actor.id, fromStaff: false, body }))) return false;
    const d = await dossierHeader(tx, dossierId);
    const reviewers = await tx.callReviewer.findMany({ where: { callId: d.callId }, select: { userId: true } });
    let recipients = await tx.user.findMany({
      where: { id: { in: reviewers.map((r) => r.userId) }, disabledAt: null },
      select: { email: true },
    });
    if (recipients.length === 0)
      recipients = await tx.user.findMany({ where: { role: "admin", disabledAt: null }, select: { email: true } });
    for (const { email } of recipients) {
      await enqueueMail(tx, {
        to: email,
        subject: `Dossier ${d.number} : nouveau message de ${d.association.name}`,
        text: [
          `${actor.name} (${d.association.name}) a écrit sur le dossier ${d.number} :`,
          "",
          body,
          "",
          `Répondre : ${absoluteUrl(`/instruction/dossiers/${d.id}#messagerie`)}`,
        ].join("\n"),
      });
    }
    return true;
  });
  if (appended) void kickMailQueue();
}

export async function postStaffMessage(dossierId: string, actor: Actor, body: string) {
  await requireDossierAccess(actor, dossierId);
  const appended = await writeTransaction(async (tx) => {
    if (!(await appendMessageOnce(tx, { dossierId, authorId: actor.id, fromStaff: true, body }))) return false;
    const d = await dossierHeader(tx, dossierId);
    for (const to of await memberEmails(tx, d.associationId)) {
      await enqueueMail(tx, {
        to,
        subject: `Dossier ${d.number} : nouveau message du CCAS`,
        text: [
          "Bonjour,",
          "",
          `Le CCAS vous a écrit au sujet du dossier ${d.number} :`,
          "",
          body,
          "",
          `Répondre : ${absoluteUrl(memberDossierPath(d.associationId, d.id))}`,
        ].join("\n"),
      });
    }
    return true;
  });
  if (appended) void kickMailQueue();
}

// ── Ranking per call ───────────────────────────────────────────────

async function callDossiersWithScores(callId: string) {
  const call = await prisma.call.findUniqueOrThrow({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      envelopeCents: true,
      criteria: { orderBy: { position: "asc" }, select: { id: true, label: true, weight: true } },
      reviewers: { select: { userId: true } },
    },
  });
  const dossiers = await prisma.dossier.findMany({
    where: { callId, state: { in: [...REVIEWABLE_STATES] } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      state: true,
      projectTitle: true,
      requestedCents: true,
      proposedCents: true,
      submittedAt: true,
      decidedAt: true,
      decisionReason: true,
      association: { select: { name: true, siret: true, rna: true, fields: { select: { slug: true } } } },
      scores: { select: { criterionId: true, reviewerId: true, value: true } },
      conflicts: { select: { reviewerId: true } },
    },
  });
  const reviewerIds = call.reviewers.map((r) => r.userId);
  return {
    call,
    dossiers: dossiers.map(({ scores, conflicts, ...d }) => {
      const summary = scoreSummary(
        call.criteria,
        scores,
        reviewerIds,
        conflicts.map((c) => c.reviewerId),
      );
      return { ...d, average: summary.average, scoredBy: summary.complete };
    }),
  };
}

export async function getCallRanking(user: Actor, callId: string) {
  await requireCallAccess(user, callId);
  const { call, dossiers } = await callDossiersWithScores(callId);
  const ranking = rankAgainstEnvelope(dossiers, call.envelopeCents);
  return { call: { id: call.id, title: call.title, envelopeCents: call.envelopeCents }, ...ranking };
}

// ── Exports ────────────────────────────────────────────────────────

type ExportRow = Awaited<ReturnType<typeof callDossiersWithScores>>["dossiers"][number];
const euros = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2).replace(".", ","));

export const EXPORT_COLUMNS = [
  { key: "numero", label: "Numéro", value: (d: ExportRow) => d.number },
  { key: "association", label: "Association", value: (d: ExportRow) => d.association.name },
  { key: "siret", label: "SIRET", value: (d: ExportRow) => d.association.siret ?? "" },
  { key: "rna", label: "RNA", value: (d: ExportRow) => d.association.rna ?? "" },
  { key: "projet", label: "Projet", value: (d: ExportRow) => d.projectTitle ?? "" },
  { key: "etat", label: "État", value: (d: ExportRow) => stateLabel(d.state) },
  {
    key: "champs",
    label: "Champs d'intervention",
    value: (d: ExportRow) => d.association.fields.map((f) => labelOf("field", f.slug)).join(", "),
  },
  { key: "demande", label: "Montant demandé (€)", value: (d: ExportRow) => euros(d.requestedCents) },
  { key: "accorde", label: "Montant accordé (€)", value: (d: ExportRow) => euros(d.proposedCents) },
  { key: "note", label: "Note moyenne /10", value: (d: ExportRow) => (d.average === null ? "" : d.average.toFixed(2).replace(".", ",")) },
  { key: "depot", label: "Déposé le", value: (d: ExportRow) => (d.submittedAt ? formatDateTime(d.submittedAt) : "") },
  { key: "decision", label: "Décidé le", value: (d: ExportRow) => (d.decidedAt ? formatDateTime(d.decidedAt) : "") },
  { key: "motif", label: "Motif / commentaire de décision", value: (d: ExportRow) => d.decisionReason ?? "" },
] as const;
export type ExportColumnKey = (typeof EXPORT_COLUMNS)[number]["key"];
export const EXPORT_COLUMN_OPTIONS = EXPORT_COLUMNS.map(({ key, label }) => ({ value: key, label }));

export async function exportCallDossiers(user: Actor, callId: string, format: "csv" | "xlsx", keys: string[]) {
  await requireCallAccess(user, callId);
  const columns = EXPORT_COLUMNS.filter((c) => keys.includes(c.key));
  if (columns.length === 0) throw new ReviewError("Choisissez au moins une colonne à exporter.", "colonnes");
  const { call, dossiers } = await callDossiersWithScores(callId);
  const rows = dossiers.map((d) => columns.map((c) => c.value(d)));
  const base = `dossiers-${call.id}`;
  if (format === "csv") {
    const body = toCsv(
      columns.map((c) => c.label),
      rows,
      { delimiter: ";", bom: true },
    );
    return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(body, "utf8") };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CCAS de Besançon";
  const sheet = workbook.addWorksheet("Dossiers");
  addXlsxRow(
    sheet,
    columns.map((c) => c.label),
  ).font = { bold: true };
  for (const row of rows) addXlsxRow(sheet, row);
  sheet.columns.forEach((col) => (col.width = 22));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { filename: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: buffer };
}
