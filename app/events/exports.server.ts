// The attendee and waiting lists as CSV and XLSX, for staff.
import { formatDateTime } from "~/lib/format";
import { toCsv, toXlsx } from "~/lib/spreadsheet.server";
import { listAttendees } from "~/events/attendance.server";
import { REGISTRATION_STATUS_LABELS } from "~/events/schemas";
import { getPortalSettings } from "~/settings/portal-settings.server";

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
    REGISTRATION_STATUS_LABELS[r.status],
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
  const rows = await exportRows(eventId);
  return toXlsx([{ name: "Inscrits", title, header: EXPORT_HEADERS, rows, width: 24 }], { creator: (await getPortalSettings()).name });
}
