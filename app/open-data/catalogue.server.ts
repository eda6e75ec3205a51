// Every file the portal publishes as open data, for the /donnees page and docs/open-data.md:
// its address, format, schema and version, and whether it is published now.
import { DATA_INCLUSION_VERSION } from "~/settings/data-inclusion";
import { getPortalSettings } from "~/settings/portal-settings.server";
import { publishableSiret, SCDL_VERSION } from "~/subsidies/open-data.server";

export type PublishedFile = {
  path: string;
  title: string;
  description: string;
  format: "JSON" | "CSV";
  schema: { name: string; version: string; url: string };
  /** null when published; else why not, in French. */
  unavailable: string | null;
};

export const LICENCE = { name: "Licence Ouverte 2.0 (Etalab)", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" };

export const SIRET_MISSING =
  "Pas encore publié : le CCAS n'a pas renseigné son numéro SIRET, obligatoire dans ce fichier (identifiant de l'attribuant).";

const DATA_INCLUSION = {
  name: "data·inclusion",
  version: DATA_INCLUSION_VERSION,
  url: `https://github.com/gip-inclusion/data-inclusion-schema/tree/v${DATA_INCLUSION_VERSION}`,
};

export async function openDataCatalogue(): Promise<{ files: PublishedFile[]; siretMissing: boolean }> {
  const siretMissing = publishableSiret(await getPortalSettings()) === null;
  const directory = (kind: "structures" | "services", format: "JSON" | "CSV", description: string): PublishedFile => ({
    path: `/donnees/${kind}.${format.toLowerCase()}`,
    title: kind === "structures" ? "Structures de l'annuaire" : "Services de l'annuaire",
    description,
    format,
    schema: { ...DATA_INCLUSION, name: `${DATA_INCLUSION.name} (${kind})` },
    unavailable: null,
  });
  const structures = "Les associations publiées dans l'annuaire : coordonnées publiques, horaires, position.";
  const services = "Un service par association et par champ d'intervention : thématiques, publics, zone d'éligibilité.";
  return {
    siretMissing,
    files: [
      directory("structures", "JSON", structures),
      directory("structures", "CSV", structures),
      directory("services", "JSON", services),
      directory("services", "CSV", services),
      {
        path: "/donnees/subventions.csv",
        title: "Subventions attribuées",
        description: "Les données essentielles des conventions de subvention (décret n° 2017-779) : subventions votées.",
        format: "CSV",
        schema: {
          name: "SCDL subventions",
          version: SCDL_VERSION,
          url: `https://schema.data.gouv.fr/scdl/subventions/${SCDL_VERSION}/`,
        },
        unavailable: siretMissing ? SIRET_MISSING : null,
      },
    ],
  };
}
