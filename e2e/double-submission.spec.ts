// Every state-changing form sent twice at once and five times at once, over HTTP to the real
// portal, with the very body the page would send: one effect (no duplicate row, no second
// e-mail), and each extra answer is a success (a redirect) or a refusal that says why in
// French, never a 5xx. Then deposits sent continuously across a call's closing instant.
import { randomBytes } from "node:crypto";
import { createAssociation } from "../prisma/factories/association";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { createEvent } from "../prisma/factories/event";
import { addMembership, createUser } from "../prisma/factories/user";
import { burst, expectHandled, type Answer } from "./support/bursts";
import { expect, getDb, sessionCookieFor, test, uniqueEmail } from "./support/fixtures";

const mails = (to: string, subject: string) => getDb().emailMessage.count({ where: { to, subject: { contains: subject } } });

/** A validated association, its legal representative (signed in) and a call with one reviewer (signed in). */
async function world() {
  const db = getDb();
  const association = await createAssociation(db, { status: "validated" });
  const rep = await createUser(db, { email: uniqueEmail("double-rep"), name: "Camille Double" });
  await addMembership(db, rep.id, association.id, true, "Présidente");
  const staff = await createUser(db, { email: uniqueEmail("double-staff"), role: "staff" });
  const admin = await createUser(db, { email: uniqueEmail("double-admin"), role: "admin" });
  const call = await createCall(db, { status: "publie", reviewerIds: [staff.id], requiredAttachments: [] });
  return {
    db,
    association,
    rep,
    staff,
    admin,
    call,
    repCookie: await sessionCookieFor(rep.id),
    staffCookie: await sessionCookieFor(staff.id),
    adminCookie: await sessionCookieFor(admin.id),
  };
}

/** A draft with every step valid and the declaration signed: ready to deposit. */
async function readyDraft(w: Awaited<ReturnType<typeof world>>, callId = w.call.id, associationId = w.association.id, signerId = w.rep.id) {
  const draft = await createDossier(w.db, { callId, associationId, state: "brouillon" });
  return w.db.dossier.update({ where: { id: draft.id }, data: { declarationSignedAt: new Date(), declarationSignerId: signerId } });
}

