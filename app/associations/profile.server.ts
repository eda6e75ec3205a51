// An association's profile: what the directory shows, its slug, its fields and publics, the edits.
import { enqueueSearchSync } from "../../search/sync";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction, type Db, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { slugify } from "~/lib/slug";
import type { AssociationProfileInput } from "~/associations/schemas";
import { parseOpeningHours } from "~/associations/opening-hours";
import { IN_DIRECTORY } from "~/associations/directory-visibility";
import { syncSearchSoon } from "~/associations/search-sync.server";
import { geocodeColumnsFor, kickGeocoding, positionColumns } from "~/associations/geocoding.server";
import type { PositionChoice } from "~/geo/position-form";

/** Who the association is, as a dossier's identification step and the staff's view of a dossier give it. */
export const associationIdentitySelect = {
  name: true,
  acronym: true,
  rna: true,
  siret: true,
  address: true,
  postcode: true,
  city: true,
  email: true,
  phone: true,
} as const;

/** What the public directory page shows: no status, no internal dates. */
export const associationPublicSelect = {
  id: true,
  slug: true,
  name: true,
  acronym: true,
  rna: true,
  siret: true,
  socialObject: true,
  description: true,
  address: true,
  postcode: true,
  city: true,
  district: true,
  phone: true,
  email: true,
  website: true,
  receptionHours: true,
  openingHours: true,
  updatedAt: true,
  fields: { select: { slug: true } },
  publics: { select: { slug: true } },
} as const;

export const associationProfileSelect = {
  ...associationPublicSelect,
  latitude: true,
  longitude: true,
  geoSource: true,
  geocodePending: true,
  geocodeError: true,
  status: true,
  refusalReason: true,
} as const;

export async function uniqueAssociationSlug(name: string, tx: Pick<Db, "association"> = prisma): Promise<string> {
  const base = slugify(name) || "association";
  for (let i = 0; i < 1000; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    const taken = await tx.association.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  throw new Error("Impossible de trouver une adresse libre pour cette association.");
}

export function profileColumns(input: AssociationProfileInput) {
  return {
    name: input.name,
    acronym: input.acronym ?? null,
    rna: input.rna ?? null,
    siret: input.siret ?? null,
    socialObject: input.socialObject,
    description: input.description ?? "",
    address: input.address,
    postcode: input.postcode,
    city: input.city,
    district: input.district,
    phone: input.phone ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    receptionHours: input.receptionHours ?? "",
  };
}

export async function writeTaxonomy(tx: Tx, associationId: string, input: Pick<AssociationProfileInput, "fields" | "publics">) {
  await tx.associationField.deleteMany({ where: { associationId } });
  await tx.associationPublic.deleteMany({ where: { associationId } });
  await tx.associationField.createMany({ data: [...new Set(input.fields)].map((slug) => ({ associationId, slug })) });
  await tx.associationPublic.createMany({ data: [...new Set(input.publics)].map((slug) => ({ associationId, slug })) });
}

/**
 * The opening hours to store: the form's OSM string; but hours the form could not show (written
 * in a syntax beyond it) are kept while the form is left empty.
 */
export function openingHoursToStore(stored: string, fromForm: string): string {
  return fromForm === "" && parseOpeningHours(stored) === null ? stored : fromForm;
}

/** Saves the profile; answers without waiting long for the engine ("pending": searchable within seconds, see syncSearchSoon). */
export async function updateAssociationProfile(
  associationId: string,
  input: AssociationProfileInput & { openingHours?: string; position?: PositionChoice },
  actor: SessionUser,
) {
  const geocodeAgain = await writeTransaction(async (tx) => {
    const data: ReturnType<typeof profileColumns> & { openingHours?: string } = profileColumns(input);
    const current = await tx.association.findUniqueOrThrow({
      where: { id: associationId },
      select: { openingHours: true, address: true, postcode: true, city: true, latitude: true, longitude: true, geoSource: true },
    });
    if (input.openingHours !== undefined) data.openingHours = openingHoursToStore(current.openingHours, input.openingHours);
    // A point typed in the same save wins over the address's new one.
    const geocoding = { ...geocodeColumnsFor(current, input), ...positionColumns(current, input.position) };
    await tx.association.update({ where: { id: associationId }, data: { ...data, ...geocoding } });
    await writeTaxonomy(tx, associationId, input);
    await enqueueSearchSync(tx, [associationId]);
    await recordAudit(tx, { entityType: "association", entityId: associationId, actorId: actor.id, action: "modification du profil" });
    return geocoding.geocodePending === true;
  });
  if (geocodeAgain) kickGeocoding([associationId]);
  return syncSearchSoon([associationId]);
}

export async function getPublicAssociationBySlug(slug: string) {
  return prisma.association.findFirst({ where: { slug, ...IN_DIRECTORY }, select: associationPublicSelect });
}

export async function getAssociationProfile(associationId: string) {
  return prisma.association.findUnique({ where: { id: associationId }, select: associationProfileSelect });
}
