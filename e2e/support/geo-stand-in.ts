// The journeys' geocoder and map tiles: a real HTTP server on 127.0.0.1 (tests/geocoder-stand-in.ts)
// answering the BAN's /search/ for a few Besançon addresses with fixed coordinates, and
// /tiles/{z}/{x}/{y}.png with a tiny PNG. The portal under test is pointed at it (serve.ts).
import { banAnswer, startStandIn } from "../../tests/geocoder-stand-in";

/** Addresses the stand-in knows, by a word of the query: where each is. */
export const KNOWN_ADDRESSES = [
  { words: "planoise", latitude: 47.2195, longitude: 5.9505, label: "Rue de Cologne 25000 Besançon", score: 0.88 },
  { words: "pasteur", latitude: 47.2386, longitude: 6.0231, label: "Place Pasteur 25000 Besançon", score: 0.95 },
  { words: "palente", latitude: 47.2552, longitude: 6.0498, label: "Rue de Palente 25000 Besançon", score: 0.9 },
  { words: "dole", latitude: 47.2302, longitude: 6.0133, label: "Rue de Dole 25000 Besançon", score: 0.91 },
] as const;

// A 1×1 transparent PNG.
const TILE = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

export function startGeoStandIn() {
  return startStandIn((url) => {
    if (url.pathname === "/search/") {
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const known = KNOWN_ADDRESSES.find((a) => q.includes(a.words));
      return { json: banAnswer(known) };
    }
    if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(url.pathname)) return { raw: TILE, contentType: "image/png" };
    return undefined;
  });
}
