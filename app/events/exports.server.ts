// The attendee and waiting lists as CSV and XLSX, for staff.
import ExcelJS from "exceljs";
import { formatDateTime } from "~/lib/format";
import { addXlsxRow, toCsv } from "~/lib/spreadsheet.server";
import { listAttendees } from "~/events/attendance.server";
import { REGISTRATION_STATUS_LABELS, type RegistrationStatus } from "~/events/schemas";

const EXPORT_HEADERS = [
  "Statut",
  "Position en liste d'attente",
  "Nom",
  "E-mail",
  "Association",
  "Fonction",
  "Besoins d'accessibilité",
  "Inscrit·e le",
  "Présent·e",
];

async function exportRows(eventId: string) {
  const { confirmed, waiting } = await listAttendees(eventId);
  return [...confirmed, ...waiting].map((r) => [
    REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus] ?? r.status,
    r.waitlistPosition ?? "",
    r.name,
    r.email,
    r.association?.name ?? "",
    r.role ?? "",
    r.accessibilityNeeds ?? "",
    formatDateTime(r.createdAt),
    r.checkedInAt ? `oui (${formatDateTime(r.checkedInAt)})` : "non",
  ]);
}

/** Semicolon-separated with a BOM: what French spreadsheets open without asking. */
export async function exportCsv(eventId: string): Promise<string> {
  return toCsv(EXPORT_HEADERS, await exportRows(eventId), { delimiter: ";", bom: true });
}

export async function exportXlsx(eventId: string, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CCAS de Besançon";
  const sheet = workbook.addWorksheet("Inscrits");
  addXlsxRow(sheet, [title]).font = { bold: true, size: 14 };
  addXlsxRow(sheet, EXPORT_HEADERS).font = { bold: true };
  for (const row of await exportRows(eventId)) addXlsxRow(sheet, row);
  sheet.columns.forEach((c) => (c.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
