// Index settings for the directory: what is searched, filtered and sorted, in French.
import type { Settings } from "meilisearch";
import { getEnv } from "../app/env.server";

export const ASSOCIATIONS_INDEX = "associations";

export function indexName(prefix = getEnv().MEILI_INDEX_PREFIX): string {
  return `${prefix}${ASSOCIATIONS_INDEX}`;
}

// Common French words that carry no meaning in a directory search.
export const FRENCH_STOP_WORDS = [
  "a",
  "au",
  "aux",
  "avec",
  "ce",
  "ces",
  "dans",
  "de",
  "des",
  "du",
  "elle",
  "en",
  "et",
  "eux",
  "il",
  "je",
  "la",
  "le",
  "les",
  "leur",
  "lui",
  "ma",
  "mais",
  "me",
  "même",
  "mes",
  "moi",
  "mon",
  "ne",
  "nos",
  "notre",
  "nous",
  "on",
  "ou",
  "par",
  "pas",
  "pour",
  "qu",
  "que",
  "qui",
  "sa",
  "se",
  "ses",
  "son",
  "sur",
  "ta",
  "te",
  "tes",
  "toi",
  "ton",
  "tu",
  "un",
  "une",
  "vos",
  "votre",
  "vous",
  "c",
  "d",
  "j",
  "l",
  "m",
  "n",
  "s",
  "t",
  "y",
  "est",
  "sont",
  // Words of a request, not of a need: alone they matched nearly every association.
  "sans",
  "personne",
  "personnes",
  "chaque",
  "tout",
  "tous",
  "toute",
  "toutes",
  "très",
  "plus",
  "trouver",
  "cherche",
  "chercher",
  "recherche",
  "besoin",
  "besoins",
  "quelqu",
  "quelque",
  "faire",
  "être",
  "avoir",
];

/**
 * Meilisearch's synonyms from the staff's groups (SearchSynonym, see app/settings/synonyms.server.ts;
 * the defaults come from the data migration 20261202094500_default_synonyms): every term of a group
 * stands for each of the others. Terms are lowercased and trimmed; a term in two groups gets both.
 */
export function buildSynonyms(groups: string[][]): Record<string, string[]> {
  const synonyms: Record<string, Set<string>> = {};
  for (const group of groups) {
    const terms = [...new Set(group.map((t) => t.trim().toLowerCase()).filter(Boolean))];
    for (const word of terms) {
      synonyms[word] ??= new Set();
      for (const other of terms) if (other !== word) synonyms[word].add(other);
    }
  }
  return Object.fromEntries(Object.entries(synonyms).map(([word, others]) => [word, [...others]]));
}

/** The index settings with these synonym groups; without groups, the engine's synonyms are left as they are. */
export function buildIndexSettings(groups?: string[][]): Settings {
  return groups ? { ...associationIndexSettings, synonyms: buildSynonyms(groups) } : associationIndexSettings;
}

export const associationIndexSettings: Settings = {
  searchableAttributes: [
    "name",
    "acronym",
    "fieldLabels",
    "socialObject",
    "publicLabels",
    "districtLabel",
    "description",
    "fieldDescriptions",
    "folded",
  ],
  filterableAttributes: ["fields", "publics", "district", "charterSigner", "_geo"],
  sortableAttributes: ["name", "sortName", "_geo"],
  displayedAttributes: ["*"],
  stopWords: FRENCH_STOP_WORDS,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["fra"] }],
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 2000 },
};
