// What the subsidies add up to: the staff dashboard, the staff exports (CSV, XLSX) and the
// public open data in the SCDL "subventions" format (décret n°2017-779).
import ExcelJS from "exceljs";
import { prisma } from "~/db.server";
import { addXlsxRow, csvText, toCsv, type SheetCell } from "~/lib/spreadsheet.server";
import { labelOf } from "~/associations/taxonomy";
import { INSTALMENT_KIND_LABELS, type InstalmentKind } from "~/subsidies/schemas";
import {
  CCAS_IDENTITY,
  CONVENTION_STATUS_LABELS,
  INSTALMENT_FLAG_LABELS,
  instalmentFlags,
  isReportOverdue,
  parisYear,
  REPORT_STATUS_LABELS,
  SUBSIDY_STAGE_LABELS,
  subsidyStage,
  sumPaid,
  toDateInput,
} from "~/subsidies/subsidy.server";

const reportingInclude = {
  association: { select: { id: true, name: true, siret: true, district: true, fields: { select: { slug: true } } } },
  dossier: { select: { number: true, call: { select: { id: true, title: true, envelopeCents: true } } } },
  years: { orderBy: { year: "asc" as const } },
  convention: { select: { status: true, signedAt: true } },
  instalments: { orderBy: [{ plannedDate: "asc" as const }, { position: "asc" as const }] },
  reports: { select: { id: true, financialYear: true, status: true, dueDate: true } },
};

export type Breakdown = { key: string; label: string; votedCents: number; paidCents: number; associations: number };

/** The financial years that have subsidies, newest first (the current year always included). */
export async function subsidyYears(now = new Date()): Promise<number[]> {
  const rows = await prisma.subsidy.findMany({ distinct: ["financialYear"], select: { financialYear: true } });
  return [...new Set([parisYear(now), ...rows.map((r) => r.financialYear)])].sort((a, b) => b - a);
}

/**
 * One financial year: per call (envelope, voted, paid, remaining), by field of intervention and
 * by district, associations funded; late payments and overdue reports (all years).
 * A subsidy counts in its financial year (a CPO in the year of its first exercise, for its total).
 */
export async function getDashboard(year: number, now = new Date()) {
  const subsidies = await prisma.subsidy.findMany({ where: { financialYear: year }, include: reportingInclude });
  const voted = subsidies.filter((s) => s.votedCents !== null);

  const callsOfYear = await prisma.call.findMany({
    where: {
      OR: [
        { dossiers: { some: { subsidy: { financialYear: year } } } },
        { closesAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
      ],
    },
    select: { id: true, title: true, envelopeCents: true },
    orderBy: { closesAt: "asc" },
  });
  const byCall = callsOfYear.map((c) => ({
    key: c.id,
    label: c.title,
    envelopeCents: c.envelopeCents as number | null,
    votedCents: 0,
    paidCents: 0,
    count: 0,
  }));
  const outside = {
    key: "hors-appel",
    label: "Hors appel à projets",
    envelopeCents: null as number | null,
    votedCents: 0,
    paidCents: 0,
    count: 0,
  };
  for (const s of voted) {
    const row = (s.dossier?.call && byCall.find((c) => c.key === s.dossier!.call.id)) || outside;
    row.votedCents += s.votedCents!;
    row.paidCents += sumPaid(s.instalments);
    row.count += 1;
  }
  const callRows = [...byCall, ...(outside.count ? [outside] : [])].map((r) => ({ ...r, remainingCents: r.votedCents - r.paidCents }));

  const totals = {
    envelopeCents: byCall.reduce((sum, c) => sum + (c.envelopeCents ?? 0), 0),
    votedCents: voted.reduce((sum, s) => sum + s.votedCents!, 0),
    paidCents: voted.reduce((sum, s) => sum + sumPaid(s.instalments), 0),
    remainingCents: 0,
    subsidies: voted.length,
    proposed: subsidies.length - voted.length,
    associationsFunded: new Set(voted.map((s) => s.associationId)).size,
  };
  totals.remainingCents = totals.votedCents - totals.paidCents;

  const group = (keysOf: (s: (typeof voted)[number]) => string[], kind: "field" | "district"): Breakdown[] => {
    const map = new Map<string, { votedCents: number; paidCents: number; associations: Set<string> }>();
    for (const s of voted) {
      for (const key of keysOf(s)) {
        const row = map.get(key) ?? { votedCents: 0, paidCents: 0, associations: new Set<string>() };
        row.votedCents += s.votedCents!;
        row.paidCents += sumPaid(s.instalments);
        row.associations.add(s.associationId);
        map.set(key, row);
      }
    }
    return [...map]
      .map(([key, r]) => ({
        key,
        label: labelOf(kind, key),
        votedCents: r.votedCents,
        paidCents: r.paidCents,
        associations: r.associations.size,
      }))
      .sort((a, b) => b.votedCents - a.votedCents || a.label.localeCompare(b.label, "fr"));
  };
  const byField = group((s) => s.association.fields.map((f) => f.slug), "field");
  const byDistrict = group((s) => [s.association.district], "district");

  const alerts = await getAlerts(now);
  return { year, totals, callRows, byField, byDistrict, ...alerts };
}

/** Late or beyond-60-days instalments and overdue reports, all years. */
export async function getAlerts(now = new Date()) {
  const instalments = await prisma.instalment.findMany({
    where: { OR: [{ paidAt: null, plannedDate: { lt: now } }, { subsidy: { convention: { status: "signee" } } }] },
    include: {
      subsidy: {
        select: {
          id: true,
          number: true,
          purpose: true,
          association: { select: { name: true } },
          convention: { select: { status: true, signedAt: true } },
        },
      },
    },
    orderBy: { plannedDate: "asc" },
  });
  const flaggedPayments = instalments
    .map((i) => ({
      ...i,
      flags: instalmentFlags(i, i.subsidy.convention?.status === "signee" ? i.subsidy.convention.signedAt : null, now),
    }))
    .filter((i) => i.flags.length > 0);
  const reports = await prisma.financialReport.findMany({
    where: { status: { in: ["a_fournir", "a_corriger"] }, dueDate: { lt: now } },
    include: { subsidy: { select: { id: true, number: true, purpose: true, association: { select: { id: true, name: true } } } } },
    orderBy: { dueDate: "asc" },
  });
  return { flaggedPayments, overdueReports: reports.filter((r) => isReportOverdue(r, now)) };
}

// ───────────────────────── Staff exports ─────────────────────────

const euroNumber = (cents: number | null) => (cents === null ? null : cents / 100);
const frDecimal = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2).replace(".", ","));

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
    years: s.years.map((y) => `${y.year} : ${frDecimal(y.amountCents)} €`).join(" | "),
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
      kind: INSTALMENT_KIND_LABELS[i.kind as InstalmentKind] ?? i.kind,
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
  const rows = kind === "subventions" ? subsidies.map((s) => subsidyRow(s, frDecimal)) : paymentRows(subsidies, frDecimal, now);
  return toCsv(
    columns.map(([, header]) => header),
    cellsOf(columns, rows),
    { delimiter: ";", bom: true },
  );
}

