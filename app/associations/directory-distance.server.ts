// « Trier par distance d'une adresse » on /annuaire: the address typed, geocoded by the BAN.
import { geocode } from "~/geo/geocoder.server";
import type { LatLng } from "~/geo/distance";

export const ADDRESS_MAX_LENGTH = 200;

export type DistanceOrigin =
  | { address: ""; near?: undefined; error?: undefined }
  | { address: string; near: LatLng; label: string; error?: undefined }
  | { address: string; near?: undefined; error: string };

/** The `adresse` parameter: none, a point to sort from, or a French message saying why it cannot be used. */
export async function distanceOrigin(searchParams: URLSearchParams): Promise<DistanceOrigin> {
  const address = (searchParams.get("adresse") ?? "").trim().slice(0, ADDRESS_MAX_LENGTH);
  if (!address) return { address: "" };
  const result = await geocode({ address });
  if (result.ok) return { address, near: { lat: result.latitude, lng: result.longitude }, label: result.label };
  if (result.reason === "not-found" || result.reason === "low-score") {
    return {
      address,
      error: "Cette adresse n'a pas été reconnue. Précisez le numéro, la rue et la commune (ex. : 3 place Pasteur, Besançon).",
    };
  }
  return { address, error: "Le tri par distance est momentanément indisponible : les résultats sont présentés dans l'ordre habituel." };
}
