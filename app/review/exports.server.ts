// Exports of a call's dossiers, CSV or XLSX, with the columns staff pick.
import { labelOf } from "~/associations/taxonomy";
import { stateLabel } from "~/dossiers/dossier-states";
import { centsToDecimal, formatDateTime, formatDecimal } from "~/lib/format";
import { toCsv, toXlsx } from "~/lib/spreadsheet.server";
import { requireCallAccess, reviewRefusal, type Actor } from "./access.server";
import { callDossiersWithScores } from "./ranking.server";
import { getPortalSettings } from "~/settings/portal-settings.server";

type ExportRow = Awaited<ReturnType<typeof callDossiersWithScores>>["dossiers"][number];

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
  { key: "demande", label: "Montant demandé (€)", value: (d: ExportRow) => centsToDecimal(d.requestedCents) },
  { key: "accorde", label: "Montant accordé (€)", value: (d: ExportRow) => centsToDecimal(d.proposedCents) },
  { key: "note", label: "Note moyenne /10", value: (d: ExportRow) => formatDecimal(d.average) },
  { key: "depot", label: "Déposé le", value: (d: ExportRow) => (d.submittedAt ? formatDateTime(d.submittedAt) : "") },
  { key: "decision", label: "Décidé le", value: (d: ExportRow) => (d.decidedAt ? formatDateTime(d.decidedAt) : "") },
  { key: "motif", label: "Motif / commentaire de décision", value: (d: ExportRow) => d.decisionReason ?? "" },
] as const;
export type ExportColumnKey = (typeof EXPORT_COLUMNS)[number]["key"];
export const EXPORT_COLUMN_OPTIONS = EXPORT_COLUMNS.map(({ key, label }) => ({ value: key, label }));

export async function exportCallDossiers(user: Actor, callId: string, format: "csv" | "xlsx", keys: string[]) {
  await requireCallAccess(user, callId);
  const columns = EXPORT_COLUMNS.filter((c) => keys.includes(c.key));
  if (columns.length === 0) throw reviewRefusal("Choisissez au moins une colonne à exporter.", { field: "colonnes" });
  const { call, dossiers } = await callDossiersWithScores(callId);
  const header = columns.map((c) => c.label);
  const rows = dossiers.map((d) => columns.map((c) => c.value(d)));
  const base = `dossiers-${call.id}`;
  if (format === "csv") {
    const body = toCsv(header, rows, { delimiter: ";", bom: true });
    return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(body, "utf8") };
  }
  const body = await toXlsx([{ name: "Dossiers", header, rows, width: 22 }], { creator: (await getPortalSettings()).name });
  return { filename: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body };
}
