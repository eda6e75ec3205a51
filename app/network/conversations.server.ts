// Relayed messages between associations: an answer to a need or an offer, or a contact from the
// directory page, then the replies. The portal keeps the thread and tells the members of the side
// written to by e-mail, with the text and a link back; nobody's address is shown to the other side.
// Limits per person (counted in the database, so they hold across processes) stop a member from
// flooding the network; the same text sent again within minutes is the same form sent twice.
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { relayedMessageEmail } from "./emails";

export const MESSAGE_LIMITS = {
  subjectMax: 150,
  bodyMax: 5000,
  /** New conversations one person may start (answers to posts and directory contacts). */
  newPerHour: 5,
  newPerDay: 20,
  /** Messages one person may write, replies included. */
  messagesPerHour: 30,
  /** A message identical to one its author wrote this recently is not written again. */
  resentWithinMs: 10 * 60_000,
} as const;

const HOUR = 3600_000;

export function conversationPath(associationId: string, conversationId: string) {
  return `/espace/associations/${associationId}/messagerie/${conversationId}`;
}

function tooMany(window: "heure" | "jour") {
  return new DomainError(
    window === "heure"
      ? "Vous avez envoyé beaucoup de messages en peu de temps. Réessayez dans une heure ; si vous devez joindre beaucoup d'associations, contactez le CCAS."
      : "Vous avez commencé beaucoup de conversations aujourd'hui. Réessayez demain ; si vous devez joindre beaucoup d'associations, contactez le CCAS.",
    { code: "rate_limited", status: 429, field: "body" },
  );
}

async function checkRate(tx: Tx, authorId: string, startsConversation: boolean) {
  const now = Date.now();
  const written = await tx.conversationMessage.count({ where: { authorId, createdAt: { gte: new Date(now - HOUR) } } });
  if (written >= MESSAGE_LIMITS.messagesPerHour) throw tooMany("heure");
  if (!startsConversation) return;
  const started = (since: number) => tx.conversation.count({ where: { startedById: authorId, createdAt: { gte: new Date(since) } } });
  if ((await started(now - HOUR)) >= MESSAGE_LIMITS.newPerHour) throw tooMany("heure");
  if ((await started(now - 24 * HOUR)) >= MESSAGE_LIMITS.newPerDay) throw tooMany("jour");
}

async function requireMember(tx: Tx, userId: string, associationId: string) {
  const membership = await tx.membership.findFirst({ where: { userId, associationId, user: { disabledAt: null } }, select: { id: true } });
  if (!membership) throw notFoundError();
}

/** Every active member of the side written to hears of the message, with a link to the thread on their side. */
async function relay(tx: Tx, conversationId: string, writerAssociationId: string, body: string) {
  const c = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: {
      subject: true,
      fromAssociationId: true,
      toAssociationId: true,
      fromAssociation: { select: { name: true } },
      toAssociation: { select: { name: true } },
      post: { select: { title: true } },
    },
  });
  const readerId = c.fromAssociationId === writerAssociationId ? c.toAssociationId : c.fromAssociationId;
  const writerName = c.fromAssociationId === writerAssociationId ? c.fromAssociation.name : c.toAssociation.name;
  const members = await tx.membership.findMany({
    where: { associationId: readerId, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  const email = relayedMessageEmail(
    { fromAssociationName: writerName, subject: c.subject, body, postTitle: c.post?.title ?? null },
    absoluteUrl(conversationPath(readerId, conversationId)),
  );
  for (const m of members) await enqueueMail(tx, { to: m.user.email, ...email });
}

/** Writes the message unless its author just wrote the very same one; true when written (then it is relayed). */
async function appendMessage(tx: Tx, conversationId: string, associationId: string, authorId: string, body: string) {
  const same = await tx.conversationMessage.findFirst({
    where: { conversationId, authorId, body, createdAt: { gte: new Date(Date.now() - MESSAGE_LIMITS.resentWithinMs) } },
    select: { id: true },
  });
  if (same) return false;
  await checkRate(tx, authorId, false);
  const now = new Date();
  await tx.conversationMessage.create({ data: { conversationId, associationId, authorId, body, createdAt: now } });
  const side =
    (await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { fromAssociationId: true } })).fromAssociationId ===
    associationId
      ? { fromReadAt: now }
      : { toReadAt: now };
  await tx.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: now, ...side } });
  await relay(tx, conversationId, associationId, body);
  return true;
}

export type FirstMessage = {
  fromAssociationId: string;
  toAssociationId: string;
  /** An answer to this post (the conversation with its author continues if it exists). */
  postId?: string | null;
  subject: string;
  body: string;
  authorId: string;
};

/**
 * Writes to another association: a new conversation (or, for a post already answered by this
 * association, the existing one). The caller has checked the author belongs to fromAssociationId;
 * this checks it again, and that the association written to is validated and not dissolved.
 */
export async function writeToAssociation(input: FirstMessage): Promise<{ conversationId: string }> {
  if (input.fromAssociationId === input.toAssociationId)
    throw new DomainError("Vous ne pouvez pas écrire à votre propre association.", { code: "same_association" });
  let written = false;
  const conversationId = await writeTransaction(async (tx) => {
    await requireMember(tx, input.authorId, input.fromAssociationId);
    const to = await tx.association.findFirst({
      where: { id: input.toAssociationId, status: "validated", dissolvedAt: null },
      select: { id: true },
    });
    if (!to) throw notFoundError("Cette association n'est pas dans l'annuaire.");
    const existing = input.postId
      ? await tx.conversation.findUnique({
          where: { postId_fromAssociationId: { postId: input.postId, fromAssociationId: input.fromAssociationId } },
          select: { id: true },
        })
      : null;
    if (existing) {
      written = await appendMessage(tx, existing.id, input.fromAssociationId, input.authorId, input.body);
      return existing.id;
    }
    await checkRate(tx, input.authorId, true);
    const created = await tx.conversation.create({
      data: {
        postId: input.postId ?? null,
        fromAssociationId: input.fromAssociationId,
        toAssociationId: input.toAssociationId,
        subject: input.subject,
        startedById: input.authorId,
      },
      select: { id: true },
    });
    written = await appendMessage(tx, created.id, input.fromAssociationId, input.authorId, input.body);
    return created.id;
  });
  if (written) void kickMailQueue();
  return { conversationId };
}

/** A reply from one side of the conversation (404 for an association that is not one of its sides). */
export async function replyToConversation(input: { conversationId: string; associationId: string; authorId: string; body: string }) {
  const written = await writeTransaction(async (tx) => {
    await requireMember(tx, input.authorId, input.associationId);
    const c = await tx.conversation.findFirst({
      where: { id: input.conversationId, OR: [{ fromAssociationId: input.associationId }, { toAssociationId: input.associationId }] },
      select: { id: true },
    });
    if (!c) throw notFoundError();
    return appendMessage(tx, c.id, input.associationId, input.authorId, input.body);
  });
  if (written) void kickMailQueue();
}

/** This side has read the conversation up to now. */
export async function markConversationRead(conversationId: string, associationId: string) {
  const now = new Date();
  await prisma.conversation.updateMany({ where: { id: conversationId, fromAssociationId: associationId }, data: { fromReadAt: now } });
  await prisma.conversation.updateMany({ where: { id: conversationId, toAssociationId: associationId }, data: { toReadAt: now } });
}
