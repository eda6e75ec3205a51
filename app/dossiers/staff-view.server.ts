// The review side's view of a dossier: every section with labels and display values.
import { DOSSIER_STATE_LABELS } from "~/dossiers/dossier-states";
import { prisma } from "~/db.server";
import { parseDossierData } from "~/dossiers/dossier-data";
import { formatEuros } from "~/lib/format";
import { getTaxonomy, type Taxonomy } from "~/settings/taxonomy.server";
import { targetLines } from "~/steering/dossier-indicators";
import { budgetTotals, documentKindLabel, DOSSIER_STEP_DEFS, parseEurosToCentsSafe, stepDef, type StepKey } from "~/dossiers/schemas";

export type StaffField = { name: string; label: string; value: string };
export type StaffSection = { key: StepKey; label: string; fields: StaffField[] };

export function displayValue(field: NonNullable<ReturnType<typeof stepDef>>["fields"][number], raw: unknown, taxonomy: Taxonomy): string {
  if (raw === undefined || raw === null || raw === "") return "";
  const list = Array.isArray(raw) ? raw.map(String) : [String(raw)];
  switch (field.kind) {
    case "money": {
      const cents = parseEurosToCentsSafe(list[0]);
      return cents === null ? list[0] : formatEuros(cents);
    }
    case "multi":
    case "select": {
      const kind = field.taxonomy;
      return list.map((v) => (kind ? taxonomy.label(kind, v) : (field.options?.find((o) => o.value === v)?.label ?? v))).join(", ");
    }
    case "checkbox":
      return list[0] === "on" ? "Oui" : "Non";
    case "date": {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(list[0]);
      return m ? `${m[3]}/${m[2]}/${m[1]}` : list[0];
    }
    default:
      return list.join(", ");
  }
}

/** Every section with labels, for the review screens; null when the dossier does not exist. */
export async function getDossierForStaff(dossierId: string) {
  const d = await prisma.dossier.findUnique({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      state: true,
      data: true,
      projectTitle: true,
      requestedCents: true,
      submittedAt: true,
      declarationSignedAt: true,
      declarationSignerId: true,
      associationId: true,
      association: { select: { id: true, name: true, slug: true, rna: true, siret: true, district: true } },
      call: { select: { id: true, title: true, slug: true, minAmountCents: true, maxAmountCents: true, requiredAttachments: true } },
      indicators: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, callIndicatorId: true, name: true, kind: true, unit: true, target: true },
      },
      attachments: {
        select: {
          id: true,
          kind: true,
          document: { select: { id: true, label: true, originalName: true, mimeType: true, size: true, createdAt: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!d) return null;
  const data = parseDossierData(d.data);
  const taxonomy = await getTaxonomy();
  const sections: StaffSection[] = DOSSIER_STEP_DEFS.filter((s) => s.key !== "pieces").map((def) => ({
    key: def.key,
    label: def.label,
    fields:
      def.key === "indicateurs"
        ? targetLines(d.indicators)
        : def.fields.map((f) => ({ name: f.name, label: f.label, value: displayValue(f, data[def.key]?.[f.name], taxonomy) })),
  }));
  const totals = budgetTotals(data.budget_projet ?? {});
  const signer = d.declarationSignerId
    ? await prisma.user.findUnique({ where: { id: d.declarationSignerId }, select: { name: true } })
    : null;
  return {
    id: d.id,
    number: d.number,
    state: d.state,
    stateLabel: DOSSIER_STATE_LABELS[d.state] ?? d.state,
    projectTitle: d.projectTitle,
    requestedCents: d.requestedCents,
    submittedAt: d.submittedAt,
    declarationSignedAt: d.declarationSignedAt,
    declarationSignerName: signer?.name ?? null,
    association: { ...d.association, districtLabel: taxonomy.label("district", d.association.district) },
    call: d.call,
    sections,
    budget: { ...totals, ccasSharePercent: totals.incomeCents ? Math.round((totals.ccasCents / totals.incomeCents) * 1000) / 10 : 0 },
    attachments: d.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: documentKindLabel(a.kind),
      documentId: a.document.id,
      label: a.document.label,
      originalName: a.document.originalName,
      mimeType: a.document.mimeType,
      size: a.document.size,
      downloadUrl: `/documents/${a.document.id}`,
    })),
  };
}

export type StaffDossier = NonNullable<Awaited<ReturnType<typeof getDossierForStaff>>>;
