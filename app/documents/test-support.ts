// What the document tests start from: a validated association and one of its members.
import { createAssociation } from "../../prisma/factories/association";
import { addMembership, createUser } from "../../prisma/factories/user";
import type { SessionUser } from "~/accounts/auth.server";
import type { Db } from "~/db.server";

export async function associationMember(prisma: Db) {
  const association = await createAssociation(prisma, { status: "validated" });
  const u = await createUser(prisma, { passwordHash: "!" });
  await addMembership(prisma, u.id, association.id, true, "Trésorière");
  const actor: SessionUser = { id: u.id, email: u.email, name: u.name, role: "member" };
  return { associationId: association.id, actor };
}
