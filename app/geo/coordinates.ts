// Coordinates as people and URLs write them: French decimal commas, France's plausible ranges.
import type { LatLng } from "./distance";

/** Boxes holding metropolitan France and the overseas territories (generous by a few kilometres). */
export const FRANCE_BOXES = [
  { name: "France métropolitaine", lat: [41.2, 51.2], lng: [-5.3, 9.7] },
  { name: "Antilles", lat: [14.3, 18.2], lng: [-63.2, -60.7] },
  { name: "Guyane", lat: [2.0, 5.9], lng: [-54.7, -51.5] },
  { name: "La Réunion", lat: [-21.5, -20.8], lng: [55.1, 55.9] },
  { name: "Mayotte", lat: [-13.1, -12.5], lng: [44.9, 45.4] },
  { name: "Saint-Pierre-et-Miquelon", lat: [46.7, 47.2], lng: [-56.5, -56.0] },
  { name: "Nouvelle-Calédonie", lat: [-23.0, -19.5], lng: [163.5, 168.2] },
  { name: "Polynésie française", lat: [-28.0, -7.8], lng: [-154.8, -134.4] },
  { name: "Wallis-et-Futuna", lat: [-14.4, -13.1], lng: [-178.3, -176.0] },
] as const;

/** "47,2378" or "47.2378" as a number; null when it is not a decimal number. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^[-+]?\d{1,3}(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

export function inFrance(point: LatLng): boolean {
  return FRANCE_BOXES.some((b) => point.lat >= b.lat[0] && point.lat <= b.lat[1] && point.lng >= b.lng[0] && point.lng <= b.lng[1]);
}

/** The API's `near=<lat>,<lng>` (dot decimals): a point on the Earth, or null. */
export function parseNear(value: string | null): LatLng | null {
  const match = /^\s*([-+]?\d{1,2}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)\s*$/.exec(value ?? "");
  if (!match) return null;
  const lat = Number(match[1]);
  const lng = Number(match[2]);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}
