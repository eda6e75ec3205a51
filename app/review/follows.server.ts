// "Suivre" a dossier: staff who follow it find it in their « Suivis » tab. A personal choice,
// not a change of the dossier: it leaves no line in the dossier's history (decision 021).
import { prisma, writeTransaction } from "~/db.server";
import { requireDossierAccess, type Actor } from "./access.server";
import { userNames } from "./names.server";

export async function followDossier(user: Actor, dossierId: string) {
  await requireDossierAccess(user, dossierId);
  // Idempotent: a second click (or two tabs) keeps one row.
  await writeTransaction(async (tx) => {
    const existing = await tx.dossierFollow.findUnique({
      where: { dossierId_userId: { dossierId, userId: user.id } },
      select: { userId: true },
    });
    if (!existing) await tx.dossierFollow.create({ data: { dossierId, userId: user.id } });
  });
}

export async function unfollowDossier(user: Actor, dossierId: string) {
  await requireDossierAccess(user, dossierId);
  await writeTransaction((tx) => tx.dossierFollow.deleteMany({ where: { dossierId, userId: user.id } }));
}

/** Who follows the dossier, by name, and whether the user does. */
export async function dossierFollowers(user: Actor, dossierId: string) {
  const rows = await prisma.dossierFollow.findMany({ where: { dossierId }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  const names = await userNames(rows.map((r) => r.userId));
  return {
    followers: rows.map((r) => ({ id: r.userId, name: names.get(r.userId) ?? "—" })),
    following: rows.some((r) => r.userId === user.id),
  };
}
