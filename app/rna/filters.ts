// Which rows of an RNA file the portal takes: the CCAS's communes, the objet social codes mapped to
// its fields of intervention, active associations, and only those that allow web publication.

import type { WaldecRow } from "~/rna/waldec";

/** The commune names by INSEE code, from the settings (PortalSettings.communes). */
export function communeIndex(communes: readonly { code: string; name: string }[]): Map<string, string> {
  return new Map(communes.map((c) => [c.code.trim().toUpperCase(), c.name]));
}

/** INSEE codes are 5 characters; Corsica's start with 2A/2B. */
export function inseeCodeOf(row: Pick<WaldecRow, "adrs_codeinsee">): string {
  return row.adrs_codeinsee.trim().toUpperCase();
}

/** "No dissolution date": empty, or 0001-01-01 as the RNA writes it. */
export function hasDissolutionDate(row: Pick<WaldecRow, "date_disso">): boolean {
  const value = row.date_disso.trim();
  return value !== "" && !value.startsWith("0001-01-01");
}

/**
 * Active: `position` A (the others: D dissolved, S deleted, and any other value) and no dissolution date.
 * An inactive row never creates an entry; on an existing one it is a dissolution.
 */
export function isActive(row: Pick<WaldecRow, "position" | "date_disso">): boolean {
  return row.position.trim().toUpperCase() === "A" && !hasDissolutionDate(row);
}

/**
 * `publiweb` is the association's consent to publication on the internet: "1" allows it, "0" refuses it.
 * Anything else (empty, unknown) is read as no consent: the portal publishes only what the association allowed.
 */
export function publicationAllowed(row: Pick<WaldecRow, "publiweb">): boolean {
  return row.publiweb.trim() === "1";
}

/** The national nomenclature's "no code". */
const NO_CODE = "000000";

/**
 * The fields of intervention a row's objet social codes (objet_social1/2) map to, through each field's
 * rnaCodes. A mapped code names itself; a family code (xxx000, e.g. 019000 interventions sociales) also
 * names every code of its family (019040, 019045…): a CCAS maps a whole family with one code.
 */
export function fieldMatcher(fields: readonly { slug: string; rnaCodes: readonly string[] }[]) {
  const exact = new Map<string, Set<string>>();
  const families = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, slug: string) => {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(slug);
  };
  for (const field of fields) {
    for (const raw of field.rnaCodes) {
      const code = raw.trim();
      if (!/^\d{6}$/.test(code) || code === NO_CODE) continue;
      add(exact, code, field.slug);
      if (code.endsWith("000")) add(families, code.slice(0, 3), field.slug);
    }
  }
  return (codes: readonly string[]): string[] => {
    const slugs = new Set<string>();
    for (const raw of codes) {
      const code = raw.trim();
      if (!/^\d{6}$/.test(code) || code === NO_CODE) continue;
      for (const slug of exact.get(code) ?? []) slugs.add(slug);
      for (const slug of families.get(code.slice(0, 3)) ?? []) slugs.add(slug);
    }
    return [...slugs].sort();
  };
}

export type FieldMatcher = ReturnType<typeof fieldMatcher>;
