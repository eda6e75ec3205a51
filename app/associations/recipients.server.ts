// Who hears of an association's sign-up and decisions.
import { prisma, type Tx } from "~/db.server";

export async function staffEmails(role: "admin" | "staff" = "admin") {
  const users = await prisma.user.findMany({ where: { role, disabledAt: null }, select: { email: true } });
  return users.map((u) => u.email);
}

export async function representativeEmails(associationId: string, db: Pick<Tx, "membership"> = prisma) {
  const reps = await db.membership.findMany({
    where: { associationId, isRepresentative: true, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  return reps.map((r) => r.user.email);
}
