// The CCAS's news, for tests and the seed: `createNewsItem(db, { published: true })`.
import type { Db } from "../../app/db.server";

let counter = 0;

export type NewsItemData = {
  title?: string;
  body?: string;
  /** true: published now; a Date: published then; absent: a draft. */
  published?: boolean | Date;
  authorId?: string | null;
  emailedAt?: Date | null;
  updatedAt?: Date;
};

export async function createNewsItem(db: Db, data: NewsItemData = {}) {
  counter += 1;
  const publishedAt = data.published === true ? new Date() : data.published instanceof Date ? data.published : null;
  return db.newsItem.create({
    data: {
      title: data.title ?? `Actualité de test ${counter}`,
      body: data.body ?? "## Une nouvelle\n\nLe CCAS informe les associations du réseau.",
      publishedAt,
      authorId: data.authorId ?? null,
      emailedAt: data.emailedAt ?? null,
      ...(data.updatedAt ? { updatedAt: data.updatedAt } : {}),
    },
  });
}
