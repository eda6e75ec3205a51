// The map's tiles: where the browser may load them from (the CSP's img-src) and what the page needs.

/** The origin of MAP_TILE_URL ("https://data.geopf.fr"): the only one the CSP lets images come from, beside the portal's. */
export function tileOrigin(tileUrl: string): string {
  // The placeholders are not valid in a host name only when misplaced; replace them before parsing.
  return new URL(tileUrl.replace(/\{[zxy]\}/g, "0")).origin;
}

export type MapSettings = { tileUrl: string; attribution: string };
