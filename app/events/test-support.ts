// What the event tests share: people to register, a member of a fresh association, and an
// SMTP listener that receives what the mail queue sends.
import { afterAll } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createUser } from "../../prisma/factories/user";
import { startSmtpListener } from "../../tests/smtp";
import type { Db } from "~/db.server";
import { resetEnvCache } from "~/env.server";

export const DAY = 24 * 3600_000;

let n = 0;
export const person = (prefix = "p") => {
  n += 1;
  return { name: `Personne ${prefix} ${n}`, email: `${prefix}-${n}@exemple.test`, role: undefined, accessibilityNeeds: undefined };
};

export async function memberOfNewAssociation(prisma: Db) {
  const association = await createAssociation(prisma, { status: "validated" });
  const user = await createUser(prisma);
  await prisma.membership.create({ data: { userId: user.id, associationId: association.id } });
  return { associationId: association.id, userId: user.id };
}

/** Call before importing the database or mail modules: the mail queue then delivers to the listener. */
export async function listenForMail() {
  const smtp = await startSmtpListener();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  afterAll(async () => {
    await smtp.close();
  });
  return smtp;
}