for (const times of [2, 5]) {
  test.describe(`chaque formulaire envoyé ${times} fois à la fois`, () => {
    test("dépôt d'un dossier : un dépôt, un accusé de réception, les autres réponses « déjà déposé »", async () => {
      const w = await world();
      const dossier = await readyDraft(w);
      const path = `/espace/associations/${w.association.id}/dossiers/${dossier.id}`;
      const answers = await burst(times, path, w.repCookie, { intent: "submit" });
      expectHandled(answers, "dépôt");
      for (const a of answers) expect(a.location, "chaque réponse ramène au dossier").toBe(path);
      expect(await w.db.dossierSubmission.count({ where: { dossierId: dossier.id } })).toBe(1);
      expect(await w.db.auditEvent.count({ where: { entityId: dossier.id, action: { in: ["depot", "redepot"] } } })).toBe(1);
      expect(await mails(w.rep.email, "Accusé de réception du dossier")).toBe(1);
    });

    test("nouveau dépôt demandé par le CCAS : un seul", async () => {
      const w = await world();
      const dossier = await createDossier(w.db, {
        callId: w.call.id,
        associationId: w.association.id,
        state: "en_instruction",
        signerId: w.rep.id,
      });
      const correction = await burst(times, `/instruction/dossiers/${dossier.id}`, w.staffCookie, {
        intent: "correction",
        reason: "incomplet",
        message: `Joindre le budget ${times}.`,
        dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      });
      expectHandled(correction, "renvoi pour correction");
      expect(await w.db.auditEvent.count({ where: { entityId: dossier.id, action: "demande_correction" } })).toBe(1);
      expect(await mails(w.rep.email, "corrections demandées")).toBe(1);
      const path = `/espace/associations/${w.association.id}/dossiers/${dossier.id}`;
      expectHandled(await burst(times, path, w.repCookie, { intent: "submit" }), "nouveau dépôt");
      expect(await w.db.dossierSubmission.count({ where: { dossierId: dossier.id, kind: "redepot" } })).toBe(1);
      expect(await mails(w.rep.email, "Accusé de réception du dossier")).toBe(1);
    });

    test("création d'un dossier sur un appel : un seul dossier", async () => {
      const w = await world();
      const answers = await burst(times, `/espace/associations/${w.association.id}/dossiers/nouveau`, w.repCookie, { callId: w.call.id });
      expectHandled(answers, "création de dossier");
      expect(await w.db.dossier.count({ where: { associationId: w.association.id, callId: w.call.id } })).toBe(1);
    });

    test("messages et annotation : un message, un courriel", async () => {
      const w = await world();
      const dossier = await createDossier(w.db, {
        callId: w.call.id,
        associationId: w.association.id,
        state: "en_construction",
        signerId: w.rep.id,
      });
      const body = `Question envoyée ${times} fois`;
      expectHandled(
        await burst(times, `/espace/associations/${w.association.id}/dossiers/${dossier.id}/messages`, w.repCookie, { body }),
        "message de l'association",
      );
      expect(await w.db.message.count({ where: { dossierId: dossier.id, fromStaff: false } })).toBe(1);
      expect(await mails(w.staff.email, "nouveau message de")).toBe(1);
      expectHandled(
        await burst(times, `/instruction/dossiers/${dossier.id}`, w.staffCookie, { intent: "message", body: "Réponse du CCAS" }),
        "message du CCAS",
      );
      expect(await w.db.message.count({ where: { dossierId: dossier.id, fromStaff: true } })).toBe(1);
      expect(await mails(w.rep.email, "nouveau message du CCAS")).toBe(1);
      expectHandled(
        await burst(times, `/instruction/dossiers/${dossier.id}`, w.staffCookie, { intent: "annotate", body: "Note privée" }),
        "annotation",
      );
      expect(await w.db.annotation.count({ where: { dossierId: dossier.id } })).toBe(1);
    });

    test("instruction, notation et décision : une transition, une subvention, un courriel", async () => {
      const w = await world();
      const dossier = await createDossier(w.db, {
        callId: w.call.id,
        associationId: w.association.id,
        state: "en_construction",
        signerId: w.rep.id,
      });
      const here = `/instruction/dossiers/${dossier.id}`;
      expectHandled(await burst(times, here, w.staffCookie, { intent: "start_instruction" }), "passage en instruction");
      expect(await w.db.auditEvent.count({ where: { entityId: dossier.id, action: "passage_en_instruction" } })).toBe(1);
      const criteria = await w.db.criterion.findMany({ where: { callId: w.call.id }, select: { id: true } });
      const scores = Object.fromEntries(criteria.map((c) => [`score_${c.id}`, "7"]));
      expectHandled(await burst(times, here, w.staffCookie, { intent: "score", ...scores }), "notation");
      expect(await w.db.score.count({ where: { dossierId: dossier.id } })).toBe(criteria.length);
      expectHandled(await burst(times, here, w.staffCookie, { intent: "accept", amount: "5 000" }), "décision");
      expect(await w.db.auditEvent.count({ where: { entityId: dossier.id, action: "decision" } })).toBe(1);
      expect(await w.db.subsidy.count({ where: { dossierId: dossier.id } })).toBe(1);
      expect(await mails(w.rep.email, "décision du CCAS")).toBe(1);
    });

    test("signature de la charte : une signature", async () => {
      const w = await world();
      const version = await w.db.charterVersion.findFirstOrThrow({ where: { version: { not: null } }, orderBy: { version: "desc" } });
      const answers = await burst(times, `/espace/associations/${w.association.id}/charte`, w.repCookie, {
        versionId: version.id,
        signerName: "Camille Double",
        signerRole: "Présidente",
        commitment: "on",
      });
      expectHandled(answers, "signature de la charte");
      expect(await w.db.charterSignature.count({ where: { associationId: w.association.id, versionId: version.id } })).toBe(1);
    });

    test("inscription à un événement, pointage et annulation : une inscription, un courriel chacun", async () => {
      const w = await world();
      const event = await createEvent(w.db, { audience: "associations", capacity: 10 });
      const email = uniqueEmail("double-participant");
      const register = await burst(times, `/evenements/${event.slug}`, w.repCookie, {
        intent: "association",
        associationId: w.association.id,
        "participants.0.name": "Dominique Participant",
        "participants.0.email": email,
      });
      expectHandled(register, "inscription");
      const rows = await w.db.registration.findMany({ where: { eventId: event.id, email } });
      expect(rows).toHaveLength(1);
      const sentAtRegistration = await w.db.emailMessage.count({ where: { to: email } });
      expect(sentAtRegistration).toBe(1);
      expectHandled(
        await burst(times, `/instruction/evenements/${event.id}/accueil`, w.staffCookie, { registrationId: rows[0].id, present: "1" }),
        "pointage",
      );
      expect((await w.db.registration.findUniqueOrThrow({ where: { id: rows[0].id } })).checkedInAt).not.toBeNull();
      expectHandled(
        await burst(times, `/espace/associations/${w.association.id}/inscriptions`, w.repCookie, {
          intent: "cancel",
          registrationId: rows[0].id,
        }),
        "annulation",
      );
      expect((await w.db.registration.findUniqueOrThrow({ where: { id: rows[0].id } })).status).toBe("annulee");
      expect(await w.db.emailMessage.count({ where: { to: email } })).toBe(sentAtRegistration + 1);
    });

    test("publication d'un appel et validation d'une association : une transition, un courriel", async () => {
      const w = await world();
      const call = await createCall(w.db, { status: "brouillon", reviewerIds: [w.staff.id] });
      expectHandled(
        await burst(times, `/admin/appels/${call.id}`, w.adminCookie, { intent: "status", to: "publie" }),
        "publication de l'appel",
      );
      expect(await w.db.auditEvent.count({ where: { entityType: "call", entityId: call.id, toState: "publie" } })).toBe(1);
      const pending = await createAssociation(w.db, { status: "pending" });
      const founder = await createUser(w.db, { email: uniqueEmail("double-fondatrice") });
      await addMembership(w.db, founder.id, pending.id, true, "Présidente");
      expectHandled(
        await burst(times, "/admin/associations", w.adminCookie, { intent: "validate", associationId: pending.id }),
        "validation de l'association",
      );
      expect(await w.db.auditEvent.count({ where: { entityId: pending.id, action: "validation" } })).toBe(1);
      // The validation notice only: the charter journey, running beside this one, may remind every
      // validated association that has not signed, this new one included.
      expect(await w.db.emailMessage.count({ where: { to: founder.email, subject: { endsWith: "est validée" } } })).toBe(1);
    });

    test("création d'un compte du CCAS : un compte, un courriel", async () => {
      const w = await world();
      const email = uniqueEmail("double-collegue");
      expectHandled(
        await burst(times, "/admin/comptes", w.adminCookie, { name: "Alex Collègue", email, role: "staff" }),
        "création de compte",
      );
      expect(await w.db.user.count({ where: { email } })).toBe(1);
      expect(await w.db.emailMessage.count({ where: { to: email } })).toBe(1);
    });

    // Owned by the accounts engineer (invitations) and the exports/payments engineer: kept here so the merge proves them.
    test("invitation d'une même adresse : une invitation, un courriel", async () => {
      const w = await world();
      const email = uniqueEmail("double-invitee");
      expectHandled(
        await burst(times, `/espace/associations/${w.association.id}/membres`, w.repCookie, { intent: "invite", email }),
        "invitation",
      );
      expect(await w.db.invitation.count({ where: { associationId: w.association.id, email, acceptedAt: null } })).toBe(1);
      expect(await w.db.emailMessage.count({ where: { to: email } })).toBe(1);
    });

    test("enregistrement d'un versement : un versement, le doublon refusé avec un message", async () => {
      const w = await world();
      const subsidy = await w.db.subsidy.create({
        data: {
          number: `SUB-DOUBLE-${randomBytes(3).toString("hex")}`,
          associationId: w.association.id,
          purpose: "Essai",
          requestedCents: 500_000,
          proposedCents: 500_000,
          votedCents: 500_000,
          financialYear: 2026,
        },
      });
      const instalment = await w.db.instalment.create({
        data: { subsidyId: subsidy.id, kind: "solde", amountCents: 500_000, plannedDate: new Date(), position: 0 },
      });
      const answers = await burst(times, `/instruction/subventions/${subsidy.id}`, w.staffCookie, {
        intent: "payment",
        instalmentId: instalment.id,
        paidAt: "2026-06-01",
        amount: "5 000",
      });
      expectHandled(answers, "versement");
      expect((await w.db.instalment.findUniqueOrThrow({ where: { id: instalment.id } })).paidCents).toBe(500_000);
      expect(
        await w.db.auditEvent.count({ where: { entityId: { in: [subsidy.id, instalment.id] }, action: { contains: "versement" } } }),
      ).toBeLessThanOrEqual(1);
    });
  });
}

