// What each domain adds to an association's space: links with a short status note.
// A domain module appends its provider here (dossiers, subsidies, charter, events).
import { charterSpaceLinks } from "~/charter/signatures.server";
import { dossierSpaceLinks } from "~/dossiers/space-links.server";
import { eventSpaceLinks } from "~/events/space.server";
import { networkSpaceLinks } from "~/network/space-links.server";
import { subsidySpaceLinks } from "~/subsidies/reading.server";

export type SpaceLink = { href: string; label: string; note?: string };
export type SpaceSectionProvider = (associationId: string) => Promise<SpaceLink[]>;

export const SPACE_SECTION_PROVIDERS: SpaceSectionProvider[] = [
  charterSpaceLinks,
  dossierSpaceLinks,
  eventSpaceLinks,
  subsidySpaceLinks,
  networkSpaceLinks,
];

export async function memberSpaceSections(associationIds: string[]): Promise<Record<string, SpaceLink[]>> {
  const entries = await Promise.all(
    associationIds.map(async (id) => [id, (await Promise.all(SPACE_SECTION_PROVIDERS.map((p) => p(id)))).flat()] as const),
  );
  return Object.fromEntries(entries);
}
