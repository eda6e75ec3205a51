// The CCAS's news on a real SQLite database, its mailing through the real queue to a real SMTP
// listener: drafts are not shown, publishing shows them, the mailing goes once to the subscribed
// members of validated associations with the one-click unsubscribe, spread over minutes (at most
// NEWS_MAILING.perMinute due in one minute, after an earlier mailing still waiting), the text is
// rendered sanitised, and old news go with the retention cleanup.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createNewsItem } from "../../prisma/factories/news";
import { addMembership, createUser } from "../../prisma/factories/user";
import { startSmtpListener } from "../../tests/smtp";
import { resetEnvCache } from "../env.server";

const smtp = await startSmtpListener();
process.env.SMTP_URL = smtp.url;
resetEnvCache();

const { prisma } = await import("../db.server");
const { deliverPendingMail, settleMail } = await import("../mail/mail-queue.server");
const { setSubscription } = await import("../mail/mailing-lists.server");
const { renderMarkdown } = await import("../lib/markdown.server");
const { retentionCleanup } = await import("../accounts/personal-data.server");
const news = await import("./news.server");
const { NEWS_MAILING, throttledSlot } = await import("./news-mailing.server");

afterAll(async () => {
  await settleMail();
  await smtp.close();
});

beforeEach(async () => {
  await settleMail();
  await prisma.emailMessage.deleteMany();
  smtp.messages.length = 0;
});

async function member(status: "validated" | "pending" = "validated", options: { disabled?: boolean } = {}) {
  const association = await createAssociation(prisma, { status });
  const user = await createUser(prisma);
  if (options.disabled) await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  await addMembership(prisma, user.id, association.id, true);
  return user;
}

