// The reviewer groups of a call (routing): read by the call's reviewers, managed by
// administrators (decision 021). Members are chosen among the call's reviewers and the
// administrators, so a group never gives anyone a dossier they could not open.
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { forbiddenError, notFoundError } from "~/lib/domain-error";
import { requireCallAccess, reviewRefusal, type Actor } from "./access.server";
import { userNames } from "./names.server";
import type { ReviewGroupInput } from "./routing-schemas";

export const reviewGroupSelect = {
  id: true,
  name: true,
  position: true,
  fieldSlug: true,
  districtSlug: true,
  minCents: true,
  maxCents: true,
  members: { select: { userId: true } },
  _count: { select: { dossiers: true } },
} as const;

/** Only administrators create, change, order or delete groups (decision 021). */
export function requireGroupManager(user: Actor) {
  if (user.role !== "admin") throw forbiddenError("Seul·e un·e administrateur·rice peut modifier les groupes d'instruction.");
}

/** The call's groups in routing order, with their members' names and dossier counts. */
export async function listCallGroups(callId: string) {
  const groups = await prisma.reviewGroup.findMany({ where: { callId }, orderBy: { position: "asc" }, select: reviewGroupSelect });
  const names = await userNames(groups.flatMap((g) => g.members.map((m) => m.userId)));
  return groups.map(({ members, _count, ...g }) => ({
    ...g,
    dossierCount: _count.dossiers,
    members: members.map((m) => ({ id: m.userId, name: names.get(m.userId) ?? "—" })).sort((a, b) => a.name.localeCompare(b.name, "fr")),
  }));
}

/** Who may be a member: the call's reviewers and the active administrators. */
export async function groupCandidates(callId: string) {
  const reviewers = await prisma.callReviewer.findMany({ where: { callId }, select: { userId: true } });
  return prisma.user.findMany({
    where: {
      disabledAt: null,
      OR: [{ role: "admin" }, { role: "staff", id: { in: reviewers.map((r) => r.userId) } }],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, role: true },
  });
}

/** The call's page for routing: its title, its groups, who may join them, how many dossiers have none. */
export async function getCallRouting(user: Actor, callId: string) {
  await requireCallAccess(user, callId);
  const [call, groups, candidates, withoutGroup] = await Promise.all([
    prisma.call.findUniqueOrThrow({ where: { id: callId }, select: { id: true, title: true } }),
    listCallGroups(callId),
    groupCandidates(callId),
    prisma.dossier.count({ where: { callId, reviewGroupId: null, state: { not: "brouillon" } } }),
  ]);
  return { call, groups, candidates, withoutGroup, canManage: user.role === "admin" };
}

async function checkMembers(tx: Tx, callId: string, memberIds: readonly string[]) {
  const reviewers = new Set((await tx.callReviewer.findMany({ where: { callId }, select: { userId: true } })).map((r) => r.userId));
  const users = await tx.user.findMany({ where: { id: { in: [...memberIds] }, disabledAt: null }, select: { id: true, role: true } });
  const ok = new Set(users.filter((u) => u.role === "admin" || (u.role === "staff" && reviewers.has(u.id))).map((u) => u.id));
  if (memberIds.some((id) => !ok.has(id)))
    throw reviewRefusal("Membres : choisissez parmi les instructeur·rices de l'appel et les administrateur·rices.", { field: "memberIds" });
}

async function checkNameFree(tx: Tx, callId: string, name: string, exceptId?: string) {
  const clash = await tx.reviewGroup.findFirst({
    where: { callId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash)
    throw reviewRefusal(`Un groupe s'appelle déjà « ${name} » dans cet appel à projets : choisissez un autre nom.`, { field: "name" });
}

function rulesOf(input: ReviewGroupInput) {
  return {
    name: input.name,
    fieldSlug: input.fieldSlug ?? null,
    districtSlug: input.districtSlug ?? null,
    minCents: input.minAmount ?? null,
    maxCents: input.maxAmount ?? null,
  };
}

export async function createReviewGroup(user: Actor, callId: string, input: ReviewGroupInput) {
  requireGroupManager(user);
  await requireCallAccess(user, callId);
  return writeTransaction(async (tx) => {
    await checkNameFree(tx, callId, input.name);
    await checkMembers(tx, callId, input.memberIds);
    const last = await tx.reviewGroup.findFirst({ where: { callId }, orderBy: { position: "desc" }, select: { position: true } });
    const group = await tx.reviewGroup.create({
      data: {
        callId,
        ...rulesOf(input),
        position: (last?.position ?? 0) + 1,
        members: { create: [...new Set(input.memberIds)].map((userId) => ({ userId })) },
      },
      select: { id: true, name: true },
    });
    await recordAudit(tx, { entityType: "call", entityId: callId, actorId: user.id, action: "groupe_cree", comment: group.name });
    return group;
  });
}

async function groupOfCall(tx: Tx, callId: string, groupId: string) {
  const group = await tx.reviewGroup.findFirst({ where: { id: groupId, callId }, select: { id: true, name: true, position: true } });
  if (!group) throw notFoundError("Ce groupe n'existe pas (ou plus) : rechargez la page.");
  return group;
}

export async function updateReviewGroup(user: Actor, callId: string, groupId: string, input: ReviewGroupInput) {
  requireGroupManager(user);
  await requireCallAccess(user, callId);
  return writeTransaction(async (tx) => {
    const group = await groupOfCall(tx, callId, groupId);
    await checkNameFree(tx, callId, input.name, groupId);
    await checkMembers(tx, callId, input.memberIds);
    await tx.reviewGroup.update({ where: { id: groupId }, data: rulesOf(input) });
    await tx.reviewGroupMember.deleteMany({ where: { groupId } });
    await tx.reviewGroupMember.createMany({ data: [...new Set(input.memberIds)].map((userId) => ({ groupId, userId })) });
    const comment = group.name === input.name ? input.name : `${group.name} → ${input.name}`;
    await recordAudit(tx, { entityType: "call", entityId: callId, actorId: user.id, action: "groupe_modifie", comment });
    return { id: groupId, name: input.name };
  });
}

/** Its dossiers become "sans groupe" (the rules can be applied again). */
export async function deleteReviewGroup(user: Actor, callId: string, groupId: string) {
  requireGroupManager(user);
  await requireCallAccess(user, callId);
  return writeTransaction(async (tx) => {
    const group = await groupOfCall(tx, callId, groupId);
    await tx.reviewGroup.delete({ where: { id: groupId } });
    await recordAudit(tx, { entityType: "call", entityId: callId, actorId: user.id, action: "groupe_supprime", comment: group.name });
    return group;
  });
}

/** Swaps the group with its neighbour above or below: the routing order. */
export async function moveReviewGroup(user: Actor, callId: string, groupId: string, direction: "up" | "down") {
  requireGroupManager(user);
  await requireCallAccess(user, callId);
  return writeTransaction(async (tx) => {
    const group = await groupOfCall(tx, callId, groupId);
    const neighbour = await tx.reviewGroup.findFirst({
      where: { callId, position: direction === "up" ? { lt: group.position } : { gt: group.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) return group;
    await tx.reviewGroup.update({ where: { id: neighbour.id }, data: { position: group.position } });
    await tx.reviewGroup.update({ where: { id: group.id }, data: { position: neighbour.position } });
    await recordAudit(tx, {
      entityType: "call",
      entityId: callId,
      actorId: user.id,
      action: "groupes_reordonnes",
      comment: `${group.name} ${direction === "up" ? "monte" : "descend"}`,
    });
    return group;
  });
}
