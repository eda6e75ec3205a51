// The directory's synonym groups: words the staff declare equivalent for search (Meilisearch's
// synonyms, and the database fallback's expansion, search/fallback-ranking.ts). Data, not code: each CCAS edits its own at
// /admin/parametres/synonymes (docs/decisions/034). A change is written and audited in one
// transaction, then the whole set is sent to Meilisearch without waiting for its re-index.
import * as z from "zod";
import { updateSynonyms } from "../../search/engine";
import type { SessionUser } from "~/accounts/auth.server";
import { prisma, writeTransaction, type Db, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError } from "~/lib/domain-error";
import { getSearchClient } from "~/lib/search.server";
import { MAX_SYNONYM_GROUPS, normalizeTerm, synonymTermsSchema, termsAsText } from "~/settings/synonym-schemas";

const Terms = z.array(z.string());

export type SynonymGroup = { id: string; terms: string[] };

type Actor = Pick<SessionUser, "id">;

/** Whether Meilisearch took the new groups now; if not, it gets them when it is back (ensureSearchIndex). */
export type SynonymSave = { group: SynonymGroup; applied: boolean };

export async function listSynonymGroups(db: Pick<Db, "searchSynonym">): Promise<SynonymGroup[]> {
  const rows = await db.searchSynonym.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, terms: true } });
  return rows.map((row) => ({ id: row.id, terms: Terms.catch([]).parse(row.terms) }));
}

export async function findSynonymGroup(db: Pick<Db, "searchSynonym">, id: string): Promise<SynonymGroup | null> {
  const row = await db.searchSynonym.findUnique({ where: { id }, select: { id: true, terms: true } });
  return row ? { id: row.id, terms: Terms.catch([]).parse(row.terms) } : null;
}

const auditEntityId = (id: string) => `synonymes:${id}`;

/** The terms checked again here (a caller that skipped the form), normalised. */
function checkedTerms(terms: readonly string[]): string[] {
  const normalised = [...new Set(terms.map(normalizeTerm).filter(Boolean))];
  const checked = synonymTermsSchema.safeParse(normalised);
  if (!checked.success) throw new DomainError(checked.error.issues[0].message, { code: "invalid_terms", field: "terms" });
  return checked.data;
}

/** A term may belong to one group only: the first term another group already has is refused, naming that group. */
async function refuseTermsOfOtherGroups(tx: Tx, terms: readonly string[], exceptId?: string) {
  const others = (await listSynonymGroups(tx)).filter((group) => group.id !== exceptId);
  for (const term of terms) {
    const other = others.find((group) => group.terms.some((t) => normalizeTerm(t) === term));
    if (other)
      throw new DomainError(
        `« ${term} » figure déjà dans le groupe « ${termsAsText(other.terms)} » : un terme ne peut appartenir qu'à un groupe. Retirez-le de l'un des deux, ou complétez l'autre groupe.`,
        { code: "term_in_other_group", field: "terms", status: 409 },
      );
  }
}

function missingGroup() {
  return new DomainError("Ce groupe de synonymes n'existe plus : il a peut-être été supprimé entre-temps. Rechargez la page.", {
    code: "synonym_group_not_found",
    status: 409,
  });
}

export async function createSynonymGroup(input: { terms: readonly string[] }, actor: Actor): Promise<SynonymSave> {
  const terms = checkedTerms(input.terms);
  const group = await writeTransaction(async (tx) => {
    if ((await tx.searchSynonym.count()) >= MAX_SYNONYM_GROUPS)
      throw new DomainError(
        `La recherche compte déjà ${MAX_SYNONYM_GROUPS} groupes de synonymes, le maximum : complétez un groupe existant.`,
        {
          code: "too_many_synonym_groups",
          field: "terms",
        },
      );
    await refuseTermsOfOtherGroups(tx, terms);
    const row = await tx.searchSynonym.create({ data: { terms }, select: { id: true } });
    await recordAudit(tx, {
      entityType: "settings",
      entityId: auditEntityId(row.id),
      actorId: actor.id,
      action: "synonymes ajoutés",
      toState: termsAsText(terms),
    });
    return { id: row.id, terms };
  });
  return { group, applied: await pushSynonyms() };
}

export async function updateSynonymGroup(id: string, input: { terms: readonly string[] }, actor: Actor): Promise<SynonymSave> {
  const terms = checkedTerms(input.terms);
  const group = await writeTransaction(async (tx) => {
    const before = await findSynonymGroup(tx, id);
    if (!before) throw missingGroup();
    await refuseTermsOfOtherGroups(tx, terms, id);
    await tx.searchSynonym.update({ where: { id }, data: { terms }, select: { id: true } });
    await recordAudit(tx, {
      entityType: "settings",
      entityId: auditEntityId(id),
      actorId: actor.id,
      action: "synonymes modifiés",
      fromState: termsAsText(before.terms),
      toState: termsAsText(terms),
    });
    return { id, terms };
  });
  return { group, applied: await pushSynonyms() };
}

export async function deleteSynonymGroup(id: string, actor: Actor): Promise<SynonymSave> {
  const group = await writeTransaction(async (tx) => {
    const before = await findSynonymGroup(tx, id);
    if (!before) throw missingGroup();
    await tx.searchSynonym.delete({ where: { id }, select: { id: true } });
    await recordAudit(tx, {
      entityType: "settings",
      entityId: auditEntityId(id),
      actorId: actor.id,
      action: "synonymes supprimés",
      fromState: termsAsText(before.terms),
    });
    return before;
  });
  return { group, applied: await pushSynonyms() };
}

// One push at a time in this process, each reading the table when its turn comes: a later edit's
// groups never reach the engine before an earlier one's.
let pushing: Promise<unknown> = Promise.resolve();

/**
 * Sends every group to Meilisearch, once the change is committed. Returns once the engine has
 * accepted the task (its re-index takes a few seconds more); false when the engine is down or
 * its index is being checked: ensureSearchIndex applies the table's groups when it is back.
 */
export function pushSynonyms(): Promise<boolean> {
  const run = pushing.then(async () => {
    const client = getSearchClient();
    if (!client) return false;
    try {
      const groups = await listSynonymGroups(prisma);
      await updateSynonyms(
        client,
        groups.map((group) => group.terms),
      );
      return true;
    } catch {
      return false;
    }
  });
  pushing = run;
  return run;
}