describe("news of the CCAS", () => {
  it("shows members the published news only, newest first, and a draft answers 404", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const { id } = await news.createNews({ title: "Brouillon secret", body: "Pas encore." }, staff);
    await expect(news.getPublishedNews(id)).rejects.toMatchObject({ status: 404 });
    expect((await news.latestNews(50)).map((n) => n.id)).not.toContain(id);
    await news.publishNews(id, { sendEmail: false }, staff);
    expect((await news.getPublishedNews(id)).title).toBe("Brouillon secret");
    expect((await news.latestNews(1))[0].id).toBe(id);
    await news.unpublishNews(id, staff);
    await expect(news.getPublishedNews(id)).rejects.toMatchObject({ status: 404 });
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "news", entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["actualite_creee", "actualite_publiee", "actualite_depubliee"]);
    await expect(news.getNewsForStaff("inconnue")).rejects.toMatchObject({ status: 404 });
  });

  it("mails subscribed members of validated associations once, with the one-click unsubscribe, through the real queue", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const reader = await member();
    const leaver = await member();
    const pending = await member("pending");
    const disabled = await member("validated", { disabled: true });
    await setSubscription(leaver.id, "actualites", false);
    const { id } = await news.createNews({ title: "Nouvelle distribution", body: "## Samedi\n\n- 9 h : accueil" }, staff);
    const first = await news.publishNews(id, { sendEmail: true }, staff);
    expect(first.mailing?.recipients).toBeGreaterThanOrEqual(1);
    await settleMail();
    await deliverPendingMail({ now: () => new Date(Date.now() + 60 * 60_000) });
    const received = await smtp.waitFor((m) => m.to.includes(reader.email));
    expect(received.subject).toBe("Actualité du réseau : Nouvelle distribution");
    expect(received.text).toContain("- 9 h : accueil");
    expect(received.text).toContain(`/espace/actualites/${id}`);
    expect(received.text).toContain("/desabonnement/actualites.");
    expect(received.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const list = received.parsed.headers.get("list") as { unsubscribe?: { url?: string } } | undefined;
    expect(list?.unsubscribe?.url).toMatch(new RegExp(`/desabonnement/actualites\\.${reader.id}\\.`));
    const to = smtp.messages.flatMap((m) => m.to);
    for (const absent of [leaver, pending, disabled]) expect(to).not.toContain(absent.email);
    const rows = await prisma.emailMessage.findMany({ where: { to: reader.email } });
    expect(rows).toHaveLength(1);
    expect(rows[0].bulk).toBe(true);

    await expect(news.sendNewsByEmail(id, staff)).rejects.toMatchObject({ code: "already_emailed", status: 409 });
    const again = await news.publishNews(id, { sendEmail: true }, staff);
    expect(again).toMatchObject({ alreadyPublished: true, mailing: null });
    expect(await prisma.emailMessage.count({ where: { to: reader.email } })).toBe(1);
  });

  it("refuses to mail a draft", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const { id } = await news.createNews({ title: "Pas publiée", body: "Texte" }, staff);
    await expect(news.sendNewsByEmail(id, staff)).rejects.toMatchObject({ code: "not_published" });
    expect((await prisma.newsItem.findUniqueOrThrow({ where: { id } })).emailedAt).toBeNull();
  });

  it("spreads a mailing over minutes, at most perMinute due in one minute, after an earlier mailing still waiting", async () => {
    const staff = await createUser(prisma, { role: "staff" });
    const extra = NEWS_MAILING.perMinute + 5;
    for (let i = 0; i < extra; i += 1) await member();
    const now = new Date();
    const first = await news.createNews({ title: "Première lettre", body: "Texte" }, staff);
    const { mailing } = await news.publishNews(first.id, { sendEmail: true }, staff, now);
    const total = mailing!.recipients;
    expect(total).toBeGreaterThan(NEWS_MAILING.perMinute);
    await settleMail();
    // A row already sent was due at once (its nextAttemptAt is cleared once sent).
    const rows = (
      await prisma.emailMessage.findMany({ where: { subject: "Actualité du réseau : Première lettre" }, select: { nextAttemptAt: true } })
    ).map((r) => ({ nextAttemptAt: r.nextAttemptAt ?? now }));
    const minuteOf = (d: Date) => Math.floor((d.getTime() - now.getTime()) / 60_000);
    const perMinute = new Map<number, number>();
    for (const r of rows) perMinute.set(minuteOf(r.nextAttemptAt), (perMinute.get(minuteOf(r.nextAttemptAt)) ?? 0) + 1);
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(NEWS_MAILING.perMinute);
    expect(perMinute.size).toBe(Math.ceil(total / NEWS_MAILING.perMinute));
    // The queue sent only what was due; the rest waits for its minute.
    expect(smtp.messages.filter((m) => m.subject.includes("Première lettre")).length).toBe(NEWS_MAILING.perMinute);

    const second = await news.createNews({ title: "Seconde lettre", body: "Texte" }, staff);
    await news.publishNews(second.id, { sendEmail: true }, staff, now);
    const secondRows = (
      await prisma.emailMessage.findMany({ where: { subject: "Actualité du réseau : Seconde lettre" }, select: { nextAttemptAt: true } })
    ).map((r) => ({ nextAttemptAt: r.nextAttemptAt ?? now }));
    const lastOfFirst = Math.max(...rows.map((r) => r.nextAttemptAt.getTime()));
    expect(Math.min(...secondRows.map((r) => r.nextAttemptAt.getTime()))).toBeGreaterThan(lastOfFirst);

    await settleMail();
    await deliverPendingMail({ now: () => new Date(now.getTime() + 10 * 60_000) });
    expect(smtp.messages.filter((m) => m.subject.includes("Première lettre")).length).toBe(total);
    expect(smtp.messages.filter((m) => m.subject.includes("Seconde lettre")).length).toBe(total);
  });

  it("computes the throttled slots", () => {
    const start = new Date("2026-12-02T08:00:00Z");
    expect(throttledSlot(start, 0, 2).toISOString()).toBe("2026-12-02T08:00:00.000Z");
    expect(throttledSlot(start, 1, 2).toISOString()).toBe("2026-12-02T08:00:00.000Z");
    expect(throttledSlot(start, 2, 2).toISOString()).toBe("2026-12-02T08:01:00.000Z");
  });

  it("renders hostile Markdown inert", () => {
    const html = renderMarkdown('## Titre\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[lien](javascript:alert(3))');
    expect(html).toContain("<h2>Titre</h2>");
    expect(html).not.toMatch(/<script|onerror|javascript:|<img/i);
  });

  it("deletes news published 3 years ago and drafts untouched for a year, with the retention cleanup", async () => {
    const now = new Date();
    const old = await createNewsItem(prisma, { published: new Date(now.getTime() - 3 * 366 * 86_400_000) });
    const recent = await createNewsItem(prisma, { published: new Date(now.getTime() - 2 * 365 * 86_400_000) });
    const staleDraft = await createNewsItem(prisma, { updatedAt: new Date(now.getTime() - 400 * 86_400_000) });
    const draft = await createNewsItem(prisma);
    const result = await retentionCleanup(now);
    expect(result.news).toBeGreaterThanOrEqual(2);
    const left = (await prisma.newsItem.findMany({ where: { id: { in: [old.id, recent.id, staleDraft.id, draft.id] } } })).map((n) => n.id);
    expect(left.sort()).toEqual([recent.id, draft.id].sort());
  });
});
