// Accounts for tests and the demo seed.
import { hashPassword } from "../../app/accounts/passwords.server";
import type { Db } from "../../app/db.server";
import type { Role } from "../../app/accounts/roles";

export const TEST_PASSWORD = "phrase de passe de test 2026";

let counter = 0;

export async function createUser(
  db: Db,
  overrides: { email?: string; name?: string; role?: Role; password?: string; passwordHash?: string } = {},
) {
  counter += 1;
  const email = (overrides.email ?? `personne-${Date.now().toString(36)}-${counter}@exemple.test`).toLowerCase();
  const passwordHash = overrides.passwordHash ?? (await hashPassword(overrides.password ?? TEST_PASSWORD));
  return db.user.create({
    data: { email, name: overrides.name ?? `Personne ${counter}`, role: overrides.role ?? "member", passwordHash },
    select: { id: true, email: true, name: true, role: true },
  });
}

export async function addMembership(db: Db, userId: string, associationId: string, isRepresentative = false, title: string | null = null) {
  return db.membership.create({ data: { userId, associationId, isRepresentative, title }, select: { id: true } });
}
