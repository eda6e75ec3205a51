// The Base Adresse Nationale's geocoder (api-adresse.data.gouv.fr, or the GEOCODER_URL given):
// one address in, its best match out, or why there is none. Never throws.
import * as z from "zod";
import { getEnv } from "~/env.server";

/** Below this confidence the BAN's match is not trusted (a street of another town, a bare commune). */
export const MIN_GEOCODE_SCORE = 0.5;
export const GEOCODER_TIMEOUT_MS = 5_000;

export const UNRECOGNISED_ADDRESS = "adresse non reconnue";

export type GeocodeQuery = { address?: string; postcode?: string; city?: string };

export type GeocodeResult =
  | { ok: true; latitude: number; longitude: number; label: string; score: number }
  | { ok: false; error: string; reason: "off" | "not-found" | "low-score" | "unavailable" };

const BanAnswer = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]) }),
      properties: z.object({ label: z.string(), score: z.number().min(0).max(1) }),
    }),
  ),
});

/** The words sent to the geocoder: address, postcode and city, trimmed and joined. */
export function geocodeText(query: GeocodeQuery) {
  return [query.address, query.postcode, query.city]
    .map((part) => (part ?? "").trim())
    .filter(Boolean)
    .join(" ");
}

/** Geocodes an address with the configured BAN; GEOCODER_URL=off answers `off` without calling anything. */
export async function geocode(query: GeocodeQuery, options: { timeoutMs?: number } = {}): Promise<GeocodeResult> {
  const base = getEnv().GEOCODER_URL;
  if (base === "off") return { ok: false, reason: "off", error: "géocodage désactivé" };
  const q = geocodeText(query).slice(0, 200);
  // The BAN refuses queries under 3 characters.
  if (q.length < 3) return { ok: false, reason: "not-found", error: UNRECOGNISED_ADDRESS };
  const url = new URL("search/", base.endsWith("/") ? base : `${base}/`);
  url.searchParams.set("q", q);
  url.searchParams.set("limit", "1");
  const postcode = query.postcode?.trim();
  if (postcode && /^\d{5}$/.test(postcode)) url.searchParams.set("postcode", postcode);
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { Accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? GEOCODER_TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, reason: "unavailable", error: `géocodeur indisponible (HTTP ${response.status})` };
    body = await response.json();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    if (timedOut) return { ok: false, reason: "unavailable", error: "géocodeur indisponible (délai dépassé)" };
    if (error instanceof SyntaxError) return { ok: false, reason: "unavailable", error: "réponse du géocodeur illisible" };
    return { ok: false, reason: "unavailable", error: "géocodeur injoignable" };
  }
  const parsed = BanAnswer.safeParse(body);
  if (!parsed.success) return { ok: false, reason: "unavailable", error: "réponse du géocodeur illisible" };
  const best = parsed.data.features[0];
  if (!best) return { ok: false, reason: "not-found", error: UNRECOGNISED_ADDRESS };
  if (best.properties.score < MIN_GEOCODE_SCORE) return { ok: false, reason: "low-score", error: UNRECOGNISED_ADDRESS };
  const [longitude, latitude] = best.geometry.coordinates;
  return { ok: true, latitude, longitude, label: best.properties.label, score: best.properties.score };
}
