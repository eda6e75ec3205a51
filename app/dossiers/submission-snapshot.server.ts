// Building the snapshot of a deposit inside the deposit's own transaction: what it reads is what
// the conditional write just deposited (the number it gave, the data, the attachments).
import type { Tx } from "~/db.server";
import { CHARGE_LINES, IN_KIND_LINES, INCOME_LINES, budgetTotals } from "~/dossiers/budget";
import { parseDossierData } from "~/dossiers/dossier-data";
import { documentKindLabel, DOSSIER_STEP_DEFS, parseEurosToCentsSafe, stepDef } from "~/dossiers/schemas";
import { displayValue } from "~/dossiers/staff-view.server";
import { SNAPSHOT_VERSION, snapshotSha256, type SubmissionSnapshot } from "~/dossiers/submission-snapshot";
import { loadPortalSettings } from "~/settings/portal-settings.server";
import type { Taxonomy } from "~/settings/taxonomy.server";
import { targetLines } from "~/steering/dossier-indicators";

/** Steps shown as label/value lists; the budget, the attachments and the declaration have their own parts. */
const OWN_PARTS = new Set(["budget_projet", "pieces", "declaration"]);

export type SnapshotInput = {
  dossierId: string;
  kind: "depot" | "redepot";
  at: Date;
  submitter: { id: string; name: string };
  taxonomy: Taxonomy;
};

/** The dossier as deposited, and its fingerprint. */
export async function buildSubmissionSnapshot(
  tx: Pick<Tx, "dossier" | "user" | "portalSettings">,
  input: SnapshotInput,
): Promise<{ snapshot: SubmissionSnapshot; sha256: string }> {
  const d = await tx.dossier.findUniqueOrThrow({
    where: { id: input.dossierId },
    select: {
      id: true,
      number: true,
      data: true,
      projectTitle: true,
      requestedCents: true,
      declarationSignedAt: true,
      declarationSignerId: true,
      association: { select: { id: true, name: true, rna: true, siret: true } },
      call: { select: { id: true, title: true, financialYear: true } },
      indicators: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, callIndicatorId: true, name: true, kind: true, unit: true, target: true },
      },
      attachments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          kind: true,
          document: { select: { id: true, originalName: true, mimeType: true, size: true, sha256: true } },
        },
      },
    },
  });
  const data = parseDossierData(d.data);
  const budgetValues = data.budget_projet ?? {};
  const lines = (defs: readonly { name: string; label: string }[]) =>
    defs.map((l) => {
      const raw = budgetValues[l.name];
      return { name: l.name, label: l.label, cents: parseEurosToCentsSafe(typeof raw === "string" ? raw : undefined) ?? 0 };
    });
  const signer = d.declarationSignerId ? await tx.user.findUnique({ where: { id: d.declarationSignerId }, select: { name: true } }) : null;
  const ccas = await loadPortalSettings(tx);
  const declaration = stepDef("declaration")?.fields ?? [];
  const snapshot: SubmissionSnapshot = {
    version: SNAPSHOT_VERSION,
    kind: input.kind,
    depositedAt: input.at.toISOString(),
    depositedBy: { id: input.submitter.id, name: input.submitter.name },
    ccas: { name: ccas.name, longName: ccas.longName },
    dossier: { id: d.id, number: d.number, projectTitle: d.projectTitle ?? "", requestedCents: d.requestedCents ?? 0 },
    association: { id: d.association.id, name: d.association.name, rna: d.association.rna ?? "", siret: d.association.siret ?? "" },
    call: { id: d.call.id, title: d.call.title, financialYear: d.call.financialYear },
    // The targets are a section like the others (one line per indicator), present when the dossier has any.
    sections: DOSSIER_STEP_DEFS.filter((s) => !OWN_PARTS.has(s.key) && (s.key !== "indicateurs" || d.indicators.length > 0)).map((def) => ({
      key: def.key,
      label: def.label,
      fields:
        def.key === "indicateurs"
          ? targetLines(d.indicators)
          : def.fields.map((f) => ({ name: f.name, label: f.label, value: displayValue(f, data[def.key]?.[f.name], input.taxonomy) })),
    })),
    budget: {
      charges: lines(CHARGE_LINES),
      income: lines(INCOME_LINES),
      inKind: lines(IN_KIND_LINES),
      totals: budgetTotals(budgetValues),
    },
    declaration: {
      items: declaration.map((f) => ({ label: f.label, accepted: data.declaration?.[f.name] === "on" })),
      signedAt: d.declarationSignedAt?.toISOString() ?? null,
      signerName: signer?.name ?? null,
    },
    attachments: d.attachments.map((a) => ({
      documentId: a.document.id,
      kind: a.kind,
      kindLabel: documentKindLabel(a.kind),
      originalName: a.document.originalName,
      mimeType: a.document.mimeType,
      size: a.document.size,
      sha256: a.document.sha256,
    })),
  };
  return { snapshot, sha256: snapshotSha256(snapshot) };
}
