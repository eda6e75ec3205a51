// Expert opinions on a real SQLite database, with the e-mails through a real SMTP listener:
// the link's secret only hashed, one answer, a cancelled or replaced link refused, the file
// checked by content, confidential answers kept from the other experts, reminders once each.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reviewFixture } from "./test-support";

const { prisma, world, newDossier, smtp } = await reviewFixture();
const { uploadPath } = await import("../documents/document.server");
const { getEnv } = await import("../env.server");
const opinions = await import("./opinions.server");
const links = await import("./opinion-links.server");
const { sendDueOpinionReminders } = await import("./opinion-reminders.server");

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const inDays = (n: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(d);
};

/** The token of the last e-mail queued to `to` whose subject matches. */
async function tokenMailedTo(to: string, subject: RegExp) {
  const rows = await prisma.emailMessage.findMany({ where: { to }, orderBy: { createdAt: "desc" } });
  const found = rows.find((m) => subject.test(m.subject));
  const match = /\/avis\/([A-Za-z0-9_-]+)/.exec(found?.text ?? "");
  expect(match, `lien dans « ${found?.subject} »`).not.toBeNull();
  return { token: match![1]!, text: found!.text };
}

let n = 0;
async function ask(options: { confidential?: boolean; dueInDays?: number } = {}) {
  n += 1;
  const dossier = await newDossier();
  const email = `expert${n}-${Date.now()}@exemple.fr`;
  const { id } = await opinions.requestOpinion(dossier.id, world.reviewerA, {
    expertName: `Élu ${n}`,
    expertEmail: email,
    question: "Le projet répond-il aux besoins du quartier ?",
    dueOn: inDays(options.dueInDays ?? 10),
    confidential: options.confidential ?? false,
  });
  const { token, text } = await tokenMailedTo(email, /Demande d'avis/);
  return { dossier, id, email, token, text };
}

describe("asking an opinion", () => {
  it("mails a link built on PUBLIC_URL and stores only the SHA-256 of its secret", async () => {
    const { dossier, id, token, text, email } = await ask();
    expect(text).toContain(`${new URL("/avis/", getEnv().PUBLIC_URL).toString()}${token}`);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await prisma.expertOpinion.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // Delivered over SMTP, not only queued.
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toBe(`Demande d'avis : dossier ${dossier.number}`);
    expect(mail.text).toContain(token);
    const history = await prisma.auditEvent.findMany({ where: { entityType: "dossier", entityId: dossier.id } });
    expect(history.map((h) => h.action)).toEqual(["avis_demande"]);
  });

  it("refuses a deadline that is not after today, and staff of another call", async () => {
    const { opinionRequestSchema } = await import("./opinion-schemas");
    const base = { expertName: "Élue", expertEmail: "elue@exemple.fr", question: "?" };
    expect(opinionRequestSchema.safeParse({ ...base, dueOn: inDays(0) }).error?.issues[0]?.message).toMatch(/après aujourd'hui/);
    expect(opinionRequestSchema.safeParse({ ...base, dueOn: inDays(1) }).success).toBe(true);
    const dossier = await newDossier();
    await expect(
      opinions.requestOpinion(dossier.id, world.outsider, { ...base, dueOn: inDays(3), confidential: false }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(opinions.listOpinionsForReview(world.outsider, dossier.id)).rejects.toMatchObject({ status: 403 });
  });
});

describe("the expert's link", () => {
  it("shows the question and the dossier; unknown or altered links get nothing", async () => {
    const { dossier, token } = await ask();
    const page = await links.getOpinionForExpert(token);
    expect(page?.opinion.question).toBe("Le projet répond-il aux besoins du quartier ?");
    expect(page?.dossier.number).toBe(dossier.number);
    expect(page?.dossier.sections.length).toBeGreaterThan(0);
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await links.getOpinionForExpert(altered)).toBeNull();
    expect(await links.getOpinionForExpert("")).toBeNull();
  });

  it("takes one answer with a file checked by content; staff read it and download the file", async () => {
    const { dossier, id, token } = await ask();
    await expect(
      links.answerOpinion(token, "Avis favorable.", { name: "avis.pdf", bytes: new TextEncoder().encode("pas un pdf") }),
    ).rejects.toMatchObject({ code: "file_refused", field: "file" });
    expect((await prisma.expertOpinion.findUniqueOrThrow({ where: { id } })).answeredAt).toBeNull();

    await links.answerOpinion(token, "Avis favorable : le besoin est réel.", { name: "mon-avis.pdf", bytes: PDF });
    const row = await prisma.expertOpinion.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      answer: "Avis favorable : le besoin est réel.",
      fileName: "mon-avis.pdf",
      fileMimeType: "application/pdf",
    });
    expect(existsSync(uploadPath(row.fileStoredName!))).toBe(true);
    await expect(links.answerOpinion(token, "Je change d'avis.", null)).rejects.toMatchObject({ status: 409 });
    expect((await prisma.expertOpinion.findUniqueOrThrow({ where: { id } })).answer).toBe("Avis favorable : le besoin est réel.");
    expect((await links.getOpinionForExpert(token))?.opinion.answer).toBe("Avis favorable : le besoin est réel.");

    const [shown] = await opinions.listOpinionsForReview(world.reviewerB, dossier.id);
    expect(shown).toMatchObject({ status: "rendu", late: false, fileUrl: `/instruction/dossiers/${dossier.id}/avis/${id}` });
    const file = await opinions.getOpinionFileForStaff(world.reviewerB, dossier.id, id);
    expect(Buffer.from(file.bytes).equals(Buffer.from(PDF))).toBe(true);
    await expect(opinions.getOpinionFileForStaff(world.outsider, dossier.id, id)).rejects.toMatchObject({ status: 403 });
    const history = await prisma.auditEvent.findMany({
      where: { entityType: "dossier", entityId: dossier.id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => h.action)).toEqual(["avis_demande", "avis_rendu"]);
    // The staff member who asked is told.
    const told = await prisma.emailMessage.findMany({ where: { subject: { contains: `Dossier ${dossier.number} : avis de` } } });
    expect(told).toHaveLength(1);
  });

  it("refuses a cancelled link the same way as an unknown one, and cannot cancel an answered request", async () => {
    const { dossier, id, token } = await ask();
    await opinions.cancelOpinion(dossier.id, id, world.reviewerA);
    expect(await links.getOpinionForExpert(token)).toBeNull();
    expect(await links.answerOpinion(token, "Trop tard ?", null)).toEqual({ ok: false, reason: "invalid" });
    const attachment = await links.getAttachmentForExpert(token, "any");
    expect(attachment).toBeNull();
    await expect(opinions.cancelOpinion(dossier.id, id, world.reviewerA)).rejects.toThrow(/annulée/);
    const history = await prisma.auditEvent.findMany({ where: { entityType: "dossier", entityId: dossier.id } });
    expect(history.map((h) => h.action).sort()).toEqual(["avis_annule", "avis_demande"]);
  });

  it("shows other experts' answers unless confidential", async () => {
    const dossier = await newDossier();
    const make = async (name: string, confidential: boolean) => {
      const email = `${name}-${Date.now()}@exemple.fr`;
      await opinions.requestOpinion(dossier.id, world.reviewerA, {
        expertName: name,
        expertEmail: email,
        question: "?",
        dueOn: inDays(5),
        confidential,
      });
      return (await tokenMailedTo(email, /Demande d'avis/)).token;
    };
    const open = await make("Partenaire", false);
    const secret = await make("Elue", true);
    const third = await make("Troisieme", false);
    await links.answerOpinion(open, "Avis partagé.", null);
    await links.answerOpinion(secret, "Avis confidentiel.", null);
    const page = await links.getOpinionForExpert(third);
    expect(page?.others.map((o) => o.answer)).toEqual(["Avis partagé."]);
  });
});

describe("reminders", () => {
  it("sends no early reminder for a request asked within two days of its deadline, nor any once cancelled", async () => {
    const short = await ask({ dueInDays: 1 });
    const row = await prisma.expertOpinion.findUniqueOrThrow({ where: { id: short.id } });
    await sendDueOpinionReminders(new Date(row.dueAt.getTime() - 3_600_000));
    expect(await prisma.emailMessage.count({ where: { to: short.email, subject: { startsWith: "Rappel" } } })).toBe(0);
    await opinions.cancelOpinion(short.dossier.id, short.id, world.reviewerA);
    await sendDueOpinionReminders(new Date(row.dueAt.getTime() + 3_600_000));
    expect(await prisma.emailMessage.count({ where: { to: short.email } })).toBe(1);
  });

  it("lets staff remind by hand at most once a day", async () => {
    const { dossier, id, email } = await ask();
    await opinions.remindOpinion(dossier.id, id, world.reviewerA);
    await expect(opinions.remindOpinion(dossier.id, id, world.reviewerB)).rejects.toThrow(/une relance par jour/);
    await opinions.remindOpinion(dossier.id, id, world.reviewerB, new Date(Date.now() + 25 * 3_600_000));
    expect(await prisma.emailMessage.count({ where: { to: email, subject: { startsWith: "Rappel" } } })).toBe(2);
  });

  it("reminds once two days before the deadline and once after it, each with a new link", async () => {
    const { id, email, token } = await ask({ dueInDays: 10 });
    const row = await prisma.expertOpinion.findUniqueOrThrow({ where: { id } });
    const before = new Date(row.dueAt.getTime() - 86_400_000);
    await sendDueOpinionReminders(new Date(row.dueAt.getTime() - 5 * 86_400_000));
    expect(await prisma.emailMessage.count({ where: { to: email, subject: { startsWith: "Rappel" } } })).toBe(0);
    await sendDueOpinionReminders(before);
    expect(await prisma.emailMessage.count({ where: { to: email, subject: { startsWith: "Rappel" } } })).toBe(1);
    await sendDueOpinionReminders(before);
    expect(await prisma.emailMessage.count({ where: { to: email, subject: { startsWith: "Rappel" } } })).toBe(1);
    // The reminder's link replaces the first one.
    const reminded = await tokenMailedTo(email, /Rappel/);
    expect(await links.getOpinionForExpert(token)).toBeNull();
    expect(await links.getOpinionForExpert(reminded.token)).not.toBeNull();

    const after = new Date(row.dueAt.getTime() + 3_600_000);
    await sendDueOpinionReminders(after);
    await sendDueOpinionReminders(after);
    expect(await prisma.emailMessage.count({ where: { to: email, subject: { startsWith: "Avis en retard" } } })).toBe(1);
    // Both delivered through the SMTP listener, once each.
    await smtp.waitFor((m) => m.to.includes(email) && m.subject.startsWith("Avis en retard"));
    const received = smtp.messages.filter((m) => m.to.includes(email)).map((m) => m.subject.split(" ")[0]);
    expect(received.sort()).toEqual(["Avis", "Demande", "Rappel"]);
  });
});
