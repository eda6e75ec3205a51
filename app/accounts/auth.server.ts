// Who is asking: the signed-in user, and the guards every loader and action calls.
import { redirect } from "@remix-run/node";
import { prisma } from "~/db.server";
import { forbidden, notFound } from "~/lib/http.server";
import { readSessionId, validateSessionId } from "~/accounts/sessions.server";
import type { Role } from "~/accounts/roles";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
};

export async function getUser(request: Request): Promise<SessionUser | null> {
  const { user } = await validateSessionId(readSessionId(request));
  return user;
}

// ── Guards: they throw a Response ─────────────────────────────────

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/connexion?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return user;
}

export async function requireStaff(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "staff" && user.role !== "admin") throw forbidden();
  return user;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "admin") throw forbidden();
  return user;
}

export type AssociationAccess = { user: SessionUser; associationId: string; isRepresentative: boolean; title: string | null };

/**
 * A member of this association. Another association's id answers 404, as if it did
 * not exist: ids are not secrets, but existence is not ours to reveal.
 */
export async function requireAssociationMember(request: Request, associationId: string): Promise<AssociationAccess> {
  const user = await requireUser(request);
  const membership = await prisma.membership.findUnique({
    where: { userId_associationId: { userId: user.id, associationId } },
    select: { isRepresentative: true, title: true },
  });
  if (!membership) throw notFound();
  return { user, associationId, isRepresentative: membership.isRepresentative, title: membership.title };
}

export async function requireRepresentative(request: Request, associationId: string): Promise<AssociationAccess> {
  const access = await requireAssociationMember(request, associationId);
  if (!access.isRepresentative) throw forbidden("Seul le ou la représentant·e légal·e de l'association peut faire cette action.");
  return access;
}

/** The associations this user belongs to, for the member's space. */
export async function getMemberships(userId: string) {
  return prisma.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      isRepresentative: true,
      title: true,
      association: { select: { id: true, slug: true, name: true, status: true } },
    },
  });
}
