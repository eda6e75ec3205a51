// An association's members, and the invitations that bring new ones in.
import type { SessionUser } from "~/accounts/auth.server";
import { hashPassword } from "~/accounts/passwords.server";
import { hashToken, newToken } from "~/accounts/tokens.server";
import { prisma, writeTransaction } from "~/db.server";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { memberInvitationEmail } from "~/associations/emails";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

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
    if (!association) throw notFoundError();
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
    // Queued with the invitation: a pending invitation always has its e-mail.
    await enqueueMail(tx, {
      to: email,
      ...memberInvitationEmail({
        inviterName: actor.name,
        associationName: association.name,
        invitationUrl: absoluteUrl(`/invitation/${token}`),
      }),
    });
    return { ok: true as const };
  });
  if (!outcome.ok) return outcome;
  void kickMailQueue();
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
  if (!membership) throw notFoundError();
  if (membership.isRepresentative)
    throw new DomainError("Le ou la représentant·e légal·e ne peut pas être retiré·e.", { code: "representative" });
  await prisma.membership.delete({ where: { id: membership.id } });
}
