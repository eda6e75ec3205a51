// The steering dashboard as spreadsheets: per axis and projet phare, indicators, trends. Every
// cell goes through app/lib/spreadsheet.server.ts (axis and indicator names are typed by people).
import { centsToDecimal } from "~/lib/format";
import { toCsv, toXlsx, type SheetCell } from "~/lib/spreadsheet.server";
import { getPortalSettings } from "~/settings/portal-settings.server";
import { getSteeringDashboard, type AxisRow, type MoneyFigures, type SteeringDashboard } from "~/steering/dashboard.server";
import { KIND_SHORT_LABELS } from "~/steering/dashboard-labels";
import { indicatorUnit } from "~/steering/indicators";

export const STEERING_CSV_KINDS = ["axes", "indicateurs", "tendances"] as const;
export type SteeringCsvKind = (typeof STEERING_CSV_KINDS)[number];

type Money = (cents: number) => number | string;

const AXES_HEADER = ["Exercice", "Axe", "Projet phare", "Voté (€)", "Versé (€)", "Reste à verser (€)", "Projets", "Associations"];

function axisLabel(a: AxisRow) {
  return a.number === null ? a.title : `Axe ${a.number} – ${a.title}`;
}

function axesRows(d: SteeringDashboard, money: Money): SheetCell[][] {
  const line = (axis: string, flagship: string, f: MoneyFigures): SheetCell[] => [
    d.year,
    axis,
    flagship,
    money(f.votedCents),
    money(f.paidCents),
    money(f.votedCents - f.paidCents),
    f.projects,
    f.associations,
  ];
  const rows: SheetCell[][] = [];
  for (const a of d.axes) {
    rows.push(line(axisLabel(a), "Ensemble de l'axe", a));
    for (const f of a.flagships) rows.push(line(axisLabel(a), `n°${f.number} – ${f.title}`, f));
    rows.push(line(axisLabel(a), "Sans projet phare", a.withoutFlagship));
  }
  rows.push(line(d.unattached.title, "", d.unattached));
  rows.push(line("Total", "", d.totals));
  return rows;
}

const INDICATORS_HEADER = [
  "Exercice",
  "Périmètre",
  "Indicateur",
  "Type",
  "Unité",
  "Projets",
  "Avec objectif",
  "Ayant rendu compte (validé)",
  "En attente de validation",
  "Objectif (somme)",
  "Atteint (somme)",
  "Taux d'atteinte (%)",
  "Objectif moyen",
  "Objectif min.",
  "Objectif max.",
  "Atteint moyen",
  "Atteint min.",
  "Atteint max.",
];

function indicatorRows(d: SteeringDashboard): SheetCell[][] {
  const scopes = [["Ensemble", d.indicators] as const, ...[...d.axes, d.unattached].map((a) => [axisLabel(a), a.indicators] as const)];
  return scopes.flatMap(([scope, groups]) =>
    groups.map((g) => [
      d.year,
      scope,
      g.name,
      KIND_SHORT_LABELS[g.kind],
      indicatorUnit(g.unit)?.label ?? g.unit,
      g.projects,
      g.withTarget,
      g.reporting,
      g.pending,
      g.targetSum,
      g.additive && g.reporting ? g.achievedSum : null,
      g.rate,
      g.targetSpread?.mean,
      g.targetSpread?.min,
      g.targetSpread?.max,
      g.achievedSpread?.mean,
      g.achievedSpread?.min,
      g.achievedSpread?.max,
    ]),
  );
}

function trendSheet(d: SteeringDashboard, money: Money) {
  const header = ["Série", ...d.trends.years.map(String)];
  const rows: SheetCell[][] = [
    ...d.trends.money.flatMap((t) => [
      [`${t.label} – voté (€)`, ...t.byYear.map((p) => money(p.votedCents))],
      [`${t.label} – versé (€)`, ...t.byYear.map((p) => money(p.paidCents))],
    ]),
    ...d.trends.indicators.map((t) => [
      `${t.name} – atteint (${t.additive ? "somme" : "moyenne"}, ${indicatorUnit(t.unit)?.label ?? t.unit})`,
      ...t.byYear.map((p) => p.achieved),
    ]),
  ];
  return { header, rows };
}

/** Staff CSV for a French spreadsheet (`;`, decimal comma, BOM): one of the three tables. */
export async function steeringCsv(year: number, kind: SteeringCsvKind): Promise<string> {
  const d = await getSteeringDashboard(year);
  const options = { delimiter: ";" as const, bom: true };
  if (kind === "axes") return toCsv(AXES_HEADER, axesRows(d, centsToDecimal), options);
  if (kind === "indicateurs") return toCsv(INDICATORS_HEADER, indicatorRows(d), options);
  const trends = trendSheet(d, centsToDecimal);
  return toCsv(trends.header, trends.rows, options);
}

/** The workbook: « Axes et projets phares », « Indicateurs », « Tendances »; euros as numbers. */
export async function steeringXlsx(year: number, now = new Date()): Promise<Buffer> {
  const [d, { name }] = await Promise.all([getSteeringDashboard(year), getPortalSettings()]);
  const euros = (cents: number) => cents / 100;
  const trends = trendSheet(d, euros);
  return toXlsx(
    [
      { name: "Axes et projets phares", header: AXES_HEADER, rows: axesRows(d, euros), moneyColumns: [3, 4, 5], width: 22 },
      { name: "Indicateurs", header: INDICATORS_HEADER, rows: indicatorRows(d), width: 18 },
      { name: "Tendances", header: trends.header, rows: trends.rows, width: 20 },
    ],
    { creator: name, created: now },
  );
}
