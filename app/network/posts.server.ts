// Needs and offers between associations: publishing, editing while open, marking fulfilled, the
// network's open posts with their filters, an association's own posts, one post's page and the
// answers it received. An answer is a relayed message (conversations.server.ts). A post past its
// last day (Paris) is never listed as open, even before the job archives it; a hidden post is
// seen only by its author, with the CCAS's reason.
import { prisma, writeTransaction, type Prisma, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { validationChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { conversationPath, writeToAssociation } from "./conversations.server";
import { POST_LIMITS, dayToDate, isPast, parisToday } from "./post-labels";
import { postSchema, type PostFilters, type PostInput } from "./post-schemas";

/** The post form as its action checks it: against every term, a retired one refused with its own message. */
export async function postSchemaForAction() {
  return postSchema(validationChoices(await getTaxonomy()));
}

export const postCardSelect = {
  id: true,
  kind: true,
  category: true,
  title: true,
  fieldSlug: true,
  districtSlug: true,
  endsOn: true,
  status: true,
  hiddenAt: true,
  createdAt: true,
  association: { select: { id: true, name: true, slug: true } },
} satisfies Prisma.NetworkPostSelect;

export const postPageSelect = {
  ...postCardSelect,
  body: true,
  associationId: true,
  fulfilledAt: true,
  archivedAt: true,
  hiddenReason: true,
  updatedAt: true,
} satisfies Prisma.NetworkPostSelect;

/** Open for everyone: not hidden, not fulfilled or archived, not past its last day, by a validated association. */
function openWhere(today: string): Prisma.NetworkPostWhereInput {
  return {
    status: "open",
    hiddenAt: null,
    endsOn: { gte: dayToDate(today) },
    association: { status: "validated", dissolvedAt: null },
  };
}

/** Lower case, without accents: « Bénévoles » is found by « benevole ». */
function normalise(text: string) {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/**
 * The network's open posts, other associations' only, newest first, a page at a time. The text is
 * matched in the title and the body without case or accents (in the process: open posts are few,
 * and SQLite and PostgreSQL do not agree on case-insensitive LIKE).
 */
export async function listOpenPosts(viewerAssociationId: string, filters: PostFilters, now = new Date()) {
  const where: Prisma.NetworkPostWhereInput = {
    ...openWhere(parisToday(now)),
    associationId: { not: viewerAssociationId },
    ...(filters.kind ? { kind: filters.kind as PostInput["kind"] } : {}),
    ...(filters.category ? { category: filters.category as PostInput["category"] } : {}),
    ...(filters.field ? { fieldSlug: filters.field } : {}),
    ...(filters.district ? { districtSlug: filters.district } : {}),
  };
  const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const { pageSize } = POST_LIMITS;
  if (!filters.q) {
    const [total, posts] = await Promise.all([
      prisma.networkPost.count({ where }),
      prisma.networkPost.findMany({ where, orderBy, select: postCardSelect, skip: (filters.page - 1) * pageSize, take: pageSize }),
    ]);
    return { total, posts, pages: Math.max(1, Math.ceil(total / pageSize)) };
  }
  const words = normalise(filters.q).split(/\s+/).filter(Boolean);
  const candidates = await prisma.networkPost.findMany({ where, orderBy, select: { id: true, title: true, body: true } });
  const ids = candidates
    .filter((p) => {
      const text = normalise(`${p.title} ${p.body}`);
      return words.every((w) => text.includes(w));
    })
    .map((p) => p.id);
  const pageIds = ids.slice((filters.page - 1) * pageSize, filters.page * pageSize);
  const posts = await prisma.networkPost.findMany({ where: { id: { in: pageIds } }, orderBy, select: postCardSelect });
  return { total: ids.length, posts, pages: Math.max(1, Math.ceil(ids.length / pageSize)) };
}

/** The association's own posts, every state, newest first, with the CCAS's reason when hidden. */
export async function listOwnPosts(associationId: string) {
  return prisma.networkPost.findMany({
    where: { associationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...postCardSelect, hiddenReason: true, _count: { select: { conversations: true } } },
  });
}

/**
 * One post as the viewing association sees it: its own in every state; another's only when not
 * hidden and by a validated association (404 otherwise). `canAnswer`: open, not past, not its own.
 */
export async function readPost(viewerAssociationId: string, postId: string, now = new Date()) {
  const post = await prisma.networkPost.findUnique({
    where: { id: postId },
    select: { ...postPageSelect, association: { select: { id: true, name: true, slug: true, status: true, dissolvedAt: true } } },
  });
  if (!post) throw notFoundError("Cette annonce n'existe pas ou n'est plus visible.");
  const own = post.associationId === viewerAssociationId;
  if (!own && (post.hiddenAt || post.association.status !== "validated" || post.association.dissolvedAt))
    throw notFoundError("Cette annonce n'existe pas ou n'est plus visible.");
  const today = parisToday(now);
  const isOpen = post.status === "open" && !post.hiddenAt && !isPast(post.endsOn, today);
  const { association, ...rest } = post;
  return {
    post: {
      ...rest,
      hiddenReason: own ? post.hiddenReason : null,
      association: { id: association.id, name: association.name, slug: association.slug },
    },
    own,
    isOpen,
    canAnswer: !own && isOpen,
    canEdit: own && post.status === "open" && !post.hiddenAt,
  };
}

/** The answers the author's association received: one line per answering association. */
export async function answersTo(authorAssociationId: string, postId: string) {
  const rows = await prisma.conversation.findMany({
    where: { postId, toAssociationId: authorAssociationId, post: { associationId: authorAssociationId } },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, lastMessageAt: true, fromAssociation: { select: { name: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    associationName: c.fromAssociation.name,
    answeredAt: c.createdAt,
    lastMessageAt: c.lastMessageAt,
    href: conversationPath(authorAssociationId, c.id),
  }));
}

async function requirePublisher(tx: Tx, associationId: string) {
  const association = await tx.association.findUnique({ where: { id: associationId }, select: { status: true, dissolvedAt: true } });
  if (!association || association.status !== "validated" || association.dissolvedAt)
    throw new DomainError("Votre association doit être validée par le CCAS pour publier une annonce.", {
      code: "not_validated",
      status: 403,
    });
}

function postData(input: PostInput) {
  return {
    kind: input.kind,
    category: input.category,
    title: input.title,
    body: input.body,
    fieldSlug: input.fieldSlug,
    districtSlug: input.districtSlug,
    endsOn: dayToDate(input.endsOn),
  };
}

export async function publishPost(associationId: string, authorId: string, input: PostInput) {
  return writeTransaction(async (tx) => {
    await requirePublisher(tx, associationId);
    const post = await tx.networkPost.create({ data: { associationId, authorId, ...postData(input) }, select: { id: true } });
    await recordAudit(tx, {
      entityType: "association",
      entityId: associationId,
      actorId: authorId,
      action: "network_post_published",
      toState: "open",
      comment: `${post.id} ${input.title}`,
    });
    return post;
  });
}

/** The open, visible post of this association (the author's changes), or a refusal saying why not. */
async function ownOpenPost(tx: Tx, associationId: string, postId: string) {
  const post = await tx.networkPost.findFirst({ where: { id: postId, associationId }, select: { id: true, status: true, hiddenAt: true } });
  if (!post) throw notFoundError("Cette annonce n'existe pas ou n'est plus visible.");
  if (post.hiddenAt)
    throw new DomainError("Cette annonce a été masquée par le CCAS : elle ne peut plus être modifiée. Contactez le CCAS.", {
      code: "hidden",
      status: 409,
    });
  if (post.status !== "open")
    throw new DomainError(
      post.status === "fulfilled"
        ? "Cette annonce est déjà pourvue : elle ne peut plus être modifiée."
        : "Cette annonce est échue : elle ne peut plus être modifiée.",
      { code: "closed", status: 409 },
    );
  return post;
}

export async function updatePost(associationId: string, postId: string, actorId: string, input: PostInput) {
  await writeTransaction(async (tx) => {
    await ownOpenPost(tx, associationId, postId);
    await tx.networkPost.update({ where: { id: postId }, data: postData(input) });
    await recordAudit(tx, {
      entityType: "association",
      entityId: associationId,
      actorId,
      action: "network_post_edited",
      comment: `${postId} ${input.title}`,
    });
  });
}

/** « Marquer comme pourvu »: no longer listed, no longer answered; there is no reopening (publish a new one). */
export async function markPostFulfilled(associationId: string, postId: string, actorId: string, now = new Date()) {
  await writeTransaction(async (tx) => {
    await ownOpenPost(tx, associationId, postId);
    await tx.networkPost.update({ where: { id: postId }, data: { status: "fulfilled", fulfilledAt: now } });
    await recordAudit(tx, {
      entityType: "association",
      entityId: associationId,
      actorId,
      action: "network_post_fulfilled",
      fromState: "open",
      toState: "fulfilled",
      comment: postId,
    });
  });
}

/** « Répondre à cette annonce »: a relayed message to the author's association, in its conversation about the post. */
export async function answerPost(input: { associationId: string; postId: string; authorId: string; body: string }) {
  const { post, canAnswer } = await readPost(input.associationId, input.postId);
  if (!canAnswer)
    throw new DomainError(
      post.associationId === input.associationId
        ? "Vous ne pouvez pas répondre à votre propre annonce."
        : "Cette annonce n'attend plus de réponse.",
      { code: "not_answerable", status: 409 },
    );
  return writeToAssociation({
    fromAssociationId: input.associationId,
    toAssociationId: post.associationId,
    postId: post.id,
    subject: post.title,
    body: input.body,
    authorId: input.authorId,
  });
}
