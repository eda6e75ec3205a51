// The public open data of the subsidies in the SCDL "subventions" format (décret n°2017-779).
import { prisma } from "~/db.server";
import { csvText, toCsv } from "~/lib/spreadsheet.server";
import { getPortalSettings, type PortalSettingsView } from "~/settings/portal-settings.server";
import { toDateInput } from "~/subsidies/subsidy-labels";

/** The version of the SCDL "subventions" schema the file follows (tests/fixtures/scdl-subventions-2.1.1). */
export const SCDL_VERSION = "2.1.1";

/** The columns of the SCDL "subventions" schema 2.1.1, in its order. */
export const SCDL_COLUMNS = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "referenceDecision",
  "nomBeneficiaire",
  "idBeneficiaire",
  "rnaBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "idRAE",
  "notificationUE",
  "pourcentageSubvention",
  "dispositifAide",
] as const;

/** The funder's SIRET when it can be published (idAttribuant is required: 14 digits). */
export function publishableSiret(settings: Pick<PortalSettingsView, "siret">): string | null {
  return settings.siret && /^\d{14}$/.test(settings.siret) ? settings.siret : null;
}

/**
 * One row per decided (voted) subsidy. dateConvention is the signature date of the convention,
 * or the decision date when the subsidy has none (below 23 000 €, the decision is the act).
 * Payment dates: the one date of a single payment, else the period from the first to the last.
 */
export async function scdlRows(funder: { name: string; siret: string }) {
  const subsidies = await prisma.subsidy.findMany({
    where: { votedCents: { not: null }, decisionDate: { not: null } },
    include: {
      association: { select: { name: true, siret: true, rna: true } },
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
      nomAttribuant: funder.name,
      idAttribuant: funder.siret,
      dateConvention: toDateInput(conventionDate),
      referenceDecision: s.deliberationRef ?? "",
      nomBeneficiaire: s.association.name,
      idBeneficiaire: s.association.siret ?? "",
      // The schema's pattern: W and 9 digits. A number with letters (older RNA ids) is left out.
      rnaBeneficiaire: s.association.rna && /^W\d{9}$/.test(s.association.rna) ? s.association.rna : "",
      // The schema caps it at 256 characters, the quote that neutralises a formula included.
      objet: csvText(s.purpose).slice(0, 256),
      montant: (s.votedCents! / 100).toFixed(2),
      nature: "aide en numéraire",
      conditionsVersement: s.instalments.length > 1 ? "échelonné" : "unique",
      datesPeriodeVersement: period,
      idRAE: "",
      notificationUE: "non",
      pourcentageSubvention: "1",
      // An identifier from the State's "dispositifs d'aide" data (schema etalab/schema-dispositif-aide),
      // which the CCAS does not publish: left empty rather than filled with a title (docs/open-data.md).
      dispositifAide: "",
    };
  });
}

export type ScdlFile = { published: true; csv: string } | { published: false; reason: "siret" };

/**
 * The SCDL file: comma-separated, UTF-8 without BOM, header row of the schema's names. Not
 * published while the CCAS's SIRET is not configured: idAttribuant would be missing from every row.
 */
export async function scdlFile(): Promise<ScdlFile> {
  const settings = await getPortalSettings();
  const siret = publishableSiret(settings);
  if (!siret) return { published: false, reason: "siret" };
  const rows = await scdlRows({ name: settings.longName.trim() || settings.name, siret });
  const csv = toCsv(
    SCDL_COLUMNS,
    rows.map((row) => SCDL_COLUMNS.map((column) => row[column])),
    { delimiter: ",", crlf: true },
  );
  return { published: true, csv };
}
