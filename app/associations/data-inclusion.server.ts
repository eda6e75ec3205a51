// The directory as open data in the data·inclusion schema v1 (structures and services), JSON and
// CSV, published at /donnees/. Only public contact details of the association: never a person's
// name. How each field is filled: docs/open-data.md.
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { slugify } from "~/lib/slug";
import { toCsv } from "~/lib/spreadsheet.server";
import { DI_PUBLICS, DI_THEMATIQUES } from "~/settings/data-inclusion";
import { getPortalSettings, type PortalSettingsView } from "~/settings/portal-settings.server";
import { getTaxonomy, type Taxonomy } from "~/settings/taxonomy.server";
import { toDateInput } from "~/subsidies/subsidy-labels";

/** The associations published: validated, not dissolved. */
export const publishedAssociationsWhere = { status: "validated", dissolvedAt: null } as const;

const openDataSelect = {
  id: true,
  slug: true,
  name: true,
  siret: true,
  socialObject: true,
  description: true,
  address: true,
  postcode: true,
  city: true,
  inseeCode: true,
  latitude: true,
  longitude: true,
  phone: true,
  email: true,
  website: true,
  openingHours: true,
  updatedAt: true,
  fields: { select: { slug: true }, orderBy: { slug: "asc" } },
  publics: { select: { slug: true }, orderBy: { slug: "asc" } },
} as const;

type Row = Awaited<ReturnType<typeof readPublished>>[number];

/** The columns of the CSV files, every property of the schema once (the JSON objects carry the same). */
export const STRUCTURE_COLUMNS = [
  "id",
  "source",
  "siret",
  "nom",
  "description",
  "adresse",
  "complement_adresse",
  "code_postal",
  "commune",
  "code_insee",
  "latitude",
  "longitude",
  "telephone",
  "courriel",
  "site_web",
  "horaires_accueil",
  "accessibilite_lieu",
  "reseaux_porteurs",
  "lien_source",
  "date_maj",
] as const;

export const SERVICE_COLUMNS = [
  "id",
  "structure_id",
  "source",
  "nom",
  "description",
  "type",
  "thematiques",
  "publics",
  "publics_precisions",
  "conditions_acces",
  "frais",
  "frais_precisions",
  "modes_accueil",
  "modes_mobilisation",
  "mobilisable_par",
  "mobilisation_precisions",
  "lien_mobilisation",
  "zone_eligibilite",
  "adresse",
  "complement_adresse",
  "code_postal",
  "commune",
  "code_insee",
  "latitude",
  "longitude",
  "telephone",
  "courriel",
  "contact_nom_prenom",
  "horaires_accueil",
  "nombre_semaines",
  "volume_horaire_hebdomadaire",
  "lien_source",
  "date_maj",
] as const;

type Value = string | number | string[] | null;
export type Structure = Record<(typeof STRUCTURE_COLUMNS)[number], Value>;
export type Service = Record<(typeof SERVICE_COLUMNS)[number], Value>;

async function readPublished() {
  return prisma.association.findMany({ where: publishedAssociationsWhere, select: openDataSelect, orderBy: { id: "asc" } });
}

/** The producer's identifier in data·inclusion ids: the CCAS's name as a slug ("ccas-de-besancon"). */
export function sourceOf(settings: Pick<PortalSettingsView, "name">): string {
  return slugify(settings.name) || "ccas";
}

const THEMATIQUES = new Set(DI_THEMATIQUES.map((t) => t.value));
const PUBLICS = new Set(DI_PUBLICS.map((p) => p.value));

/** A French number as E.164 ("03 81 12 34 56" → "+33381123456"); other numbers as typed. */
export function e164(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[\s.\-()]/g, "");
  if (/^0\d{9}$/.test(digits)) return `+33${digits.slice(1)}`;
  return digits || null;
}

const comparable = (text: string) => slugify(text);

/** The commune's INSEE code: the association's own, else the served commune of the same name. */
function inseeCodeOf(row: Pick<Row, "inseeCode" | "city">, settings: PortalSettingsView): string | null {
  if (row.inseeCode && /^\w{5}$/.test(row.inseeCode)) return row.inseeCode;
  const commune = settings.communes.find((c) => comparable(c.name) === comparable(row.city));
  return commune && /^\w{5}$/.test(commune.code) ? commune.code : null;
}

function structureName(name: string): string {
  // 3 to 150 characters, no final full stop.
  const trimmed = name.trim().replace(/\.+$/, "").slice(0, 150);
  return trimmed.length >= 3 ? trimmed : `Association ${trimmed}`;
}

function descriptionOf(row: Pick<Row, "description" | "socialObject">): string {
  return (row.description.trim() || row.socialObject.trim()).slice(0, 10_000);
}

type Context = { settings: PortalSettingsView; taxonomy: Taxonomy; source: string; publicUrl: string };

