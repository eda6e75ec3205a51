// The CCAS's own accounts, run by an administrator: created with a link to choose a password,
// disabled and enabled again, their sessions closed.
import { randomBytes } from "node:crypto";
import type { SessionUser } from "~/accounts/auth.server";
import { staffInvitationEmail } from "~/accounts/emails";
import { createPasswordReset } from "~/accounts/password-reset.server";
import { hashPassword } from "~/accounts/passwords.server";
import { ROLE_LABELS, type Role } from "~/accounts/roles";
import type { createStaffSchema } from "~/accounts/schemas";
import { endAllSessions } from "~/accounts/sessions.server";
import { isUniqueViolation, prisma } from "~/db.server";
import { DomainError } from "~/lib/domain-error";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import type * as z from "zod";

type CreateStaffInput = z.output<typeof createStaffSchema>;

export async function listStaffAccounts() {
  return prisma.user.findMany({
    where: { role: { in: ["staff", "admin"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true },
  });
}

const emailTaken = () => new DomainError("Un compte existe déjà avec cette adresse.", { code: "email_taken", field: "email" });

/** A colleague's account, with a single-use link (one hour) to choose their own password. */
export async function createStaffAccount(input: CreateStaffInput, admin: SessionUser) {
  await createAccountWithLink(input, admin.name);
}

/**
 * An administrator's account made from the command line (`npm run admin:create`: the first one of
 * a new portal, or one more): the same single-use link, mailed and returned to be shown.
 */
export async function createAdministratorAccount(input: Omit<CreateStaffInput, "role">): Promise<{ setPasswordUrl: string }> {
  return createAccountWithLink({ ...input, role: "admin" }, "L'installation du portail");
}

async function createAccountWithLink(input: CreateStaffInput, inviterName: string) {
  const exists = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (exists) throw emailTaken();
  const passwordHash = await hashPassword(randomBytes(32).toString("hex"));
  const user = await prisma.user
    .create({ data: { ...input, passwordHash }, select: { id: true } })
    .catch((error: unknown) => (isUniqueViolation(error) ? null : Promise.reject(error)));
  // The same form sent twice at once: the second finds the account the first just created.
  if (!user) throw emailTaken();
  const token = await createPasswordReset(user.id);
  const setPasswordUrl = absoluteUrl(`/mot-de-passe/${token}`);
  await sendMail({
    to: input.email,
    ...staffInvitationEmail({
      name: input.name,
      inviterName,
      roleLabel: ROLE_LABELS[input.role as Role],
      setPasswordUrl,
      forgotPasswordUrl: absoluteUrl("/mot-de-passe-oublie"),
    }),
  });
  return { setPasswordUrl };
}

/** Disables (its sessions end) or enables again a CCAS account other than one's own. */
export async function setStaffAccountDisabled(userId: string, disabled: boolean, admin: SessionUser) {
  if (userId === admin.id) throw new DomainError("Vous ne pouvez pas désactiver votre propre compte.", { code: "own_account" });
  const target = await prisma.user.findFirst({ where: { id: userId, role: { in: ["staff", "admin"] } }, select: { name: true } });
  if (!target) throw new DomainError("Compte inconnu.", { code: "unknown_account" });
  await prisma.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
  if (disabled) await endAllSessions(userId);
  return target;
}

/** Closes every session of the account with this address (any role); null when there is none. */
export async function endSessionsOf(email: string) {
  const target = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (target) await endAllSessions(target.id);
  return target;
}
