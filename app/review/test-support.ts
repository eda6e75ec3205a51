// What the review tests on a real SQLite database share: an SMTP listener for the queued
// e-mails, a call with two criteria and two reviewers, a staff member of no call, an
// administrator, and an association whose representative receives the e-mails.
import { afterAll, beforeAll } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { addMembership, createUser } from "../../prisma/factories/user";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

type TestActor = { id: string; name: string; role: "staff" | "admin" };
export type ReviewWorld = {
  reviewerA: TestActor;
  reviewerB: TestActor;
  outsider: TestActor;
  admin: TestActor;
  callId: string;
  criteria: { id: string; weight: number }[];
  associationId: string;
  memberEmail: string;
};

/** Call at the top of a test file, before importing any module that reads the database. */
export async function reviewFixture() {
  const smtp = await startSmtpListener();
  process.env.SMTP_URL = smtp.url;
  resetEnvCache();
  const { prisma } = await import("../db.server");
  afterAll(async () => {
    await smtp.close();
  });

  let n = 0;
  const actor = (u: { id: string; name: string; role: string }) => ({ id: u.id, name: u.name, role: u.role as "staff" | "admin" });
  const world = {} as ReviewWorld;

  async function newDossier(requestedCents = 1_000_000) {
    n += 1;
    return prisma.dossier.create({
      data: {
        number: `T-${Date.now()}-${n}`,
        callId: world.callId,
        associationId: world.associationId,
        state: "en_construction",
        requestedCents,
        projectTitle: "Ateliers numériques",
        submittedAt: new Date(),
      },
    });
  }

  beforeAll(async () => {
    world.reviewerA = actor(await createUser(prisma, { role: "staff", name: "Alice Instructrice" }));
    world.reviewerB = actor(await createUser(prisma, { role: "staff", name: "Bruno Instructeur" }));
    world.outsider = actor(await createUser(prisma, { role: "staff", name: "Olga Autre" }));
    world.admin = actor(await createUser(prisma, { role: "admin", name: "Adèle Admin" }));
    const association = await createAssociation(prisma, { name: "Clic Solidaire Test" });
    world.associationId = association.id;
    const member = await createUser(prisma, { role: "member" });
    world.memberEmail = member.email;
    await addMembership(prisma, member.id, world.associationId, true, "Présidente");
    const now = Date.now();
    const call = await prisma.call.create({
      data: {
        slug: `appel-test-${now}`,
        title: "Inclusion numérique 2027",
        summary: "Test",
        body: "Test",
        envelopeCents: 1_500_000,
        minAmountCents: 100_000,
        maxAmountCents: 2_000_000,
        opensAt: new Date(now - 86_400_000),
        closesAt: new Date(now + 86_400_000),
        financialYear: 2027,
        status: "publie",
        criteria: {
          create: [
            { label: "Pertinence", weight: 60, position: 1 },
            { label: "Faisabilité", weight: 40, position: 2 },
          ],
        },
        reviewers: { create: [{ userId: world.reviewerA.id }, { userId: world.reviewerB.id }] },
      },
      include: { criteria: { orderBy: { position: "asc" } } },
    });
    world.callId = call.id;
    world.criteria = call.criteria;
  });

  return { prisma, world, newDossier, smtp };
}
