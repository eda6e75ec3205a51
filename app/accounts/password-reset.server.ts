// Password reset links and password changes.
import { prisma, writeTransaction } from "~/db.server";
import { hashPassword, verifyPassword } from "~/accounts/passwords.server";
import { endAllSessions } from "~/accounts/sessions.server";
import { hashToken, newToken } from "~/accounts/tokens.server";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/** Reset links one account receives in an hour at most: the form cannot be used to flood a mailbox. */
export const PASSWORD_RESETS_PER_HOUR = 3;

/** "Mot de passe oublié": a new reset link, or null when this hour's allowance is spent (the page answers the same). */
export async function requestPasswordReset(userId: string): Promise<string | null> {
  const lastHour = await prisma.passwordReset.count({ where: { userId, createdAt: { gte: new Date(Date.now() - 60 * 60 * 1000) } } });
  if (lastHour >= PASSWORD_RESETS_PER_HOUR) return null;
  return createPasswordReset(userId);
}

export async function createPasswordReset(userId: string) {
  const { token, tokenHash } = newToken();
  await prisma.passwordReset.create({ data: { userId, tokenHash, expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS) } });
  return token;
}

/** Consumes the token and sets the password; every session of the user ends. */
export async function resetPassword(token: string, newPassword: string): Promise<boolean> {
  const tokenHash = hashToken(token);
  const passwordHash = await hashPassword(newPassword);
  return writeTransaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash } });
    if (!reset || reset.usedAt || reset.expiresAt < new Date()) return false;
    const used = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return false;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    return true;
  });
}

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changePassword(userId: string, currentSessionId: string, current: string, next: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(next) } });
  await endAllSessions(userId, currentSessionId);
  return true;
}

export async function isPasswordResetTokenValid(token: string): Promise<boolean> {
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(reset && !reset.usedAt && reset.expiresAt > new Date());
}
