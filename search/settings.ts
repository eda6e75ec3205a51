// Index settings for the directory: what is searched, filtered and sorted, in French.
import type { Settings } from "meilisearch";
import { getEnv } from "../app/env.server";

export const ASSOCIATIONS_INDEX = "associations";

export function indexName(prefix = getEnv().MEILI_INDEX_PREFIX): string {
  return `${prefix}${ASSOCIATIONS_INDEX}`;
}

// Common French words that carry no meaning in a directory search.
const FRENCH_STOP_WORDS = [
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
];

// Social-work vocabulary: people search with the word they know, associations write another.
const SYNONYM_GROUPS = [
  ["sdf", "sans domicile", "sans-abri", "sans abri", "sans logement", "sans domicile fixe"],
  ["aide alimentaire", "banque alimentaire", "colis alimentaire", "épicerie solidaire", "distribution alimentaire"],
  ["rsa", "revenu de solidarité active", "minima sociaux"],
  ["handicap", "handicapé", "handicapée", "pmr", "situation de handicap"],
  ["personnes âgées", "seniors", "aînés", "anciens"],
  ["numérique", "informatique", "internet", "ordinateur"],
  ["logement", "hébergement", "habitat"],
  ["emploi", "travail", "insertion professionnelle"],
  ["réfugiés", "migrants", "exilés", "demandeurs d'asile"],
  ["femmes", "violences conjugales", "droits des femmes"],
  ["jeunes", "jeunesse", "jeunes adultes"],
  ["santé mentale", "psychique", "psychiatrie"],
  ["fle", "français langue étrangère", "cours de français", "alphabétisation"],
  ["caf", "allocations familiales"],
  ["vêtements", "vestiaire", "habits"],
];

export function buildSynonyms(groups: string[][] = SYNONYM_GROUPS): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) synonyms[word] = group.filter((w) => w !== word);
  }
  return synonyms;
}

export const associationIndexSettings: Settings = {
  searchableAttributes: ["name", "acronym", "fieldLabels", "socialObject", "publicLabels", "districtLabel", "description", "folded"],
  filterableAttributes: ["fields", "publics", "district", "charterSigner", "_geo"],
  sortableAttributes: ["name", "sortName", "_geo"],
  displayedAttributes: ["*"],
  stopWords: FRENCH_STOP_WORDS,
  synonyms: buildSynonyms(),
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  localizedAttributes: [{ attributePatterns: ["*"], locales: ["fra"] }],
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 2000 },
};
