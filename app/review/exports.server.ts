// Exports of a call's dossiers, CSV or XLSX, with the columns staff pick.
import ExcelJS from "exceljs";
import { labelOf } from "~/associations/taxonomy";
import { stateLabel } from "~/dossiers/dossier-states";
import { formatDateTime } from "~/lib/format";
import { addXlsxRow, toCsv } from "~/lib/spreadsheet.server";
import { requireCallAccess, ReviewError, type Actor } from "./access.server";
import { callDossiersWithScores } from "./ranking.server";

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
