// What the network's pages send to the browser about posts: labels of the taxonomy resolved on the
// server (retired terms still named), dates as they are.
import type { Taxonomy } from "~/settings/taxonomy.server";

type WithSlugs = { fieldSlug: string; districtSlug: string };

export function withTermLabels<T extends WithSlugs>(taxonomy: Taxonomy, post: T) {
  return { ...post, fieldLabel: taxonomy.label("field", post.fieldSlug), districtLabel: taxonomy.label("district", post.districtSlug) };
}

export function filterOptions(taxonomy: Taxonomy) {
  const options = (kind: "field" | "district") => taxonomy.active(kind).map((t) => ({ value: t.slug, label: t.label }));
  return { fields: options("field"), districts: options("district") };
}
