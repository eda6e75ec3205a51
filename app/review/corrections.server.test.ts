// Correction requests on a real SQLite database, their e-mails through a real SMTP listener: the
// reason and the due date are stored and e-mailed, the re-deposit answers the request, taking the
// dossier back into instruction cancels it, and each of the two reminders goes once.
import { afterAll, describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories/user";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();
afterAll(() => smtp.close());

const { prisma } = await import("../db.server");
const { setup, fillAll, DAY } = await import("../dossiers/test-support");
const drafts = await import("../dossiers/drafts.server");
const deposit = await import("../dossiers/deposit.server");
const { requestCorrection, startInstruction } = await import("./transitions.server");
const { sendCorrectionReminders, getPendingCorrectionNotice, getCorrectionRequest } = await import("./corrections.server");
const { startOfParisDay, defaultCorrectionDueDay } = await import("./correction-reasons");
const { settleMail } = await import("../mail/mail.server");

/** A deposited dossier in instruction, its reviewer, its representative. */
async function dossierInInstruction() {
  const { call, access } = await setup();
  const { id } = await drafts.startDossier(access.associationId, call.id, access.user);
  await fillAll(access, id);
  expect((await deposit.submitDossier(access, id)).ok).toBe(true);
  const staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
  await prisma.callReviewer.create({ data: { callId: call.id, userId: staff.id } });
  const reviewer = { id: staff.id, name: staff.name, role: "staff" as const };
  await startInstruction(id, reviewer);
  return { id, access, reviewer, email: access.user.email };
}

const received = (to: string, subject: RegExp) => smtp.messages.filter((m) => m.to.includes(to) && subject.test(m.subject));

describe("a correction request", () => {
  it("stores the reason and the due date, e-mails both, and is answered by the re-deposit", async () => {
    const { id, access, reviewer, email } = await dossierInInstruction();
    const dueDay = defaultCorrectionDueDay(new Date(), 10);
    await requestCorrection(id, reviewer, "Le budget prévisionnel ne mentionne pas la Ville.", {
      reason: "perime",
      dueAt: startOfParisDay(dueDay),
    });
    const row = await prisma.correctionRequest.findFirstOrThrow({ where: { dossierId: id } });
    expect(row).toMatchObject({ reason: "perime", requestedById: reviewer.id, answeredAt: null, cancelledAt: null });
    expect(row.dueAt).toEqual(startOfParisDay(dueDay));
    const notice = await getPendingCorrectionNotice(id);
    expect(notice?.deadlineText).toMatch(
      /^Corrections demandées \(Pièce ou information périmée\) : à déposer avant le .* — encore 10 jours$/,
    );

    const mail = await smtp.waitFor((m) => m.to.includes(email) && /corrections demandées/.test(m.subject));
    expect(mail.text).toContain("Motif : Pièce ou information périmée");
    expect(mail.text).toContain("Le budget prévisionnel ne mentionne pas la Ville.");
    expect(mail.text).toMatch(/Le dossier corrigé est à déposer avant le \d+ \S+ \d{4}\./);

    const again = await deposit.submitDossier(access, id);
    expect(again).toMatchObject({ ok: true, resubmission: true });
    const answered = await prisma.correctionRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(answered.answeredAt).not.toBeNull();
    expect(await getCorrectionRequest(id)).toMatchObject({ pending: false, reason: "perime" });
    expect(await getPendingCorrectionNotice(id)).toBeNull();
  });

  it("refuses a due date that is not after now, in French, and changes nothing", async () => {
    const { id, reviewer } = await dossierInInstruction();
    await expect(
      requestCorrection(id, reviewer, "Trop tard.", { reason: "incomplet", dueAt: new Date(Date.now() - 1000) }),
    ).rejects.toThrow("Date limite : choisissez une date après aujourd'hui.");
    expect(await prisma.correctionRequest.count({ where: { dossierId: id } })).toBe(0);
    expect((await prisma.dossier.findUniqueOrThrow({ where: { id } })).state).toBe("en_instruction");
  });

  it("is cancelled when staff take the dossier back into instruction, and then never reminded", async () => {
    const { id, reviewer } = await dossierInInstruction();
    await requestCorrection(id, reviewer, "Joindre le RIB.", { reason: "incomplet", dueAt: new Date(Date.now() + 10 * DAY) });
    await startInstruction(id, reviewer);
    const row = await prisma.correctionRequest.findFirstOrThrow({ where: { dossierId: id } });
    expect(row.cancelledAt).not.toBeNull();
    expect(await sendCorrectionReminders(new Date(row.dueAt.getTime() + DAY))).toBe(0);
  });
});

describe("a request older than the table", () => {
  it("is read from the audit trail, pending, without a reason nor a due date, and never reminded", async () => {
    const { id, reviewer } = await dossierInInstruction();
    const at = new Date();
    await prisma.dossier.update({ where: { id }, data: { state: "en_construction", correctionRequestedAt: at } });
    await prisma.auditEvent.create({
      data: { entityType: "dossier", entityId: id, actorId: reviewer.id, action: "demande_correction", comment: "Joindre les statuts." },
    });
    expect(await getCorrectionRequest(id)).toMatchObject({ message: "Joindre les statuts.", pending: true, reason: null, dueAt: null });
    expect(await getPendingCorrectionNotice(id)).toMatchObject({ message: "Joindre les statuts.", deadlineText: null });
    expect(await sendCorrectionReminders(new Date(at.getTime() + 30 * DAY))).toBe(0);
  });
});

describe("the reminders", () => {
  it("e-mails once a few days before the due date and once when it is past, however often the job runs", async () => {
    const { id, reviewer, email } = await dossierInInstruction();
    await requestCorrection(id, reviewer, "Préciser les cofinancements.", { reason: "incorrect", dueAt: new Date(Date.now() + 14 * DAY) });
    const { dueAt } = await prisma.correctionRequest.findFirstOrThrow({ where: { dossierId: id } });
    const at = (offset: number) => new Date(dueAt.getTime() + offset);

    // Only this test's dossier is open with a due date in reach: the counts are its own.
    expect(await sendCorrectionReminders(at(-10 * DAY))).toBe(0);
    expect(await sendCorrectionReminders(at(-2 * DAY))).toBe(1);
    expect(await sendCorrectionReminders(at(-1 * DAY))).toBe(0);
    const soon = await smtp.waitFor((m) => m.to.includes(email) && /corrections à déposer avant le/.test(m.subject));
    expect(soon.text).toContain("encore 2 jours");
    expect(soon.text).toContain("Motif de la demande : Informations incorrectes");

    // Two processes at once past the due date: one e-mail.
    const both = await Promise.all([sendCorrectionReminders(at(3600_000)), sendCorrectionReminders(at(3600_000))]);
    expect(both[0] + both[1]).toBe(1);
    expect(await sendCorrectionReminders(at(5 * DAY))).toBe(0);
    const late = await smtp.waitFor((m) => m.to.includes(email) && /le délai de correction est dépassé/.test(m.subject));
    expect(late.text).toContain("en retard de 1 jour");
    await settleMail();
    expect(received(email, /corrections à déposer avant le/)).toHaveLength(1);
    expect(received(email, /le délai de correction est dépassé/)).toHaveLength(1);
  });

  it("skips the early reminder of a request made close to its due date, and never reminds an answered one", async () => {
    const { id, access, reviewer, email } = await dossierInInstruction();
    await requestCorrection(id, reviewer, "Signer la déclaration.", { reason: "incomplet", dueAt: new Date(Date.now() + 2 * DAY) });
    const row = await prisma.correctionRequest.findFirstOrThrow({ where: { dossierId: id } });
    expect(await sendCorrectionReminders(new Date(row.dueAt.getTime() - DAY))).toBe(0);
    expect(await sendCorrectionReminders(new Date(row.dueAt.getTime() + 1000))).toBe(1);
    await deposit.submitDossier(access, id);
    expect(await sendCorrectionReminders(new Date(row.dueAt.getTime() + 3 * DAY))).toBe(0);
    await smtp.waitFor((m) => m.to.includes(email) && /le délai de correction est dépassé/.test(m.subject));
  });
});
