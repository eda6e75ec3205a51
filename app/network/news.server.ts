// News from the CCAS to the network: staff write it in Markdown (rendered sanitised), keep it as a
// draft, publish it, edit it after publishing, unpublish it; the mailing to the members goes once
// (emailedAt), when publishing or later (news-mailing.server.ts). Members read the published ones.
import { prisma, writeTransaction, type Prisma, type Tx } from "~/db.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { recordAudit } from "~/lib/audit.server";
import { kickMailQueue } from "~/mail/mail.server";
import { queueNewsMailing } from "./news-mailing.server";
import type { NewsInput } from "./news-schemas";

export const NEWS_PAGE_SIZE = 10;

/** Drafts never published and untouched for this long, and news published this long ago, are deleted. */
export const NEWS_RETENTION = { staleDraftDays: 365, publishedYears: 3 } as const;

type Actor = { id: string };

export const newsListSelect = {
  id: true,
  title: true,
  publishedAt: true,
  emailedAt: true,
  updatedAt: true,
  author: { select: { name: true } },
} satisfies Prisma.NewsItemSelect;

/** The staff's list: drafts first (last changed first), then published, newest first. */
export async function listNewsForStaff() {
  const [drafts, published] = await Promise.all([
    prisma.newsItem.findMany({ where: { publishedAt: null }, orderBy: { updatedAt: "desc" }, select: newsListSelect }),
    prisma.newsItem.findMany({ where: { publishedAt: { not: null } }, orderBy: { publishedAt: "desc" }, select: newsListSelect }),
  ]);
  return { drafts, published };
}

export async function getNewsForStaff(newsId: string) {
  const news = await prisma.newsItem.findUnique({
    where: { id: newsId },
    select: { ...newsListSelect, body: true, createdAt: true },
  });
  if (!news) throw notFoundError("Cette actualité n'existe pas.");
  return news;
}

export async function createNews(input: NewsInput, actor: Actor) {
  return writeTransaction(async (tx) => {
    const news = await tx.newsItem.create({ data: { title: input.title, body: input.body, authorId: actor.id }, select: { id: true } });
    await recordAudit(tx, { entityType: "news", entityId: news.id, actorId: actor.id, action: "actualite_creee", toState: "brouillon" });
    return news;
  });
}

export async function updateNews(newsId: string, input: NewsInput, actor: Actor) {
  await writeTransaction(async (tx) => {
    const done = await tx.newsItem.updateMany({ where: { id: newsId }, data: { title: input.title, body: input.body } });
    if (done.count !== 1) throw notFoundError("Cette actualité n'existe pas.");
    await recordAudit(tx, { entityType: "news", entityId: newsId, actorId: actor.id, action: "actualite_modifiee" });
  });
}

/** Marks the mailing as done (once) and queues it, in the caller's transaction. */
async function mailOnce(tx: Tx, newsId: string, actor: Actor, now: Date) {
  const claimed = await tx.newsItem.updateMany({
    where: { id: newsId, emailedAt: null, publishedAt: { not: null } },
    data: { emailedAt: now },
  });
  if (claimed.count !== 1)
    throw new DomainError("Cette actualité a déjà été envoyée par courriel.", { code: "already_emailed", status: 409 });
  const news = await tx.newsItem.findUniqueOrThrow({ where: { id: newsId }, select: { id: true, title: true, body: true } });
  const mailing = await queueNewsMailing(tx, news, now);
  await recordAudit(tx, {
    entityType: "news",
    entityId: newsId,
    actorId: actor.id,
    action: "actualite_envoyee",
    comment: `${mailing.recipients} destinataires`,
  });
  return mailing;
}

