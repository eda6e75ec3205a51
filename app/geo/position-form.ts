// « Position sur la carte » in the association's profile form: the point it chose, or back to its
// address's. Shared by the browser and the action, like the rest of the form.
import * as z from "zod";
import { inFrance, parseDecimal } from "./coordinates";

export const positionShape = {
  latitude: z.string().max(30).optional(),
  longitude: z.string().max(30).optional(),
  positionFromAddress: z.literal("on").optional(),
};

type PositionValues = { latitude?: string; longitude?: string; positionFromAddress?: "on" };

/** What the save does with the position: the point typed, the address's again, or nothing typed. */
export type PositionChoice = { lat: number; lng: number } | "adresse" | null;

export function checkPosition(values: PositionValues, ctx: z.RefinementCtx) {
  if (values.positionFromAddress === "on") return;
  const lat = (values.latitude ?? "").trim();
  const lng = (values.longitude ?? "").trim();
  if (!lat && !lng) return;
  const issue = (field: "latitude" | "longitude", message: string) => ctx.addIssue({ code: "custom", path: [field], message });
  if (!lat) return issue("latitude", "Latitude : indiquez-la avec la longitude, par exemple 47,2378.");
  if (!lng) return issue("longitude", "Longitude : indiquez-la avec la latitude, par exemple 6,0241.");
  const latitude = parseDecimal(lat);
  const longitude = parseDecimal(lng);
  if (latitude === null || Math.abs(latitude) > 90)
    issue("latitude", "Latitude : un nombre de degrés entre -90 et 90, par exemple 47,2378.");
  if (longitude === null || Math.abs(longitude) > 180)
    issue("longitude", "Longitude : un nombre de degrés entre -180 et 180, par exemple 6,0241.");
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return;
  if (!inFrance({ lat: latitude, lng: longitude })) {
    issue("latitude", "Ce point n'est pas en France (métropole ou outre-mer) : vérifiez la latitude et la longitude, ou leur ordre.");
  }
}

export function positionChoice(values: PositionValues): PositionChoice {
  if (values.positionFromAddress === "on") return "adresse";
  const lat = parseDecimal(values.latitude ?? "");
  const lng = parseDecimal(values.longitude ?? "");
  return lat === null || lng === null ? null : { lat, lng };
}

/** A coordinate as the form shows it: French decimal comma, 6 decimals at most. */
export function coordinateText(value: number | null) {
  return value === null ? "" : String(Math.round(value * 1e6) / 1e6).replace(".", ",");
}
