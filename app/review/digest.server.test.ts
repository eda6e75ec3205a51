// The staff's daily digest on a real SQLite database: each person's items come from the calls
// they review (administrators: all), nothing when turned off or nothing new, once a day after
// 7:00 Paris time; the one-click unsubscribe link.
import { describe, expect, it } from "vitest";
import { createCall } from "../../prisma/factories/call";
import { createUser } from "../../prisma/factories/user";
import { reviewFixture } from "./test-support";

const { prisma, world } = await reviewFixture();
const { digestContent, digestTime, sendDailyDigests } = await import("./digest.server");
const { digestSubscriberForToken, digestUnsubscribeToken, setDailyDigest, verifyDigestUnsubscribeToken } =
  await import("./digest-subscription.server");

// 2 March 2030, 8:00 in Paris (UTC+1): after the digest time.
const NOW = new Date("2030-03-02T07:00:00Z");
const HOUR = 3_600_000;

async function news(callId: string, label: string, at: Date) {
  const dossier = await prisma.dossier.create({
    data: {
      number: `DIG-${label}-${Date.now()}`,
      callId,
      associationId: world.associationId,
      state: "en_construction",
      projectTitle: label,
      submittedAt: at,
    },
  });
  await prisma.dossierSubmission.create({ data: { dossierId: dossier.id, kind: "depot", submittedAt: at } });
  return dossier;
}

const digestsTo = (email: string) =>
  prisma.emailMessage.findMany({ where: { to: email, subject: { startsWith: "Instruction : résumé" } } });

