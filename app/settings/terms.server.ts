// The taxonomy as administrators keep it: fields of intervention, publics and districts added,
// renamed, described, mapped (RNA "objet social" codes, data·inclusion values) and put in order.
// A term's slug is made once from its first label and never changes: associations, URLs and the
// search index hold it. Retiring and reassigning: retiring.server.ts.
import { enqueueSearchSync } from "../../search/sync";
import type { SessionUser } from "~/accounts/auth.server";
import { syncSearchNow } from "~/associations/search-sync.server";
import { writeTransaction, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { slugify } from "~/lib/slug";
import { DI_PUBLICS, DI_THEMATIQUES } from "~/settings/data-inclusion";
import { invalidateReferenceData } from "~/settings/reference-cache.server";
import { RNA_CODE, type TermInput } from "~/settings/schemas";
import { kindOfSegment } from "~/settings/settings-paths";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { TAXONOMY_KIND_LABELS, type TaxonomyKind } from "~/settings/taxonomy";

type Actor = Pick<SessionUser, "id">;
export type TermKey = { kind: TaxonomyKind; slug: string };

const KNOWN_THEMATIQUES = new Set(DI_THEMATIQUES.map((t) => t.value));
const KNOWN_PUBLICS = new Set(DI_PUBLICS.map((p) => p.value));

/** The mappings a kind carries, checked: fields ↔ RNA codes and thématiques, publics ↔ data·inclusion publics. */
export function checkMappings(kind: TaxonomyKind, input: Pick<TermInput, "rnaCodes" | "diThematiques" | "diPublics">) {
  const rnaCodes = [...new Set(input.rnaCodes ?? [])];
  const diThematiques = [...new Set(input.diThematiques ?? [])];
  const diPublics = [...new Set(input.diPublics ?? [])];
  const bad = (field: string, message: string) => new DomainError(message, { code: "invalid_mapping", field });
  if (kind !== "field" && (rnaCodes.length || diThematiques.length))
    throw bad("_form", "Seuls les champs d'intervention ont des codes RNA et des thématiques data·inclusion.");
  if (kind !== "public" && diPublics.length) throw bad("_form", "Seuls les publics ont des publics data·inclusion.");
  const wrongCode = rnaCodes.find((c) => !RNA_CODE.test(c) || c === "000000");
  if (wrongCode !== undefined)
    throw bad(
      "rnaCodes",
      `Code RNA « ${wrongCode} » refusé : 6 chiffres, issus de la nomenclature des objets sociaux (000000 n'en est pas un).`,
    );
  const wrongThematique = diThematiques.find((t) => !KNOWN_THEMATIQUES.has(t));
  if (wrongThematique !== undefined) throw bad("diThematiques", `« ${wrongThematique} » n'est pas une thématique data·inclusion.`);
  const wrongPublic = diPublics.find((p) => !KNOWN_PUBLICS.has(p));
  if (wrongPublic !== undefined) throw bad("diPublics", `« ${wrongPublic} » n'est pas un public data·inclusion.`);
  return { rnaCodes, diThematiques, diPublics };
}

const unknownTerm = (kind: TaxonomyKind) => notFoundError(`Ce ${TAXONOMY_KIND_LABELS[kind].singular} n'existe pas.`);

export async function findTerm(tx: Tx, { kind, slug }: TermKey) {
  const term = await tx.taxonomyTerm.findUnique({ where: { kind_slug: { kind, slug } } });
  if (!term) throw unknownTerm(kind);
  return term;
}

type TermPageParams = { kind?: string; slug?: string };

/** The key a settings page's URL names (`/admin/parametres/<kind segment>/<slug>`); an unknown kind is a 404. */
export function termKeyOf(params: TermPageParams): TermKey {
  const kind = kindOfSegment(params.kind);
  if (!kind) throw notFoundError();
  return { kind, slug: params.slug ?? "" };
}

/** The term a settings page shows, from the taxonomy, or a 404. */
export async function termOfPage(params: TermPageParams) {
  const key = termKeyOf(params);
  const taxonomy = await getTaxonomy();
  const term = taxonomy.find(key.kind, key.slug);
  if (!term) throw unknownTerm(key.kind);
  return { key, term, taxonomy };
}

/** The associations a term names (any status: history included). */
export async function associationsUsing(tx: Tx, { kind, slug }: TermKey): Promise<string[]> {
  if (kind === "district") return (await tx.association.findMany({ where: { district: slug }, select: { id: true } })).map((a) => a.id);
  const rows =
    kind === "field"
      ? await tx.associationField.findMany({ where: { slug }, select: { associationId: true } })
      : await tx.associationPublic.findMany({ where: { slug }, select: { associationId: true } });
  return rows.map((r) => r.associationId);
}

/** After a commit: every reader sees the change, and the associations whose labels changed are re-indexed. */
export async function afterTaxonomyChange(reindexed: string[]) {
  invalidateReferenceData();
  if (reindexed.length) await syncSearchNow(reindexed);
}

const audit = (
  tx: Tx,
  { kind, slug }: TermKey,
  actor: Actor,
  action: string,
  extra: { fromState?: string; toState?: string; comment?: string } = {},
) => recordAudit(tx, { entityType: "taxonomy", entityId: `${kind}:${slug}`, actorId: actor.id, action, ...extra });

/** A slug made from the label, unique among the kind's terms (retired ones included): "planoise", "planoise-2". */
async function freeSlug(tx: Tx, kind: TaxonomyKind, label: string) {
  const base = slugify(label) || TAXONOMY_KIND_LABELS[kind].singular.replace(/[^a-z]+/g, "-");
  const taken = new Set(
    (await tx.taxonomyTerm.findMany({ where: { kind, slug: { startsWith: base } }, select: { slug: true } })).map((t) => t.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function refuseDuplicateLabel(tx: Tx, kind: TaxonomyKind, label: string, except?: string, field = "label") {
  const same = await tx.taxonomyTerm.findMany({
    where: { kind, retiredAt: null, NOT: except ? { slug: except } : undefined },
    select: { label: true },
  });
  if (same.some((t) => t.label.localeCompare(label, "fr", { sensitivity: "base" }) === 0))
    throw new DomainError(`Un ${TAXONOMY_KIND_LABELS[kind].singular} porte déjà ce libellé.`, { code: "duplicate_label", field });
}

/** Adds a term at the end of its kind's list; its slug comes from the label, once and for all. */
export async function addTerm(kind: TaxonomyKind, input: TermInput, actor: Actor) {
  const mappings = checkMappings(kind, input);
  const term = await writeTransaction(async (tx) => {
    await refuseDuplicateLabel(tx, kind, input.label);
    const slug = await freeSlug(tx, kind, input.label);
    const last = await tx.taxonomyTerm.aggregate({ where: { kind }, _max: { position: true } });
    const created = await tx.taxonomyTerm.create({
      data: { kind, slug, label: input.label, description: input.description ?? "", position: (last._max.position ?? -1) + 1, ...mappings },
      select: { kind: true, slug: true, label: true },
    });
    await audit(tx, created, actor, "ajout", { comment: input.label });
    return created;
  });
  invalidateReferenceData();
  return term;
}

/** Renames, describes and maps a term; its slug stays. The associations it names are re-indexed when the label changes. */
export async function updateTerm(key: TermKey, input: TermInput, actor: Actor) {
  const mappings = checkMappings(key.kind, input);
  const { reindexed, term } = await writeTransaction(async (tx) => {
    const before = await findTerm(tx, key);
    await refuseDuplicateLabel(tx, key.kind, input.label, key.slug);
    const term = await tx.taxonomyTerm.update({
      where: { kind_slug: key },
      data: { label: input.label, description: input.description ?? "", ...mappings },
      select: { kind: true, slug: true, label: true },
    });
    const renamed = before.label !== input.label;
    await audit(tx, key, actor, renamed ? "renommage" : "modification", renamed ? { fromState: before.label, toState: input.label } : {});
    const reindexed = renamed ? await associationsUsing(tx, key) : [];
    await enqueueSearchSync(tx, reindexed);
    return { reindexed, term };
  });
  await afterTaxonomyChange(reindexed);
  return term;
}

/** Moves a term one place up or down in its kind's list (positions renumbered 0, 1, 2…). */
export async function moveTerm(key: TermKey, direction: "up" | "down", actor: Actor) {
  await writeTransaction(async (tx) => {
    await findTerm(tx, key);
    const terms = await tx.taxonomyTerm.findMany({
      where: { kind: key.kind },
      orderBy: [{ position: "asc" }, { label: "asc" }],
      select: { slug: true },
    });
    const order = terms.map((t) => t.slug);
    const from = order.indexOf(key.slug);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to], order[from]];
    for (const [position, slug] of order.entries())
      await tx.taxonomyTerm.update({ where: { kind_slug: { kind: key.kind, slug } }, data: { position }, select: { slug: true } });
    await audit(tx, key, actor, direction === "up" ? "monté dans la liste" : "descendu dans la liste");
  });
  invalidateReferenceData();
}

/** Offers a retired term again in forms and filters. */
export async function restoreTerm(key: TermKey, actor: Actor) {
  const term = await writeTransaction(async (tx) => {
    const term = await findTerm(tx, key);
    if (term.retiredAt === null) return term;
    await refuseDuplicateLabel(tx, key.kind, term.label, key.slug, "_form");
    await tx.taxonomyTerm.update({ where: { kind_slug: key }, data: { retiredAt: null }, select: { slug: true } });
    await audit(tx, key, actor, "rétablissement", { fromState: "retiré", toState: "actif" });
    return term;
  });
  invalidateReferenceData();
  return term;
}
