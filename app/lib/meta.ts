// The CCAS's identity as the root loader hands it to every page (app/root.tsx): page titles read
// it through `matches` ("Annuaire des associations – CCAS de Dole"), components through useCcas().
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

type RootData = Awaited<ReturnType<typeof rootLoader>>["data"];
export type CcasIdentity = RootData["ccas"];
type Matches = ReadonlyArray<{ id: string; data: unknown } | undefined>;

/** Stands in when the root loader failed (an error page). */
const FALLBACK: CcasIdentity = { name: "CCAS", longName: "Centre communal d'action sociale", logoUrl: null };

/** The CCAS's short name from the root data. */
export function ccasName(matches: Matches): string {
  const root = matches.find((m) => m?.id === "root")?.data as RootData | undefined;
  return root?.ccas?.name || FALLBACK.name;
}

/** "<title> – <CCAS's name>". */
export function pageTitle(matches: Matches, title: string): string {
  return `${title} – ${ccasName(matches)}`;
}

/** The CCAS's name, long name and logo, for a component. */
export function useCcas(): CcasIdentity {
  return useRouteLoaderData<typeof rootLoader>("root")?.ccas ?? FALLBACK;
}