/** Publishes (a published one stays as it is) and, when asked, e-mails it if it was not yet. */
export async function publishNews(newsId: string, options: { sendEmail: boolean }, actor: Actor, now = new Date()) {
  const result = await writeTransaction(async (tx) => {
    const news = await tx.newsItem.findUnique({ where: { id: newsId }, select: { publishedAt: true, emailedAt: true } });
    if (!news) throw notFoundError("Cette actualité n'existe pas.");
    if (!news.publishedAt) {
      await tx.newsItem.update({ where: { id: newsId }, data: { publishedAt: now } });
      await recordAudit(tx, {
        entityType: "news",
        entityId: newsId,
        actorId: actor.id,
        action: "actualite_publiee",
        fromState: "brouillon",
        toState: "publiee",
      });
    }
    const mailing = options.sendEmail && !news.emailedAt ? await mailOnce(tx, newsId, actor, now) : null;
    return { alreadyPublished: Boolean(news.publishedAt), mailing };
  });
  if (result.mailing) void kickMailQueue();
  return result;
}

/** The mailing of a published news item, later than its publication; once only. */
export async function sendNewsByEmail(newsId: string, actor: Actor, now = new Date()) {
  const mailing = await writeTransaction(async (tx) => {
    const news = await tx.newsItem.findUnique({ where: { id: newsId }, select: { publishedAt: true } });
    if (!news) throw notFoundError("Cette actualité n'existe pas.");
    if (!news.publishedAt)
      throw new DomainError("Publiez l'actualité avant de l'envoyer par courriel.", { code: "not_published", status: 409 });
    return mailOnce(tx, newsId, actor, now);
  });
  void kickMailQueue();
  return mailing;
}

/** Back to draft: the members no longer see it (a mailing already sent stays sent). */
export async function unpublishNews(newsId: string, actor: Actor) {
  await writeTransaction(async (tx) => {
    const done = await tx.newsItem.updateMany({ where: { id: newsId, publishedAt: { not: null } }, data: { publishedAt: null } });
    if (done.count !== 1) {
      if (!(await tx.newsItem.findUnique({ where: { id: newsId }, select: { id: true } })))
        throw notFoundError("Cette actualité n'existe pas.");
      return;
    }
    await recordAudit(tx, {
      entityType: "news",
      entityId: newsId,
      actorId: actor.id,
      action: "actualite_depubliee",
      fromState: "publiee",
      toState: "brouillon",
    });
  });
}

// ── The members' side ─────────────────────────────────────────────

export const publishedNewsSelect = { id: true, title: true, publishedAt: true } satisfies Prisma.NewsItemSelect;

export async function listPublishedNews(page: number) {
  const where = { publishedAt: { not: null } };
  const [items, total] = await Promise.all([
    prisma.newsItem.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NEWS_PAGE_SIZE,
      take: NEWS_PAGE_SIZE,
      select: publishedNewsSelect,
    }),
    prisma.newsItem.count({ where }),
  ]);
  return { items, total, page, pages: Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE)) };
}

/** The member home's few latest news. */
export async function latestNews(count = 3) {
  return prisma.newsItem.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: count,
    select: publishedNewsSelect,
  });
}

export async function getPublishedNews(newsId: string) {
  const news = await prisma.newsItem.findFirst({
    where: { id: newsId, publishedAt: { not: null } },
    select: { ...publishedNewsSelect, body: true },
  });
  if (!news) throw notFoundError("Cette actualité n'existe pas ou n'est plus publiée.");
  return news;
}

/** Retention (docs/retention.md), called by retentionCleanup. */
export async function purgeOldNews(now = new Date()) {
  const staleDraft = new Date(now.getTime() - NEWS_RETENTION.staleDraftDays * 86_400_000);
  const oldPublished = new Date(now);
  oldPublished.setUTCFullYear(oldPublished.getUTCFullYear() - NEWS_RETENTION.publishedYears);
  const { count } = await prisma.newsItem.deleteMany({
    where: { OR: [{ publishedAt: null, updatedAt: { lt: staleDraft } }, { publishedAt: { lt: oldPublished } }] },
  });
  return count;
}
