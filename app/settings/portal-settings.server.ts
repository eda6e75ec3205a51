// The CCAS's identity and territory (the PortalSettings row), read by every page, e-mail, PDF and
// export. Until an administrator fills it in, neutral defaults stand in and `configured` says so.
import { prisma, type Tx } from "~/db.server";
import { referenceCache } from "~/settings/reference-cache.server";

export type Commune = { code: string; name: string };

export type PortalSettingsView = {
  /** Short name: "CCAS de Besançon". */
  name: string;
  /** "Centre communal d'action sociale de Besançon". */
  longName: string;
  siret: string | null;
  address: string;
  postcode: string;
  city: string;
  phone: string | null;
  email: string | null;
  representative: string;
  court: string;
  communes: Commune[];
  hasLogo: boolean;
  /** False until an administrator (or the demo seed) has saved the settings. */
  configured: boolean;
  updatedAt: Date | null;
};

export const DEFAULT_SETTINGS: PortalSettingsView = {
  name: "CCAS",
  longName: "Centre communal d'action sociale",
  siret: null,
  address: "",
  postcode: "",
  city: "",
  phone: null,
  email: null,
  representative: "",
  court: "",
  communes: [],
  hasLogo: false,
  configured: false,
  updatedAt: null,
};

export const SETTINGS_ID = "ccas";

function communesOf(value: unknown): Commune[] {
  if (!Array.isArray(value)) return [];
  return value.filter((c): c is Commune => typeof c === "object" && c !== null && typeof c.code === "string" && typeof c.name === "string");
}

/** The settings read now, through `db` (a transaction reads them inside it). */
export async function loadPortalSettings(db: Pick<Tx, "portalSettings"> = prisma): Promise<PortalSettingsView> {
  const row = await db.portalSettings.findUnique({
    where: { id: SETTINGS_ID },
    omit: { logo: true },
  });
  if (!row) return DEFAULT_SETTINGS;
  const hasLogo = row.logoType !== null;
  return {
    name: row.name,
    longName: row.longName,
    siret: row.siret,
    address: row.address,
    postcode: row.postcode,
    city: row.city,
    phone: row.phone,
    email: row.email,
    representative: row.representative,
    court: row.court,
    communes: communesOf(row.communes),
    hasLogo,
    configured: true,
    updatedAt: row.updatedAt,
  };
}

const cache = referenceCache(() => loadPortalSettings());

/** The settings, cached a few seconds per process (app/settings/reference-cache.server.ts). */
export function getPortalSettings(): Promise<PortalSettingsView> {
  return cache.get();
}

/** "13 rue Ronchaux, 25000 Besançon", or "" when not configured. */
export function postalAddressOf(settings: Pick<PortalSettingsView, "address" | "postcode" | "city">): string {
  const town = [settings.postcode, settings.city].filter(Boolean).join(" ");
  return [settings.address, town].filter(Boolean).join(", ");
}
