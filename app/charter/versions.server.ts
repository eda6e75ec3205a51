// The municipal charter of social action: versions written and published by an administrator.
// A published version never changes (here, and a database trigger refuses it too); publishing
// changes the directory's badge, so it goes through the search outbox.
import { enqueueSearchSync } from "../../search/sync";
import { syncSearchNow } from "~/associations/search-sync.server";
import type { SessionUser } from "~/accounts/auth.server";
import { charterRefusal } from "~/charter/errors";
import { recordAudit } from "~/lib/audit.server";
import { charterTextHash } from "~/charter/fingerprint.server";
import { queueRepresentativeNotices } from "~/charter/reminders.server";
import { currentCharterVersion } from "~/charter/charter-status.server";
import { prisma, writeTransaction } from "~/db.server";
import { kickMailQueue } from "~/mail/mail.server";
import type { CharterDraftInput } from "~/charter/schemas";

export const versionSummarySelect = {
  id: true,
  version: true,
  title: true,
  changeNote: true,
  sha256: true,
  publishedAt: true,
} as const;

export async function getCurrentVersion() {
  const current = await currentCharterVersion();
  if (!current) return null;
  return prisma.charterVersion.findUnique({ where: { id: current.id }, select: { ...versionSummarySelect, body: true } });
}

export async function getPublishedVersion(version: number) {
  return prisma.charterVersion.findFirst({
    where: { version, publishedAt: { not: null } },
    select: { ...versionSummarySelect, body: true },
  });
}

export async function listPublishedVersions() {
  return prisma.charterVersion.findMany({
    where: { publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { ...versionSummarySelect, _count: { select: { signatures: true } } },
  });
}

export async function getDraft() {
  return prisma.charterVersion.findFirst({
    where: { publishedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, body: true, changeNote: true, createdAt: true },
  });
}

/** Saves the draft (there is at most one). A published version is never touched. */
export async function saveDraft(input: CharterDraftInput, actor: SessionUser) {
  const data = { title: input.title, body: input.body, changeNote: input.changeNote ?? null };
  const existing = await getDraft();
  if (existing) {
    const updated = await prisma.charterVersion.updateMany({ where: { id: existing.id, publishedAt: null }, data });
    if (updated.count !== 1) throw charterRefusal("not_draft", "Ce brouillon vient d'être publié : il ne peut plus être modifié.");
    return { id: existing.id };
  }
  const created = await prisma.charterVersion.create({ data, select: { id: true } });
  await recordAudit(prisma, { entityType: "charter", entityId: created.id, actorId: actor.id, action: "brouillon créé" });
  return created;
}

/**
 * Publishes the draft as the next version: number, SHA-256 and date are fixed once and for all.
 * The previous version's signatories lose the badge (re-indexed), and every validated
 * association's representatives are asked to sign the new version.
 */
export async function publishDraft(draftId: string, actor: SessionUser) {
  const published = await writeTransaction(async (tx) => {
    const draft = await tx.charterVersion.findFirst({
      where: { id: draftId },
      select: { id: true, title: true, body: true, version: true, publishedAt: true },
    });
    if (!draft) throw charterRefusal("not_draft", "Ce brouillon n'existe plus ou a déjà été publié.");
    // Published already (the same form sent twice): that one publication, no second notice.
    if (draft.publishedAt && draft.version !== null)
      return { id: draft.id, version: draft.version, title: draft.title, formerSigners: [] as string[], already: true, notified: null };
    const previous = await tx.charterVersion.findFirst({
      where: { publishedAt: { not: null } },
      orderBy: { version: "desc" },
      select: { id: true, version: true },
    });
    const version = (previous?.version ?? 0) + 1;
    const claimed = await tx.charterVersion.updateMany({
      where: { id: draft.id, publishedAt: null },
      data: { version, sha256: charterTextHash(draft), publishedAt: new Date(), publishedById: actor.id },
    });
    if (claimed.count !== 1) throw charterRefusal("not_draft", "Ce brouillon vient d'être publié.");
    const formerSigners = previous
      ? (await tx.charterSignature.findMany({ where: { versionId: previous.id }, select: { associationId: true } })).map(
          (s) => s.associationId,
        )
      : [];
    await enqueueSearchSync(tx, formerSigners);
    await recordAudit(tx, {
      entityType: "charter",
      entityId: draft.id,
      actorId: actor.id,
      action: "publication",
      toState: `version ${version}`,
    });
    const notified = await queueRepresentativeNotices(tx, "new_version", version);
    return { id: draft.id, version, title: draft.title, formerSigners, already: false, notified };
  });
  if (published.already) return published;
  void kickMailQueue();
  if (published.formerSigners.length) await syncSearchNow(published.formerSigners);
  return published;
}
