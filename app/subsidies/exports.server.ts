// The staff exports of the subsidies and their payments: CSV for a French spreadsheet, XLSX.
import { prisma } from "~/db.server";
import { centsToDecimal } from "~/lib/format";
import { toCsv, toXlsx, type SheetCell, type XlsxSheet } from "~/lib/spreadsheet.server";
import { INSTALMENT_KIND_LABELS } from "~/subsidies/schemas";
import { reportingInclude } from "~/subsidies/dashboard.server";
import { instalmentFlags, subsidyStage, sumPaid } from "~/subsidies/rules";
import { getPortalSettings } from "~/settings/portal-settings.server";
import {
  CONVENTION_STATUS_LABELS,
  INSTALMENT_FLAG_LABELS,
  REPORT_STATUS_LABELS,
  SUBSIDY_STAGE_LABELS,
  toDateInput,
} from "~/subsidies/subsidy-labels";

const euroNumber = (cents: number | null) => (cents === null ? null : cents / 100);

async function loadAllForExport() {
  return prisma.subsidy.findMany({ include: reportingInclude, orderBy: [{ financialYear: "desc" }, { number: "asc" }] });
}

type ExportSubsidy = Awaited<ReturnType<typeof loadAllForExport>>[number];

const SUBSIDY_COLUMNS = [
  ["number", "Numéro"],
  ["financialYear", "Exercice"],
  ["association", "Association"],
  ["siret", "SIRET"],
  ["call", "Appel à projets"],
  ["dossier", "Dossier"],
  ["purpose", "Objet"],
  ["requested", "Montant demandé (€)"],
  ["proposed", "Montant proposé (€)"],
  ["voted", "Montant voté (€)"],
  ["years", "Montants annuels"],
  ["decisionDate", "Date de décision"],
  ["deliberationRef", "Délibération"],
  ["convention", "Convention"],
  ["conventionSignedAt", "Convention signée le"],
  ["paid", "Versé (€)"],
  ["remaining", "Reste à verser (€)"],
  ["stage", "État"],
  ["reports", "Comptes rendus financiers"],
] as const;

const PAYMENT_COLUMNS = [
  ["subsidy", "Subvention"],
  ["association", "Association"],
  ["kind", "Type"],
  ["planned", "Montant prévu (€)"],
  ["plannedDate", "Date prévue"],
  ["paidAt", "Versé le"],
  ["paid", "Montant versé (€)"],
  ["flags", "Alertes"],
] as const;

function subsidyRow(s: ExportSubsidy, money: (c: number | null) => number | string | null) {
  const paid = sumPaid(s.instalments);
  return {
    number: s.number,
    financialYear: s.financialYear,
    association: s.association.name,
    siret: s.association.siret ?? "",
    call: s.dossier?.call.title ?? "Hors appel à projets",
    dossier: s.dossier?.number ?? "",
    purpose: s.purpose,
    requested: money(s.requestedCents),
    proposed: money(s.proposedCents),
    voted: money(s.votedCents),
    years: s.years.map((y) => `${y.year} : ${centsToDecimal(y.amountCents)} €`).join(" | "),
    decisionDate: s.decisionDate ? toDateInput(s.decisionDate) : "",
    deliberationRef: s.deliberationRef ?? "",
    convention: s.convention ? (CONVENTION_STATUS_LABELS[s.convention.status] ?? s.convention.status) : "",
    conventionSignedAt: s.convention?.signedAt ? toDateInput(s.convention.signedAt) : "",
    paid: money(paid),
    remaining: money(s.votedCents === null ? null : s.votedCents - paid),
    stage: SUBSIDY_STAGE_LABELS[subsidyStage(s)],
    reports: s.reports.map((r) => `${r.financialYear} : ${REPORT_STATUS_LABELS[r.status] ?? r.status}`).join(" | "),
  };
}

function paymentRows(subsidies: ExportSubsidy[], money: (c: number | null) => number | string | null, now: Date) {
  return subsidies.flatMap((s) =>
    s.instalments.map((i) => ({
      subsidy: s.number,
      association: s.association.name,
      kind: INSTALMENT_KIND_LABELS[i.kind],
      planned: money(i.amountCents),
      plannedDate: toDateInput(i.plannedDate),
      paidAt: i.paidAt ? toDateInput(i.paidAt) : "",
      paid: money(i.paidCents),
      flags: instalmentFlags(i, s.convention?.status === "signee" ? s.convention.signedAt : null, now)
        .map((f) => INSTALMENT_FLAG_LABELS[f])
        .join(", "),
    })),
  );
}

/** Rows as cells in the order of their columns. */
function cellsOf(columns: readonly (readonly [string, string])[], rows: readonly object[]): SheetCell[][] {
  return rows.map((row) => columns.map(([key]) => (row as Record<string, SheetCell>)[key]));
}

/** Staff CSV for a French spreadsheet: `;`, decimal comma, UTF-8 with BOM. */
export async function exportCsv(kind: "subventions" | "versements", now = new Date()): Promise<string> {
  const subsidies = await loadAllForExport();
  const columns = kind === "subventions" ? SUBSIDY_COLUMNS : PAYMENT_COLUMNS;
  const rows = kind === "subventions" ? subsidies.map((s) => subsidyRow(s, centsToDecimal)) : paymentRows(subsidies, centsToDecimal, now);
  return toCsv(
    columns.map(([, header]) => header),
    cellsOf(columns, rows),
    { delimiter: ";", bom: true },
  );
}

/** One sheet of the workbook: the header from the columns, the euro format on the money ones. */
function sheetOf(name: string, columns: readonly (readonly [string, string])[], rows: readonly object[], moneyKeys: string[]): XlsxSheet {
  return {
    name,
    header: columns.map(([, header]) => header),
    rows: cellsOf(columns, rows),
    moneyColumns: columns.flatMap(([key], i) => (moneyKeys.includes(key) ? [i] : [])),
  };
}

/** Staff workbook: one sheet of subsidies, one of payments; amounts as numbers in euros. */
export async function exportXlsx(now = new Date()): Promise<Buffer> {
  const [subsidies, { name }] = await Promise.all([loadAllForExport(), getPortalSettings()]);
  return toXlsx(
    [
      sheetOf(
        "Subventions",
        SUBSIDY_COLUMNS,
        subsidies.map((s) => subsidyRow(s, euroNumber)),
        ["requested", "proposed", "voted", "paid", "remaining"],
      ),
      sheetOf("Versements", PAYMENT_COLUMNS, paymentRows(subsidies, euroNumber, now), ["planned", "paid"]),
    ],
    { creator: name, created: now },
  );
}