describe("the daily digest", () => {
  it("gives each person the news of their calls only, and administrators all", async () => {
    const otherCall = await createCall(prisma, { reviewerIds: [world.outsider.id] });
    const since = new Date(NOW.getTime() - 24 * HOUR);
    const mine = await news(world.callId, "Projet de l'appel A", new Date(NOW.getTime() - 2 * HOUR));
    const theirs = await news(otherCall.id, "Projet de l'autre appel", new Date(NOW.getTime() - 2 * HOUR));
    // Before the window: not news any more.
    await news(world.callId, "Ancien projet", new Date(NOW.getTime() - 30 * HOUR));
    const member = await prisma.membership.findFirstOrThrow({ where: { associationId: world.associationId } });
    await prisma.message.create({
      data: {
        dossierId: mine.id,
        authorId: member.userId,
        fromStaff: false,
        body: "Voici le RIB.",
        createdAt: new Date(NOW.getTime() - HOUR),
      },
    });
    await prisma.message.create({
      data: {
        dossierId: mine.id,
        authorId: world.reviewerA.id,
        fromStaff: true,
        body: "Merci.",
        createdAt: new Date(NOW.getTime() - HOUR),
      },
    });
    await prisma.dossierSubmission.create({ data: { dossierId: theirs.id, kind: "redepot", submittedAt: new Date(NOW.getTime() - HOUR) } });
    await prisma.expertOpinion.create({
      data: {
        dossierId: mine.id,
        expertName: "Mme Dupont",
        expertEmail: "dupont@exemple.fr",
        question: "?",
        dueAt: NOW,
        tokenHash: `digest-${Date.now()}`,
        requestedById: world.reviewerA.id,
        answeredAt: new Date(NOW.getTime() - HOUR),
        answer: "Favorable.",
      },
    });

    const a = await digestContent(prisma, world.reviewerA, since, NOW);
    expect(a.deposits.map((i) => i.text)).toEqual([
      `${mine.number} – Clic Solidaire Test (« Projet de l'appel A ») : nouveau dossier déposé`,
    ]);
    expect(a.deposits[0]!.url).toMatch(new RegExp(`^https?://[^/]+/instruction/dossiers/${mine.id}$`));
    expect(a.messages.map((i) => i.text)).toEqual([`${mine.number} – Clic Solidaire Test (« Projet de l'appel A ») : nouveau message`]);
    expect(a.corrections).toEqual([]);
    expect(a.opinions.map((i) => i.url)).toEqual([expect.stringMatching(new RegExp(`/instruction/dossiers/${mine.id}#avis$`))]);

    const outsider = await digestContent(prisma, world.outsider, since, NOW);
    expect(outsider.deposits.map((i) => i.text)).toEqual([expect.stringContaining(theirs.number)]);
    expect(outsider.corrections.map((i) => i.text)).toEqual([expect.stringContaining("dossier corrigé et déposé à nouveau")]);
    expect(outsider.messages).toEqual([]);
    expect(outsider.opinions).toEqual([]);

    const admin = await digestContent(prisma, world.admin, since, NOW);
    expect(admin.deposits.map((i) => i.text).sort()).toEqual([...a.deposits, ...outsider.deposits].map((i) => i.text).sort());

    // Sent once after 7:00 (not before), to those who want it and have news; the others' clock moves on.
    const staffUsers = await prisma.user.findMany({
      where: { id: { in: [world.reviewerA.id, world.reviewerB.id, world.outsider.id, world.admin.id] } },
    });
    const emailOf = (id: string) => staffUsers.find((u) => u.id === id)!.email;
    await setDailyDigest(world.outsider.id, false);
    const quiet = await createUser(prisma, { role: "staff", name: "Sans Appel" });
    expect(await sendDailyDigests(new Date("2030-03-02T05:30:00Z"))).toEqual({ sent: 0, skipped: 0 });
    await sendDailyDigests(NOW);
    await sendDailyDigests(new Date(NOW.getTime() + HOUR));
    const [toA] = await digestsTo(emailOf(world.reviewerA.id));
    expect(await digestsTo(emailOf(world.reviewerA.id))).toHaveLength(1);
    expect(toA!.text).toContain("Nouveaux dossiers déposés (1) :");
    expect(toA!.text).toContain("/instruction/resume/desabonnement/");
    expect(toA!.unsubscribeUrl).toMatch(/^http.*\/instruction\/resume\/desabonnement\/[\w.-]+$/);
    expect(toA!.text).not.toContain(theirs.number);
    expect(await digestsTo(emailOf(world.admin.id))).toHaveLength(1);
    expect(await digestsTo(emailOf(world.outsider.id))).toHaveLength(0);
    expect(await digestsTo(quiet.email)).toHaveLength(0);
    const quietAfter = await prisma.user.findUniqueOrThrow({ where: { id: quiet.id } });
    expect(quietAfter.digestSentAt?.toISOString()).toBe(NOW.toISOString());
    expect((await prisma.user.findUniqueOrThrow({ where: { id: world.outsider.id } })).digestSentAt).toBeNull();

    // The next day: only what happened since.
    const nextDay = new Date(NOW.getTime() + 24 * HOUR);
    await sendDailyDigests(nextDay);
    expect(await digestsTo(emailOf(world.reviewerA.id))).toHaveLength(1);
    await news(world.callId, "Projet du lendemain", new Date(nextDay.getTime() + HOUR));
    await sendDailyDigests(new Date(nextDay.getTime() + 2 * HOUR));
    expect(await digestsTo(emailOf(world.reviewerA.id))).toHaveLength(1);
    await sendDailyDigests(new Date(nextDay.getTime() + 24 * HOUR));
    const second = (await digestsTo(emailOf(world.reviewerA.id))).find((m) => m.text.includes("Projet du lendemain"));
    expect(second?.text).not.toContain("Projet de l'appel A");
  });

  it("computes today's 7:00 in Paris, summer and winter", () => {
    expect(digestTime(new Date("2030-01-15T12:00:00Z")).toISOString()).toBe("2030-01-15T06:00:00.000Z");
    expect(digestTime(new Date("2030-07-15T12:00:00Z")).toISOString()).toBe("2030-07-15T05:00:00.000Z");
    // Just after midnight in Paris: that day's 7:00, still to come.
    expect(digestTime(new Date("2030-07-14T22:30:00Z")).toISOString()).toBe("2030-07-15T05:00:00.000Z");
  });
});

describe("the unsubscribe link", () => {
  it("names one staff member when unaltered, and turns the digest off", async () => {
    const token = digestUnsubscribeToken(world.reviewerB.id);
    expect(verifyDigestUnsubscribeToken(token)).toBe(world.reviewerB.id);
    expect(verifyDigestUnsubscribeToken(`${world.reviewerA.id}.${token.split(".")[1]}`)).toBeNull();
    expect(verifyDigestUnsubscribeToken(`${token}x`)).toBeNull();
    expect(verifyDigestUnsubscribeToken("n'importe quoi")).toBeNull();
    const member = await prisma.membership.findFirstOrThrow({ where: { associationId: world.associationId } });
    expect(await digestSubscriberForToken(digestUnsubscribeToken(member.userId))).toBeNull();

    const subscriber = await digestSubscriberForToken(token);
    expect(subscriber).toMatchObject({ id: world.reviewerB.id, dailyDigest: true });
    await setDailyDigest(world.reviewerB.id, false);
    expect((await digestSubscriberForToken(token))?.dailyDigest).toBe(false);
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "user", entityId: world.reviewerB.id } });
    expect(audit.map((a) => a.action)).toEqual(["resume_quotidien_desactive"]);
  });
});
