// The posts of a call's dossier table, by the submit button's `intent`: the selection (the
// table's checkboxes) and one bulk action. The page is answered with the report and the
// selection kept; a decision goes on to its confirmation step.
import { data, redirect } from "@remix-run/node";
import type { SessionUser } from "~/accounts/auth.server";
import { invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { bulkAddLabel, bulkMessage, bulkRemoveLabel, bulkStartInstruction, selectedDossiers, type BulkReport } from "~/review/bulk.server";
import { BULK_DECISIONS, bulkLabelSchema, bulkMessageSchema, selectionSchema, type BulkDecision } from "~/review/bulk-schemas";

export type BulkAnswer = { ok: true; report: BulkReport | null; selection: string[] };

const answer = (report: BulkReport | null, selection: string[]) => data({ ok: true as const, report, selection } satisfies BulkAnswer);

export function decisionStepUrl(callId: string, decision: BulkDecision, ids: readonly string[]) {
  const query = new URLSearchParams([["decision", decision], ...ids.map((id) => ["dossierId", id])]);
  return `/instruction/appels/${callId}/decisions?${query.toString()}`;
}

export async function handleBulkIntent(
  user: SessionUser,
  callId: string,
  values: Record<string, unknown>,
  allIds: () => Promise<string[]>,
) {
  const intent = String(values.intent ?? "");
  switch (intent) {
    case "select_all":
      return answer(null, await allIds());
    case "select_none":
      return answer(null, []);
    case "label_add":
    case "label_remove": {
      const parsed = parseWith(bulkLabelSchema, values);
      if (!parsed.ok) return invalid(parsed);
      const { dossierId, labelId } = parsed.data;
      const report =
        intent === "label_add"
          ? await bulkAddLabel(user, callId, dossierId, labelId)
          : await bulkRemoveLabel(user, callId, dossierId, labelId);
      return answer(report, dossierId);
    }
    case "message": {
      const parsed = parseWith(bulkMessageSchema, values);
      if (!parsed.ok) return invalid(parsed);
      return answer(await bulkMessage(user, callId, parsed.data.dossierId, parsed.data.body), parsed.data.dossierId);
    }
    case "start_instruction": {
      const parsed = parseWith(selectionSchema, values);
      if (!parsed.ok) return invalid(parsed);
      return answer(await bulkStartInstruction(user, callId, parsed.data.dossierId), parsed.data.dossierId);
    }
    default: {
      const decision = BULK_DECISIONS.find((d) => intent === `decide_${d}`);
      if (!decision) return unknownIntent(values);
      const parsed = parseWith(selectionSchema, values);
      if (!parsed.ok) return invalid(parsed);
      // Checked here too, so a selection from elsewhere comes back to the table with its message.
      const dossiers = await selectedDossiers(user, callId, parsed.data.dossierId);
      return redirect(
        decisionStepUrl(
          callId,
          decision,
          dossiers.map((d) => d.id),
        ),
      );
    }
  }
}
