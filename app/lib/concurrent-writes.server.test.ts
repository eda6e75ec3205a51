// 50 writes of different kinds at the same instant on one database (SQLite: WAL, busy
// timeout, synchronous=FULL; PostgreSQL: the writers' advisory lock): no "database is locked",
// no lost write.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { createDossier } from "../../prisma/factories/dossier";
import { createEvent } from "../../prisma/factories/event";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma, configureSqlite, databaseProvider } = await import("../db.server");
const { updateAssociationProfile } = await import("../associations/profile.server");
const { saveStep } = await import("../dossiers/steps.server");
const { registerForAssociation } = await import("../events/registration.server");
const { recordPayment } = await import("../subsidies/payments.server");

describe("concurrent writes", () => {
  it("takes 50 simultaneous writes of four kinds without an error or a lost write", async () => {
    if (databaseProvider() === "sqlite") {
      await configureSqlite(prisma);
      const journal = (await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode"))[0].journal_mode;
      expect(journal).toBe("wal");
    }
    const staff = await createUser(prisma, { role: "staff" });

    // Profiles: 15 saves on 15 associations.
    const profiles = await Promise.all(Array.from({ length: 15 }, (_, i) => createAssociation(prisma, { name: `Concurrence ${i}` })));
    // Dossier drafts: 15 saves, 5 steps on each of 3 dossiers (the same dossier written 5 times at once).
    const call = await createCall(prisma, { status: "publie", reviewerIds: [staff.id] });
    const owner = await createUser(prisma);
    const dossiers = [];
    for (let d = 0; d < 3; d++) {
      await addMembership(prisma, owner.id, profiles[d].id, true);
      const dossier = await createDossier(prisma, { callId: call.id, associationId: profiles[d].id, state: "brouillon" });
      // Start empty, so each step present at the end was written by this test.
      await prisma.dossier.update({ where: { id: dossier.id }, data: { data: {} } });
      dossiers.push(dossier);
    }
    const steps = ["administration", "reseaux", "ressources_humaines", "budget_association", "projet"] as const;
    // Registrations: 10 people for 6 places.
    const event = await createEvent(prisma, { capacity: 6, audience: "associations" });
    // Payments: 10 subsidies with one instalment each.
    const subsidies = [];
    for (let i = 0; i < 10; i++) {
      const subsidy = await prisma.subsidy.create({
        data: {
          number: `CONC-${Date.now()}-${i}`,
          associationId: profiles[i].id,
          purpose: "p",
          requestedCents: 500_000,
          proposedCents: 500_000,
          votedCents: 500_000,
          financialYear: 2026,
        },
      });
      const instalment = await prisma.instalment.create({
        data: { subsidyId: subsidy.id, kind: "solde", amountCents: 500_000, plannedDate: new Date(), position: 0 },
      });
      subsidies.push({ subsidy, instalment });
    }
    const actor = { id: owner.id, email: "o@x.test", name: "Owner", role: "member" as const };

    const writes: Promise<unknown>[] = [
      ...profiles.map((a, i) =>
        updateAssociationProfile(
          a.id,
          {
            ...a,
            acronym: undefined,
            phone: undefined,
            email: undefined,
            website: undefined,
            socialObject: `Objet écrit en parallèle n° ${i}`,
            description: a.description,
            fields: a.fields,
            publics: a.publics,
          },
          actor,
        ),
      ),
      ...dossiers.flatMap((dossier, d) =>
        steps.map((step) =>
          saveStep(
            { associationId: profiles[d].id, user: actor, isRepresentative: true },
            dossier.id,
            step,
            { note: `${step}-${d}` },
            { validate: false },
          ),
        ),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        registerForAssociation({
          eventId: event.id,
          associationId: profiles[i].id,
          registeredById: owner.id,
          participants: [
            { name: `Personne ${i}`, email: `personne-${i}@concurrence.test`, role: undefined, accessibilityNeeds: undefined },
          ],
        }),
      ),
      ...subsidies.map(({ subsidy, instalment }) =>
        recordPayment(subsidy.id, { instalmentId: instalment.id, paidAt: "2026-06-01", amountCents: 500_000 }, { id: staff.id }),
      ),
    ];
    expect(writes).toHaveLength(50);
    const results = await Promise.allSettled(writes);
    const errors = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => String(r.reason));
    expect(errors).toEqual([]);

    for (const [i, a] of profiles.entries()) {
      expect((await prisma.association.findUniqueOrThrow({ where: { id: a.id } })).socialObject).toBe(`Objet écrit en parallèle n° ${i}`);
    }
    for (const dossier of dossiers) {
      const data = (await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).data as Record<string, unknown>;
      // Every step written at the same time is there: none overwrote another.
      for (const step of steps) expect(Object.keys(data)).toContain(step);
    }
    const registrations = await prisma.registration.findMany({ where: { eventId: event.id } });
    expect(registrations).toHaveLength(10);
    expect(registrations.filter((r) => r.status === "confirmee")).toHaveLength(6);
    expect(new Set(registrations.filter((r) => r.status === "liste_attente").map((r) => r.waitlistPosition))).toEqual(
      new Set([1, 2, 3, 4]),
    );
    for (const { instalment } of subsidies) {
      expect((await prisma.instalment.findUniqueOrThrow({ where: { id: instalment.id } })).paidCents).toBe(500_000);
    }
  });
});
