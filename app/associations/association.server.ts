// Associations: validation by an administrator, profile edits, members (sign-up: sign-up.server.ts).
// Every change that touches what the directory shows goes through the search outbox.
import { enqueueSearchSync, flushSearchSync } from "../../search/sync";
import { hashPassword, hashToken, newToken } from "~/accounts/auth.server";
import { prisma, writeTransaction, type Db, type Tx } from "~/db.server";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import { notFound } from "~/lib/http.server";
import { slugify } from "~/lib/slug";
import type { AssociationProfileInput } from "~/associations/schemas";
import { getSearchClient } from "~/lib/search.server";
import type { SessionUser } from "~/accounts/auth.server";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type { Tx };

/** What the public directory page shows: no status, no internal dates. */
export const associationPublicSelect = {
  id: true,
  slug: true,
  name: true,
  acronym: true,
  rna: true,
  siret: true,
  socialObject: true,
  description: true,
  address: true,
  postcode: true,
  city: true,
  district: true,
  phone: true,
  email: true,
  website: true,
  receptionHours: true,
  updatedAt: true,
  fields: { select: { slug: true } },
  publics: { select: { slug: true } },
} as const;

export const associationProfileSelect = {
  ...associationPublicSelect,
  status: true,
  refusalReason: true,
} as const;

export async function uniqueAssociationSlug(name: string, tx: Pick<Db, "association"> = prisma): Promise<string> {
  const base = slugify(name) || "association";
  for (let i = 0; i < 1000; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    const taken = await tx.association.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  throw new Error("Impossible de trouver une adresse libre pour cette association.");
}

export function profileColumns(input: AssociationProfileInput) {
  return {
    name: input.name,
    acronym: input.acronym ?? null,
    rna: input.rna ?? null,
    siret: input.siret ?? null,
    socialObject: input.socialObject,
    description: input.description ?? "",
    address: input.address,
    postcode: input.postcode,
    city: input.city,
    district: input.district,
    phone: input.phone ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    receptionHours: input.receptionHours ?? "",
  };
}

export async function writeTaxonomy(tx: Tx, associationId: string, input: Pick<AssociationProfileInput, "fields" | "publics">) {
  await tx.associationField.deleteMany({ where: { associationId } });
  await tx.associationPublic.deleteMany({ where: { associationId } });
  await tx.associationField.createMany({ data: [...new Set(input.fields)].map((slug) => ({ associationId, slug })) });
  await tx.associationPublic.createMany({ data: [...new Set(input.publics)].map((slug) => ({ associationId, slug })) });
}

/**
 * Makes the index reflect the database for these associations now; if Meilisearch is
 * unreachable the outbox keeps the job and the background retry replays it.
 */
export async function syncSearchNow(associationIds: string[]): Promise<"synced" | "pending"> {
  const client = getSearchClient();
  if (!client) return "pending";
  try {
    await flushSearchSync(prisma, client, associationIds);
    return "synced";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`Indexation différée pour ${associationIds.join(", ")} : ${message}`);
    await prisma.searchSyncJob.updateMany({
      where: { doneAt: null, associationId: { in: associationIds } },
      data: { attempts: { increment: 1 }, lastError: message.slice(0, 500) },
    });
    return "pending";
  }
}

export async function staffEmails(role: "admin" | "staff" = "admin") {
  const users = await prisma.user.findMany({ where: { role, disabledAt: null }, select: { email: true } });
  return users.map((u) => u.email);
}