/** Staff workbook: one sheet of subsidies, one of payments; amounts as numbers in euros. */
export async function exportXlsx(now = new Date()): Promise<Buffer> {
  const subsidies = await loadAllForExport();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CCAS_IDENTITY.name;
  workbook.created = now;
  const addSheet = (name: string, columns: readonly (readonly [string, string])[], rows: readonly object[], moneyKeys: string[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = columns.map(([key, header]) => ({
      key,
      header,
      width: Math.max(12, header.length + 2),
      style: moneyKeys.includes(key) ? { numFmt: "#,##0.00 €" } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const cells of cellsOf(columns, rows)) addXlsxRow(sheet, cells);
  };
  addSheet(
    "Subventions",
    SUBSIDY_COLUMNS,
    subsidies.map((s) => subsidyRow(s, euroNumber)),
    ["requested", "proposed", "voted", "paid", "remaining"],
  );
  addSheet("Versements", PAYMENT_COLUMNS, paymentRows(subsidies, euroNumber, now), ["planned", "paid"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ───────────────────────── Open data (SCDL subventions) ─────────────────────────

/** The columns of the SCDL "subventions" schema (v2.0), in order. */
export const SCDL_COLUMNS = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "referenceDecision",
  "nomBeneficiaire",
  "idBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "idRAE",
  "notificationUE",
  "pourcentageSubvention",
] as const;

/**
 * One row per decided (voted) subsidy. dateConvention is the signature date of the convention,
 * or the decision date when the subsidy has none (below 23 000 €, the decision is the act).
 * Payment dates: the one date of a single payment, else the period from the first to the last.
 */
export async function scdlRows() {
  const subsidies = await prisma.subsidy.findMany({
    where: { votedCents: { not: null }, decisionDate: { not: null } },
    include: {
      association: { select: { name: true, siret: true } },
      convention: { select: { status: true, signedAt: true } },
      instalments: true,
    },
    orderBy: [{ decisionDate: "asc" }, { number: "asc" }],
  });
  return subsidies.map((s) => {
    const dates = s.instalments
      .map((i) => i.paidAt ?? i.plannedDate)
      .sort((a, b) => a.getTime() - b.getTime())
      .map(toDateInput);
    const period =
      dates.length === 0
        ? `${toDateInput(s.decisionDate!)}/${s.financialYear + (s.multiYear ? 3 : 0)}-12-31`
        : dates.length === 1
          ? dates[0]
          : `${dates[0]}/${dates[dates.length - 1]}`;
    const conventionDate = s.convention?.status === "signee" && s.convention.signedAt ? s.convention.signedAt : s.decisionDate!;
    return {
      nomAttribuant: CCAS_IDENTITY.name,
      idAttribuant: CCAS_IDENTITY.siret,
      dateConvention: toDateInput(conventionDate),
      referenceDecision: s.deliberationRef ?? "",
      nomBeneficiaire: s.association.name,
      idBeneficiaire: s.association.siret ?? "",
      // The schema caps it at 256 characters, the quote that neutralises a formula included.
      objet: csvText(s.purpose).slice(0, 256),
      montant: (s.votedCents! / 100).toFixed(2),
      nature: "aide en numéraire",
      conditionsVersement: s.instalments.length > 1 ? "échelonné" : "unique",
      datesPeriodeVersement: period,
      idRAE: "",
      notificationUE: "non",
      pourcentageSubvention: "1",
    };
  });
}

/** The SCDL file: comma-separated, UTF-8 without BOM, header row of the schema's names. */
export async function scdlCsv(): Promise<string> {
  const rows = await scdlRows();
  return toCsv(
    SCDL_COLUMNS,
    rows.map((row) => SCDL_COLUMNS.map((column) => row[column])),
    { delimiter: ",", crlf: true },
  );
}