function place(row: Row, ctx: Context) {
  return {
    adresse: row.address || null,
    complement_adresse: null,
    code_postal: /^\d{5}$/.test(row.postcode) ? row.postcode : null,
    commune: row.city || null,
    code_insee: inseeCodeOf(row, ctx.settings),
    latitude: row.latitude ?? null,
    longitude: row.longitude ?? null,
    telephone: e164(row.phone),
    courriel: row.email || null,
  };
}

const pageOf = (row: Pick<Row, "slug">, ctx: Context) => new URL(`/annuaire/${encodeURIComponent(row.slug)}`, ctx.publicUrl).toString();
const structureIdOf = (row: Pick<Row, "id">, ctx: Context) => `${ctx.source}--${row.id}`;

export function toStructure(row: Row, ctx: Context): Structure {
  const description = descriptionOf(row);
  return {
    id: structureIdOf(row, ctx),
    source: ctx.source,
    siret: row.siret && /^\d{14}$/.test(row.siret) ? row.siret : null,
    nom: structureName(row.name),
    description: description.length >= 5 ? description : null,
    ...place(row, ctx),
    site_web: row.website && /^https?:\/\/\S+$/i.test(row.website) ? row.website : null,
    horaires_accueil: row.openingHours || null,
    accessibilite_lieu: null,
    reseaux_porteurs: null,
    lien_source: pageOf(row, ctx),
    date_maj: toDateInput(row.updatedAt),
  };
}

/**
 * One service per field of intervention of the association: its thématiques are the field's
 * mapping, its publics those of the association's publics ("tous-publics" alone when one of
 * them is everyone), its zone the communes the CCAS serves.
 */
export function toServices(row: Row, ctx: Context): Service[] {
  const publicTerms = row.publics.map((p) => ctx.taxonomy.find("public", p.slug)).filter((t) => t !== undefined);
  const mapped = [...new Set(publicTerms.flatMap((t) => t.diPublics).filter((p) => PUBLICS.has(p)))];
  const publics = mapped.includes("tous-publics") ? ["tous-publics"] : mapped;
  const zone = ctx.settings.communes.map((c) => c.code).filter((code) => /^\w{5}$/.test(code));
  const modes = [
    ...(row.email ? ["envoyer-un-courriel"] : []),
    ...(row.openingHours ? ["se-presenter"] : []),
    ...(row.phone ? ["telephoner"] : []),
  ];
  const text = descriptionOf(row);
  return row.fields.flatMap(({ slug }) => {
    const field = ctx.taxonomy.find("field", slug);
    if (!field) return [];
    const thematiques = [...new Set(field.diThematiques.filter((t) => THEMATIQUES.has(t)))];
    return [
      {
        id: `${structureIdOf(row, ctx)}--${slug}`,
        structure_id: structureIdOf(row, ctx),
        source: ctx.source,
        nom: structureName(field.label),
        description: text.length >= 5 ? text : `${field.label} : ${text}`,
        type: null,
        thematiques: thematiques.length ? thematiques : null,
        publics: publics.length ? publics : null,
        publics_precisions: publicTerms.map((t) => t.label).join(", ") || null,
        conditions_acces: null,
        frais: null,
        frais_precisions: null,
        modes_accueil: ["en-presentiel"],
        modes_mobilisation: modes.length ? modes : null,
        mobilisable_par: null,
        mobilisation_precisions: null,
        lien_mobilisation: null,
        zone_eligibilite: zone.length ? zone : null,
        ...place(row, ctx),
        contact_nom_prenom: null,
        horaires_accueil: row.openingHours || null,
        nombre_semaines: null,
        volume_horaire_hebdomadaire: null,
        lien_source: pageOf(row, ctx),
        date_maj: toDateInput(row.updatedAt),
      },
    ];
  });
}

/** Structures and services of the whole published directory. */
export async function directoryOpenData(): Promise<{ structures: Structure[]; services: Service[] }> {
  const [rows, settings, taxonomy] = await Promise.all([readPublished(), getPortalSettings(), getTaxonomy()]);
  const ctx: Context = { settings, taxonomy, source: sourceOf(settings), publicUrl: getEnv().PUBLIC_URL };
  return { structures: rows.map((r) => toStructure(r, ctx)), services: rows.flatMap((r) => toServices(r, ctx)) };
}

/** A CSV cell: lists joined with "," (their values never hold one), numbers as written, null empty. */
function csvValue(value: Value): string | number | null {
  return Array.isArray(value) ? value.join(",") : value;
}

/** The CSV file of the records: comma-separated, UTF-8 without BOM, CRLF, header of the schema's names. */
export function dataInclusionCsv<T extends Record<string, Value>>(columns: readonly (keyof T & string)[], records: T[]): string {
  return toCsv(
    columns,
    records.map((r) => columns.map((c) => csvValue(r[c]))),
    { delimiter: ",", crlf: true },
  );
}
