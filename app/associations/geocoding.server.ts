// Where an association is on the map: its address geocoded by the BAN in the background.
// A change of address marks it pending in the change's own transaction; the job (server/jobs.ts)
// and the kick after a save geocode the pending ones, then re-index them through the outbox.
import { enqueueSearchSync } from "../../search/sync";
import { prisma, writeTransaction } from "~/db.server";
import { getEnv } from "~/env.server";
import { geocode } from "~/geo/geocoder.server";
import { syncSearchNow } from "~/associations/search-sync.server";
import type { PositionChoice } from "~/geo/position-form";

export const GEOCODE_BATCH = 20;
export const GEOCODE_MAX_ATTEMPTS = 5;

type Address = { address: string; postcode: string; city: string };

const squash = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

export function sameAddress(a: Address, b: Address) {
  return squash(a.address) === squash(b.address) && squash(a.postcode) === squash(b.postcode) && squash(a.city) === squash(b.city);
}

/**
 * The geocoding columns to write with a profile change: a new address is geocoded again (the
 * association's own position included: it was placed for the old address); an unchanged one keeps its position.
 */
export function geocodeColumnsFor(before: Address, after: Address) {
  if (sameAddress(before, after)) return {};
  return { geocodePending: true, geocodeAttempts: 0, geocodeError: null };
}

type StoredPosition = { latitude: number | null; longitude: number | null; geoSource: string | null };

const sameCoordinate = (a: number | null, b: number) => a !== null && Math.abs(a - b) < 1e-6;

/**
 * The columns for the position chosen in the profile form: a point other than the stored one is the
 * association's own ("manuel", never geocoded over while the address stays); "adresse" geocodes the address again.
 */
export function positionColumns(stored: StoredPosition, choice: PositionChoice | undefined) {
  if (choice === "adresse") {
    return stored.geoSource === "manuel" || stored.latitude === null
      ? { geoSource: null, geocodePending: true, geocodeAttempts: 0, geocodeError: null }
      : {};
  }
  if (!choice || (sameCoordinate(stored.latitude, choice.lat) && sameCoordinate(stored.longitude, choice.lng))) return {};
  return {
    latitude: choice.lat,
    longitude: choice.lng,
    geoSource: "manuel",
    geocodedAt: null,
    geocodeLabel: null,
    geocodeScore: null,
    geocodePending: false,
    geocodeAttempts: 0,
    geocodeError: null,
  };
}

/** A new association (sign-up): geocoded by the next run of the job. */
export const NEW_ASSOCIATION_GEOCODE = { geocodePending: true } as const;

export type GeocodeRun = { geocoded: number; failed: number; gaveUp: number; skipped?: "off" };

/**
 * Geocodes up to `batch` pending associations (all, or these ids): coordinates stored with their
 * source "adresse"; a failure counted, given up after GEOCODE_MAX_ATTEMPTS with its error kept.
 * An address the BAN does not recognise is not asked again until it changes.
 */
export async function geocodePendingAssociations(options: { ids?: string[]; batch?: number } = {}): Promise<GeocodeRun> {
  const run: GeocodeRun = { geocoded: 0, failed: 0, gaveUp: 0 };
  if (getEnv().GEOCODER_URL === "off") return { ...run, skipped: "off" };
  const pending = await prisma.association.findMany({
    where: { geocodePending: true, geocodeAttempts: { lt: GEOCODE_MAX_ATTEMPTS }, ...(options.ids ? { id: { in: options.ids } } : {}) },
    select: { id: true, address: true, postcode: true, city: true, geocodeAttempts: true },
    orderBy: { updatedAt: "asc" },
    take: options.batch ?? GEOCODE_BATCH,
  });
  const indexed: string[] = [];
  for (const row of pending) {
    const result = await geocode(row);
    const attempts = row.geocodeAttempts + 1;
    // Claimed by its attempt count: another process (the kick, the job) that geocoded it meanwhile wins.
    const claim = {
      id: row.id,
      geocodePending: true,
      geocodeAttempts: row.geocodeAttempts,
      address: row.address,
      postcode: row.postcode,
      city: row.city,
    };
    if (result.ok) {
      const done = await writeTransaction(async (tx) => {
        const updated = await tx.association.updateMany({
          where: claim,
          data: {
            latitude: result.latitude,
            longitude: result.longitude,
            geoSource: "adresse",
            geocodedAt: new Date(),
            geocodeLabel: result.label,
            geocodeScore: result.score,
            geocodePending: false,
            geocodeAttempts: attempts,
            geocodeError: null,
          },
        });
        if (updated.count === 1) await enqueueSearchSync(tx, [row.id]);
        return updated.count === 1;
      });
      if (done) {
        run.geocoded++;
        indexed.push(row.id);
      }
      continue;
    }
    if (result.reason === "off") return { ...run, skipped: "off" };
    const unrecognised = result.reason === "not-found" || result.reason === "low-score";
    const givingUp = unrecognised || attempts >= GEOCODE_MAX_ATTEMPTS;
    const cleared = await writeTransaction(async (tx) => {
      const updated = await tx.association.updateMany({
        where: claim,
        data: {
          geocodeAttempts: attempts,
          geocodeError: result.error,
          geocodePending: !givingUp,
          // The old position belonged to the old address: a new one the BAN does not know leaves none.
          ...(unrecognised ? { latitude: null, longitude: null, geoSource: null, geocodeLabel: null, geocodeScore: null } : {}),
        },
      });
      if (updated.count === 1 && unrecognised) await enqueueSearchSync(tx, [row.id]);
      return updated.count === 1 && unrecognised;
    });
    if (cleared) indexed.push(row.id);
    run.failed++;
    if (givingUp) run.gaveUp++;
  }
  if (indexed.length > 0 && options.ids) await syncSearchNow(indexed);
  return run;
}

let kicking: Promise<unknown> | null = null;

/**
 * Geocodes these associations now, after their save committed, without holding the request:
 * the map shows a new address within seconds. What fails here the job tries again.
 */
export function kickGeocoding(ids: string[]) {
  if (ids.length === 0 || getEnv().GEOCODER_URL === "off") return;
  const current: Promise<unknown> = (kicking ?? Promise.resolve())
    .then(() => geocodePendingAssociations({ ids }))
    .catch((error) => console.warn("Géocodage après enregistrement :", error instanceof Error ? error.message : error))
    .finally(() => {
      if (kicking === current) kicking = null;
    });
  kicking = current;
}

/** The kicks still running (tests wait for them). */
export function geocodingKicked() {
  return kicking ?? Promise.resolve();
}