test("des dépôts envoyés sans interruption de part et d'autre de la clôture : acceptés avant, refusés après", async () => {
  test.setTimeout(120_000);
  const w = await world();
  const drafts = [];
  for (let i = 0; i < 25; i++) {
    const association = await createAssociation(w.db, { status: "validated" });
    const rep = await createUser(w.db, { email: uniqueEmail("cloture-rep") });
    await addMembership(w.db, rep.id, association.id, true, "Trésorier");
    const dossier = await readyDraft(w, w.call.id, association.id, rep.id);
    drafts.push({ dossier, cookie: await sessionCookieFor(rep.id), path: `/espace/associations/${association.id}/dossiers/${dossier.id}` });
  }
  // The call closes two seconds from now; deposits keep coming, two at a time, until well after.
  const closesAt = new Date(Date.now() + 2_000);
  await w.db.call.update({ where: { id: w.call.id }, data: { closesAt } });
  // The last draft is kept for after the closing instant.
  const late = drafts[drafts.length - 1];
  const queue = drafts.slice(0, -1);
  const answers: { id: string; answer: Answer }[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [answer] = await burst(1, next.path, next.cookie, { intent: "submit" });
      answers.push({ id: next.dossier.id, answer });
      // Spread the rest over the closing instant: the last ones leave after it.
      if (Date.now() < closesAt.getTime() + 1_000) await new Promise((r) => setTimeout(r, 150));
    }
  };
  await Promise.all([worker(), worker()]);
  while (Date.now() <= closesAt.getTime()) await new Promise((r) => setTimeout(r, 100));
  const [after] = await burst(1, late.path, late.cookie, { intent: "submit" });
  answers.push({ id: late.dossier.id, answer: after });

  expect(answers).toHaveLength(drafts.length);
  let accepted = 0;
  let refused = 0;
  for (const { id, answer } of answers) {
    expectHandled([answer], "dépôt à la clôture");
    const d = await w.db.dossier.findUniqueOrThrow({ where: { id }, select: { state: true, submittedAt: true } });
    if (answer.status === 302 || answer.status === 303) {
      expect(d.state).toBe("en_construction");
      expect(d.submittedAt!.getTime(), "un dépôt accepté date d'avant la clôture").toBeLessThanOrEqual(closesAt.getTime());
      accepted++;
    } else {
      expect(answer.text).toMatch(/L&#x27;appel à projets est clos depuis le|L'appel à projets est clos depuis le/);
      refused++;
    }
  }
  // Whatever was accepted is in the history once, with a time before closing.
  const submissions = await w.db.dossierSubmission.findMany({ where: { dossierId: { in: drafts.map((d) => d.dossier.id) } } });
  expect(submissions).toHaveLength(accepted);
  for (const s of submissions) expect(s.submittedAt.getTime()).toBeLessThanOrEqual(closesAt.getTime());
  expect(refused, "le dépôt envoyé après la clôture est refusé").toBeGreaterThanOrEqual(1);
});
