// Who reaches what in instruction: staff see the dossiers of the calls they review
// (CallReviewer); administrators see all.
import type { SessionUser } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { DomainError, forbiddenError, notFoundError } from "~/lib/domain-error";

export type Actor = Pick<SessionUser, "id" | "role" | "name">;

/** A refusal of instruction the user can act on: the message beside `field`, status 400. */
export function reviewRefusal(message: string, { field, code = "review_refused" }: { field?: string; code?: string } = {}) {
  return new DomainError(message, { code, field });
}

/** The calls a staff member reviews; null means every call (administrators). */
export async function reviewableCallIds(user: Actor): Promise<string[] | null> {
  if (user.role === "admin") return null;
  const rows = await prisma.callReviewer.findMany({ where: { userId: user.id }, select: { callId: true } });
  return rows.map((r) => r.callId);
}

export async function isCallReviewer(callId: string, userId: string) {
  return Boolean(await prisma.callReviewer.findUnique({ where: { callId_userId: { callId, userId } }, select: { callId: true } }));
}

/** Staff reach the calls they are assigned to; administrators every call. 403 otherwise. */
export async function requireCallAccess(user: Actor, callId: string) {
  const call = await prisma.call.findUnique({ where: { id: callId }, select: { id: true } });
  if (!call) throw notFoundError();
  if (user.role === "admin") return;
  if (!(await isCallReviewer(callId, user.id))) throw forbiddenError("Vous n'êtes pas instructeur·rice de cet appel à projets.");
}

export async function requireDossierAccess(user: Actor, dossierId: string) {
  const dossier = await prisma.dossier.findUnique({ where: { id: dossierId }, select: { id: true, callId: true, state: true } });
  if (!dossier || dossier.state === "brouillon") throw notFoundError();
  await requireCallAccess(user, dossier.callId);
  return dossier;
}
