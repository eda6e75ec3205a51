// The public open data of the subsidies in the SCDL "subventions" format (décret n°2017-779).
import { prisma } from "~/db.server";
import { csvText, toCsv } from "~/lib/spreadsheet.server";
import { CCAS_IDENTITY } from "~/subsidies/rules";
import { toDateInput } from "~/subsidies/subsidy-labels";

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
