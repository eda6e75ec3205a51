// Decisions on a selection of a call's dossiers, confirmed before they apply: the confirmation
// lists each dossier with its own amount (accepting) or reason (refusing), the call's envelope
// and the total; then each decision goes through `decide` on its own (its own transaction, its
// e-mail, its subsidy), and every dossier is reported: done, or refused with the reason.
import { prisma } from "~/db.server";
import { stateLabel } from "~/dossiers/dossier-states";
import { recordAudit } from "~/lib/audit.server";
import { isDomainError } from "~/lib/domain-error";
import { writeTransaction } from "~/db.server";
import { requireCallAccess, type Actor } from "./access.server";
import type { BulkDecision } from "./bulk-schemas";
import { BULK_DECISION_LABELS } from "./bulk-schemas";
import { decide, DECIDED_STATES } from "./decisions.server";

export type DecisionRow = {
  id: string;
  number: string;
  associationName: string;
  projectTitle: string | null;
  state: string;
  requestedCents: number | null;
  /** Why this dossier cannot be decided now (null: it can). */
  blocked: string | null;
};

/** Why a dossier in this state is not decided; null when it is in instruction. */
export function blockedReason(state: string): string | null {
  if (state === "en_instruction") return null;
  if ((DECIDED_STATES as readonly string[]).includes(state)) return `Déjà décidé (« ${stateLabel(state)} ») : rien n'est changé.`;
  return `« ${stateLabel(state)} » : seul un dossier en instruction peut être décidé. Passez-le d'abord en instruction.`;
}

/**
 * What the confirmation shows: the call (envelope, amounts already granted outside the
 * selection) and each selected dossier of the call, with what stops it being decided. Ids that
 * are not dossiers of the call are counted apart (`unknown`), never shown as dossiers.
 */
export async function prepareDecisions(user: Actor, callId: string, ids: readonly string[]) {
  await requireCallAccess(user, callId);
  const [call, dossiers] = await Promise.all([
    prisma.call.findUniqueOrThrow({ where: { id: callId }, select: { id: true, title: true, envelopeCents: true } }),
    prisma.dossier.findMany({
      where: { id: { in: [...ids] }, callId, state: { not: "brouillon" } },
      orderBy: { number: "asc" },
      select: { id: true, number: true, state: true, projectTitle: true, requestedCents: true, association: { select: { name: true } } },
    }),
  ]);
  const granted = await prisma.dossier.aggregate({
    where: { callId, state: "accepte", id: { notIn: dossiers.map((d) => d.id) } },
    _sum: { proposedCents: true },
  });
  const rows: DecisionRow[] = dossiers.map((d) => ({
    id: d.id,
    number: d.number,
    associationName: d.association.name,
    projectTitle: d.projectTitle,
    state: d.state,
    requestedCents: d.requestedCents,
    blocked: blockedReason(d.state),
  }));
  return { call, grantedCents: granted._sum.proposedCents ?? 0, rows, unknown: new Set(ids).size - rows.length };
}

export type DecisionEntry = { dossierId: string; amountCents?: number; reason?: string };
export type DecisionResult = {
  id: string;
  number: string;
  associationName: string;
  outcome: "done" | "refused";
  message: string;
  subsidy?: { id: string; number: string; proposedCents: number };
};

/**
 * Applies the decision to each dossier of the call, in turn, each through `decide` in its own
 * transaction. A dossier decided meanwhile, not in instruction, or whose amount `decide` refuses
 * is reported with the reason and left as it is.
 */
export async function applyDecisions(user: Actor, callId: string, decision: BulkDecision, entries: readonly DecisionEntry[]) {
  const { rows } = await prepareDecisions(
    user,
    callId,
    entries.map((e) => e.dossierId),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const results: DecisionResult[] = [];
  for (const entry of entries) {
    const row = byId.get(entry.dossierId);
    if (!row) continue; // not a dossier of this call: counted by the page as unknown
    const base = { id: row.id, number: row.number, associationName: row.associationName };
    if (row.blocked) {
      results.push({ ...base, outcome: "refused", message: row.blocked });
      continue;
    }
    try {
      if (decision === "accepte") await decide(row.id, user, { decision, amountCents: entry.amountCents ?? 0 });
      else if (decision === "refuse") await decide(row.id, user, { decision, reason: entry.reason ?? "" });
      else await decide(row.id, user, { decision, reason: entry.reason });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      results.push({ ...base, outcome: "refused", message: error.message });
      continue;
    }
    const subsidy =
      decision === "accepte"
        ? await prisma.subsidy.findUnique({ where: { dossierId: row.id }, select: { id: true, number: true, proposedCents: true } })
        : null;
    results.push({ ...base, outcome: "done", message: BULK_DECISION_LABELS[decision].done, ...(subsidy ? { subsidy } : {}) });
  }
  const done = results.filter((r) => r.outcome === "done");
  if (done.length) {
    await writeTransaction((tx) =>
      recordAudit(tx, {
        entityType: "call",
        entityId: callId,
        actorId: user.id,
        action: "decisions_groupees",
        comment: `${BULK_DECISION_LABELS[decision].done} : ${done.map((d) => d.number).join(", ")}`.slice(0, 2000),
      }),
    );
  }
  return { results, unknown: entries.length - results.length };
}
