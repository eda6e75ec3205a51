// The takeover of an entry imported from the RNA: a person who signs up with its RNA number asks for
// it (instead of creating a duplicate); an administrator accepts — the person becomes its legal
// representative, the profile they typed replaces the RNA's wording, the entry stays marked as
// coming from the RNA — or refuses with a reason. Decisions are read and checked in the write
// transaction: the same decision sent twice writes, and sends, once.
import { enqueueSearchSync } from "../../search/sync";
import type { SessionUser } from "~/accounts/auth.server";
import { IN_DIRECTORY } from "~/associations/directory-visibility";
import { geocodeColumnsFor } from "~/associations/geocoding.server";
import { profileColumns, writeTaxonomy } from "~/associations/profile.server";
import type { SignUpInput } from "~/associations/schemas";
import { syncSearchNow } from "~/associations/search-sync.server";
import { prisma, writeTransaction, type Db, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { claimAcceptedEmail, claimRefusedEmail } from "~/rna/emails";
import { getPortalSettings } from "~/settings/portal-settings.server";

/** An imported entry nobody has taken over yet, in the directory: what a sign-up with its number claims. */
export async function claimableEntry(rna: string | undefined | null, db: Pick<Db, "association"> = prisma) {
  if (!rna) return null;
  return db.association.findFirst({
    where: { rna, source: "rna", ...IN_DIRECTORY, memberships: { none: {} } },
    select: { id: true, name: true, slug: true },
    orderBy: { createdAt: "asc" },
  });
}

type StoredSignUp = Omit<SignUpInput, "password">;

/** In the sign-up's confirmation transaction: the claim, for the account just created. */
export async function createClaim(tx: Tx, input: { associationId: string; userId: string; stored: StoredSignUp }) {
  const { personName: _name, personEmail: _email, personTitle, representativeConfirm: _confirm, ...profile } = input.stored;
  const claim = await tx.associationClaim.create({
    data: { associationId: input.associationId, userId: input.userId, personTitle, data: profile },
    select: { id: true },
  });
  await recordAudit(tx, {
    entityType: "association",
    entityId: input.associationId,
    actorId: input.userId,
    action: "demande de reprise",
    toState: "pending",
  });
  return claim;
}

export async function listPendingClaims() {
  return prisma.associationClaim.findMany({
    where: { status: "pending" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      personTitle: true,
      data: true,
      user: { select: { name: true, email: true } },
      association: {
        select: { id: true, name: true, slug: true, rna: true, address: true, postcode: true, city: true, rnaUpdatedAt: true },
      },
    },
  });
}

export async function listDecidedClaims(take = 30) {
  return prisma.associationClaim.findMany({
    where: { status: { not: "pending" } },
    orderBy: { decidedAt: "desc" },
    take,
    select: {
      id: true,
      status: true,
      reason: true,
      decidedAt: true,
      user: { select: { name: true } },
      association: { select: { name: true } },
    },
  });
}

/** The person's claims waiting for a decision (their space says so). */
export async function pendingClaimsOf(userId: string) {
  return prisma.associationClaim.findMany({
    where: { userId, status: "pending" },
    select: { id: true, createdAt: true, association: { select: { name: true } } },
  });
}

const claimDone = (message: string) => new DomainError(message, { code: "claim_decided", status: 409 });

export async function acceptClaim(claimId: string, actor: SessionUser) {
  const { name: ccasName } = await getPortalSettings();
  const result = await writeTransaction(async (tx) => {
    const claim = await tx.associationClaim.findUnique({
      where: { id: claimId },
      select: {
        id: true,
        status: true,
        userId: true,
        personTitle: true,
        data: true,
        associationId: true,
        user: { select: { email: true } },
      },
    });
    if (!claim) throw notFoundError();
    if (claim.status === "accepted") return { already: true as const, associationId: claim.associationId };
    if (claim.status === "refused") throw claimDone("Cette demande a déjà été refusée.");
    const entry = await tx.association.findUniqueOrThrow({
      where: { id: claim.associationId },
      select: { id: true, rna: true, address: true, postcode: true, city: true, _count: { select: { memberships: true } } },
    });
    if (entry._count.memberships > 0) throw claimDone("Cette fiche a déjà été reprise par une autre personne.");
    const stored = claim.data as unknown as StoredSignUp;
    const updated = await tx.association.update({
      where: { id: entry.id },
      // The person's profile, the entry's RNA number and origin (source, RNA dates) kept.
      data: { ...profileColumns({ ...stored, rna: entry.rna ?? undefined }), rna: entry.rna, ...geocodeColumnsFor(entry, stored) },
      select: { id: true, name: true, slug: true },
    });
    await writeTaxonomy(tx, entry.id, stored);
    await tx.membership.create({
      data: { userId: claim.userId, associationId: entry.id, isRepresentative: true, title: claim.personTitle },
    });
    const now = new Date();
    await tx.associationClaim.update({ where: { id: claim.id }, data: { status: "accepted", decidedAt: now, decidedById: actor.id } });
    await recordAudit(tx, {
      entityType: "association",
      entityId: entry.id,
      actorId: actor.id,
      action: "reprise acceptée",
      toState: "validated",
    });
    const email = claimAcceptedEmail({
      ccasName,
      associationName: updated.name,
      spaceUrl: absoluteUrl("/espace"),
      directoryUrl: absoluteUrl(`/annuaire/${updated.slug}`),
    });
    await enqueueMail(tx, { to: claim.user.email, ...email });
    // The other requests for the same entry cannot be accepted any more.
    const others = await tx.associationClaim.findMany({
      where: { associationId: entry.id, status: "pending", id: { not: claim.id } },
      select: { id: true, user: { select: { email: true } } },
    });
    for (const other of others)
      await refuseInTx(
        tx,
        other.id,
        "Une autre demande de reprise de cette fiche a été acceptée.",
        actor,
        ccasName,
        updated.name,
        other.user.email,
      );
    await enqueueSearchSync(tx, [entry.id]);
    return { already: false as const, associationId: entry.id, name: updated.name };
  });
  await syncSearchNow([result.associationId]);
  if (!result.already) void kickMailQueue();
  return result;
}

async function refuseInTx(
  tx: Tx,
  claimId: string,
  reason: string,
  actor: SessionUser,
  ccasName: string,
  associationName: string,
  to: string,
) {
  await tx.associationClaim.update({
    where: { id: claimId },
    data: { status: "refused", reason, decidedAt: new Date(), decidedById: actor.id },
  });
  const { email } = await getPortalSettings();
  await enqueueMail(tx, { to, ...claimRefusedEmail({ ccasName, associationName, reason, contact: email }) });
}

export async function refuseClaim(claimId: string, reason: string, actor: SessionUser) {
  const { name: ccasName } = await getPortalSettings();
  const result = await writeTransaction(async (tx) => {
    const claim = await tx.associationClaim.findUnique({
      where: { id: claimId },
      select: { id: true, status: true, associationId: true, user: { select: { email: true } }, association: { select: { name: true } } },
    });
    if (!claim) throw notFoundError();
    if (claim.status === "refused") return { already: true, name: claim.association.name };
    if (claim.status === "accepted") throw claimDone("Cette demande a déjà été acceptée.");
    await refuseInTx(tx, claim.id, reason, actor, ccasName, claim.association.name, claim.user.email);
    await recordAudit(tx, {
      entityType: "association",
      entityId: claim.associationId,
      actorId: actor.id,
      action: "reprise refusée",
      toState: "refused",
      comment: reason,
    });
    return { already: false, name: claim.association.name };
  });
  if (!result.already) void kickMailQueue();
  return result;
}

/** For the directory page: the RNA's update date of an entry imported and not (yet) taken over, else null. */
export async function unclaimedRnaEntry(associationId: string) {
  return prisma.association.findFirst({
    where: { id: associationId, source: "rna", memberships: { none: {} } },
    select: { rnaUpdatedAt: true, rnaImportedAt: true },
  });
}