async function representativeEmails(associationId: string) {
  const reps = await prisma.membership.findMany({
    where: { associationId, isRepresentative: true, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  return reps.map((r) => r.user.email);
}

export async function validateAssociation(associationId: string, actor: SessionUser) {
  const association = await writeTransaction(async (tx) => {
    const current = await tx.association.findUnique({
      where: { id: associationId },
      select: { id: true, status: true, name: true, slug: true },
    });
    if (!current) throw notFound();
    if (current.status === "validated") {
      // Validated already (the same decision sent twice): no second audit entry or e-mail; the
      // directory entry is refreshed all the same (idempotent).
      await enqueueSearchSync(tx, [associationId]);
      return { id: current.id, name: current.name, slug: current.slug, already: true };
    }
    const updated = await tx.association.update({
      where: { id: associationId },
      data: { status: "validated", validatedAt: new Date(), refusalReason: null },
      select: { id: true, name: true, slug: true },
    });
    await tx.auditEvent.create({
      data: {
        entityType: "association",
        entityId: associationId,
        actorId: actor.id,
        action: "validation",
        fromState: current.status,
        toState: "validated",
      },
    });
    await enqueueSearchSync(tx, [associationId]);
    return { ...updated, already: false };
  });
  await syncSearchNow([associationId]);
  if (association.already) return association;
  for (const to of await representativeEmails(associationId)) {
    await sendMail({
      to,
      subject: `${association.name} est validée`,
      text: [
        "Bonjour,",
        "",
        `L'inscription de « ${association.name} » au réseau des associations du CCAS est validée.`,
        `Elle apparaît désormais dans l'annuaire : ${absoluteUrl(`/annuaire/${association.slug}`)}`,
        "",
        `Complétez son profil et suivez vos démarches dans votre espace : ${absoluteUrl("/espace")}`,
      ].join("\n"),
    });
  }
  return association;
}

export async function refuseAssociation(associationId: string, reason: string, actor: SessionUser) {
  const association = await writeTransaction(async (tx) => {
    const current = await tx.association.findUnique({ where: { id: associationId }, select: { status: true } });
    if (!current) throw notFound();
    const updated = await tx.association.update({
      where: { id: associationId },
      data: { status: "refused", refusalReason: reason },
      select: { id: true, name: true },
    });
    await tx.auditEvent.create({
      data: {
        entityType: "association",
        entityId: associationId,
        actorId: actor.id,
        action: "refus",
        fromState: current.status,
        toState: "refused",
        comment: reason,
      },
    });
    await enqueueSearchSync(tx, [associationId]);
    return updated;
  });
  await syncSearchNow([associationId]);
  for (const to of await representativeEmails(associationId)) {
    await sendMail({
      to,
      subject: `Inscription de ${association.name} refusée`,
      text: [
        "Bonjour,",
        "",
        `L'inscription de « ${association.name} » au réseau des associations du CCAS n'a pas été validée, pour le motif suivant :`,
        "",
        reason,
        "",
        `Vous pouvez corriger le profil depuis votre espace et nous contacter : ${absoluteUrl("/espace")}`,
      ].join("\n"),
    });
  }
  return association;
}

/** Saves the profile; returns once the change is searchable, or recorded for a retry if search is down. */
export async function updateAssociationProfile(associationId: string, input: AssociationProfileInput, actor: SessionUser) {
  await writeTransaction(async (tx) => {
    await tx.association.update({ where: { id: associationId }, data: profileColumns(input) });
    await writeTaxonomy(tx, associationId, input);
    await enqueueSearchSync(tx, [associationId]);
    await tx.auditEvent.create({
      data: { entityType: "association", entityId: associationId, actorId: actor.id, action: "modification du profil" },
    });
  });
  return syncSearchNow([associationId]);
}

export async function getPublicAssociationBySlug(slug: string) {
  return prisma.association.findFirst({ where: { slug, status: "validated" }, select: associationPublicSelect });
}

export async function getAssociationProfile(associationId: string) {
  return prisma.association.findUnique({ where: { id: associationId }, select: associationProfileSelect });
}

export async function listAssociationsByStatus(status: "pending" | "validated" | "refused", take = 200) {
  return prisma.association.findMany({
    where: { status },
    orderBy: { createdAt: "asc" },
    take,
    select: {
      id: true,
      name: true,
      acronym: true,
      slug: true,
      rna: true,
      siret: true,
      socialObject: true,
      district: true,
      createdAt: true,
      status: true,
      refusalReason: true,
      memberships: { where: { isRepresentative: true }, select: { title: true, user: { select: { name: true, email: true } } } },
    },
  });
}

export async function countAssociationsByStatus() {
  const groups = await prisma.association.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Partial<Record<string, number>>;
}

// ── Members and invitations ────────────────────────────────────────

export async function listMembers(associationId: string) {
  const [members, invitations] = await Promise.all([
    prisma.membership.findMany({
      where: { associationId },
      orderBy: { createdAt: "asc" },
      select: { id: true, isRepresentative: true, title: true, user: { select: { id: true, name: true, email: true } } },
    }),
    prisma.invitation.findMany({
      where: { associationId, acceptedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { members, invitations };
}

export type InviteResult = { ok: true } | { ok: false; reason: "already_member" | "already_invited"; expiresAt?: Date };

/**
 * One pending invitation per address and association, however many times (or how many at once)
 * the form is sent: the check and the insert run in one transaction that takes the write lock
 * first (as saveStep does), so a concurrent invitation waits and then finds this one.
 */
export async function inviteMember(associationId: string, email: string, actor: SessionUser): Promise<InviteResult> {
  const { token, tokenHash } = newToken();
  const outcome = await writeTransaction(async (tx) => {
    const now = new Date();
    // The write first: an invitation that expired unanswered goes, and the lock is ours.
    await tx.invitation.deleteMany({ where: { associationId, email, acceptedAt: null, expiresAt: { lte: now } } });
    const association = await tx.association.findUnique({ where: { id: associationId }, select: { name: true } });
    if (!association) throw notFound();
    const member = await tx.membership.findFirst({ where: { associationId, user: { email } }, select: { id: true } });
    if (member) return { ok: false as const, reason: "already_member" as const };
    const pending = await tx.invitation.findFirst({
      where: { associationId, email, acceptedAt: null, expiresAt: { gt: now } },
      select: { expiresAt: true },
    });
    if (pending) return { ok: false as const, reason: "already_invited" as const, expiresAt: pending.expiresAt };
    await tx.invitation.create({
      data: { associationId, email, tokenHash, invitedById: actor.id, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    });
    return { ok: true as const, associationName: association.name };
  });
  if (!outcome.ok) return outcome;
  await sendMail({
    to: email,
    subject: `Invitation à rejoindre ${outcome.associationName} sur le portail du CCAS`,
    text: [
      "Bonjour,",
      "",
      `${actor.name} vous invite à rejoindre l'espace de « ${outcome.associationName} » sur le portail du réseau des associations du CCAS.`,
      "",
      `Pour accepter l'invitation (valable 7 jours) : ${absoluteUrl(`/invitation/${token}`)}`,
    ].join("\n"),
  });
  return { ok: true };
}

export async function findInvitation(token: string) {
  return prisma.invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, associationId: true, association: { select: { name: true } } },
  });
}

/** Accepts an invitation: creates the account when the e-mail has none, then the membership. */
export async function acceptInvitation(token: string, account: { name: string; password: string } | { userId: string }) {
  const invitation = await findInvitation(token);
  if (!invitation) return null;
  const passwordHash = "password" in account ? await hashPassword(account.password) : null;
  return writeTransaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) return null;
    let userId: string;
    if ("userId" in account) {
      userId = account.userId;
    } else {
      const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      userId =
        existing?.id ??
        (
          await tx.user.create({
            data: { email: invitation.email, name: account.name, passwordHash: passwordHash!, role: "member" },
            select: { id: true },
          })
        ).id;
    }
    await tx.membership.upsert({
      where: { userId_associationId: { userId, associationId: invitation.associationId } },
      create: { userId, associationId: invitation.associationId, isRepresentative: false },
      update: {},
    });
    return { userId, associationId: invitation.associationId };
  });
}

export async function removeMember(associationId: string, membershipId: string) {
  const membership = await prisma.membership.findFirst({
    where: { id: membershipId, associationId },
    select: { id: true, isRepresentative: true },
  });
  if (!membership) throw notFound();
  if (membership.isRepresentative) return { ok: false as const };
  await prisma.membership.delete({ where: { id: membership.id } });
  return { ok: true as const };
}
