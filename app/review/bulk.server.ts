// Bulk actions on a selection of a call's dossiers (the call's table): put or take off a label,
// post a message into each thread, move to instruction, export. Every dossier is reported:
// done, or skipped with its reason; nothing is silently left out.
import { prisma, writeTransaction } from "~/db.server";
import { stateLabel } from "~/dossiers/dossier-states";
import { recordAudit } from "~/lib/audit.server";
import { isDomainError } from "~/lib/domain-error";
import { toCsv, toXlsx } from "~/lib/spreadsheet.server";
import { getPortalSettings } from "~/settings/portal-settings.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { requireCallAccess, reviewRefusal, type Actor } from "./access.server";
import { EXPORT_COLUMNS } from "./exports.server";
import { labelDossiers, labelsByDossier, unlabelDossiers } from "./labels.server";
import { postStaffMessage, RESENT_WITHIN_MS } from "./messages.server";
import { callDossiersWithScores } from "./ranking.server";
import { startInstruction } from "./transitions.server";

export type SelectedDossier = { id: string; number: string; state: string };
export type BulkLine = { id: string; number: string; reason?: string };
export type BulkReport = { title: string; done: BulkLine[]; skipped: BulkLine[] };

/**
 * The selected dossiers, re-read from the database within the call the user reviews (in the
 * order of their numbers). An id outside the call, a draft or a missing one refuses the whole
 * selection: it does not come from the table.
 */
export async function selectedDossiers(user: Actor, callId: string, ids: readonly string[]): Promise<SelectedDossier[]> {
  await requireCallAccess(user, callId);
  const rows = await prisma.dossier.findMany({
    where: { id: { in: [...ids] }, callId, state: { not: "brouillon" } },
    orderBy: { number: "asc" },
    select: { id: true, number: true, state: true },
  });
  if (rows.length !== new Set(ids).size) {
    throw reviewRefusal("La sélection contient un dossier qui n'est pas (ou plus) un dossier déposé de cet appel. Rechargez la page.", {
      field: "dossierId",
      code: "selection_outside_call",
    });
  }
  return rows;
}

/** One line on the call's trail for each bulk action, besides each dossier's own. */
async function auditBulk(user: Actor, callId: string, what: string, done: readonly BulkLine[]) {
  if (done.length === 0) return;
  await writeTransaction((tx) =>
    recordAudit(tx, {
      entityType: "call",
      entityId: callId,
      actorId: user.id,
      action: "action_groupee",
      comment: `${what} : ${done.map((d) => d.number).join(", ")}`.slice(0, 2000),
    }),
  );
}

const numbered = (dossiers: readonly SelectedDossier[], ids: readonly string[], reason?: string): BulkLine[] =>
  dossiers.filter((d) => ids.includes(d.id)).map((d) => ({ id: d.id, number: d.number, ...(reason ? { reason } : {}) }));

export async function bulkAddLabel(user: Actor, callId: string, ids: readonly string[], labelId: string): Promise<BulkReport> {
  const dossiers = await selectedDossiers(user, callId, ids);
  const { label, added, already } = await labelDossiers(
    user,
    callId,
    labelId,
    dossiers.map((d) => d.id),
  );
  const done = numbered(dossiers, added);
  await auditBulk(user, callId, `Étiquette « ${label.name} » appliquée`, done);
  return {
    title: `Étiquette « ${label.name} » appliquée`,
    done,
    skipped: numbered(dossiers, already, "Portait déjà cette étiquette."),
  };
}

export async function bulkRemoveLabel(user: Actor, callId: string, ids: readonly string[], labelId: string): Promise<BulkReport> {
  const dossiers = await selectedDossiers(user, callId, ids);
  const { label, removed, absent } = await unlabelDossiers(
    user,
    callId,
    labelId,
    dossiers.map((d) => d.id),
  );
  const done = numbered(dossiers, removed);
  await auditBulk(user, callId, `Étiquette « ${label.name} » retirée`, done);
  return { title: `Étiquette « ${label.name} » retirée`, done, skipped: numbered(dossiers, absent, "Ne portait pas cette étiquette.") };
}

/** Posts the message into each dossier's thread (the association is e-mailed, as from the dossier page). */
export async function bulkMessage(user: Actor, callId: string, ids: readonly string[], body: string): Promise<BulkReport> {
  const dossiers = await selectedDossiers(user, callId, ids);
  // The same message by the same person within the resend window is the form sent again: say so.
  const recent = await prisma.message.findMany({
    where: {
      dossierId: { in: dossiers.map((d) => d.id) },
      authorId: user.id,
      fromStaff: true,
      body,
      createdAt: { gte: new Date(Date.now() - RESENT_WITHIN_MS) },
    },
    select: { dossierId: true },
  });
  const sentAlready = new Set(recent.map((m) => m.dossierId));
  const report: BulkReport = { title: "Message envoyé", done: [], skipped: [] };
  for (const d of dossiers) {
    if (sentAlready.has(d.id)) {
      report.skipped.push({ id: d.id, number: d.number, reason: "Ce même message vient d'être envoyé à ce dossier." });
      continue;
    }
    try {
      await postStaffMessage(d.id, user, body);
      report.done.push({ id: d.id, number: d.number });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      report.skipped.push({ id: d.id, number: d.number, reason: error.message });
    }
  }
  await auditBulk(user, callId, "Message envoyé", report.done);
  return report;
}

/** Moves the dossiers « en construction » to instruction; the others are listed with their state. */
export async function bulkStartInstruction(user: Actor, callId: string, ids: readonly string[]): Promise<BulkReport> {
  const dossiers = await selectedDossiers(user, callId, ids);
  const report: BulkReport = { title: "Passage en instruction", done: [], skipped: [] };
  for (const d of dossiers) {
    if (d.state !== "en_construction") {
      const reason =
        d.state === "en_instruction"
          ? "Déjà en instruction."
          : `« ${stateLabel(d.state)} » : seul un dossier en construction passe en instruction.`;
      report.skipped.push({ id: d.id, number: d.number, reason });
      continue;
    }
    try {
      await startInstruction(d.id, user);
      report.done.push({ id: d.id, number: d.number });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      report.skipped.push({ id: d.id, number: d.number, reason: error.message });
    }
  }
  await auditBulk(user, callId, "Passage en instruction", report.done);
  return report;
}

/** The selection as a spreadsheet: every column of the call's export, and the labels. */
export async function exportSelection(user: Actor, callId: string, ids: readonly string[], format: "csv" | "xlsx") {
  const selected = await selectedDossiers(user, callId, ids);
  const wanted = new Set(selected.map((d) => d.id));
  const [{ call, dossiers }, taxonomy, labels] = await Promise.all([
    callDossiersWithScores(callId),
    getTaxonomy(),
    labelsByDossier([...wanted]),
  ]);
  const rows = dossiers.filter((d) => wanted.has(d.id));
  const header = [...EXPORT_COLUMNS.map((c) => c.label), "Étiquettes"];
  const cells = rows.map((d) => [
    ...EXPORT_COLUMNS.map((c) => c.value(d, taxonomy)),
    (labels.get(d.id) ?? []).map((l) => l.name).join(", "),
  ]);
  const base = `selection-${call.id}`;
  if (format === "csv") {
    const body = toCsv(header, cells, { delimiter: ";", bom: true });
    return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(body, "utf8") };
  }
  const body = await toXlsx([{ name: "Dossiers", header, rows: cells, width: 22 }], { creator: (await getPortalSettings()).name });
  return { filename: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body };
}
