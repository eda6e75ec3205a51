// Staff create and edit events; a larger capacity gives places to the waiting list at once.
import { prisma, writeTransaction, type Db } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError } from "~/lib/domain-error";
import { slugify } from "~/lib/slug";
import { kickMailQueue } from "~/mail/mail.server";
import { queuePromotionMail } from "~/events/notifications.server";
import { lockEvent, promoteFromWaitingList } from "~/events/places.server";
import type { EventInput } from "~/events/schemas";

const RESERVED_SLUGS = new Set(["archives", "annulation", "confirmation", "nouveau"]);

export async function uniqueEventSlug(title: string, startsAt: Date, db: Pick<Db, "event"> = prisma): Promise<string> {
  const base = `${slugify(title) || "evenement"}-${startsAt.getUTCFullYear()}`.replace(/^-/, "");
  for (let i = 0; i < 1000; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    if (RESERVED_SLUGS.has(candidate)) continue;
    const taken = await db.event.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  throw new Error("Impossible de trouver une adresse libre pour cet événement.");
}

function eventColumns(input: EventInput) {
  return {
    title: input.title,
    description: input.description,
    type: input.type,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place ?? null,
    onlineUrl: input.onlineUrl ?? null,
    capacity: input.capacity,
    registrationOpensAt: input.registrationOpensAt,
    registrationClosesAt: input.registrationClosesAt,
    audience: input.audience,
    perAssociationLimit: input.perAssociationLimit ?? null,
  };
}

export async function createEvent(input: EventInput, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    const event = await tx.event.create({
      data: { ...eventColumns(input), slug: await uniqueEventSlug(input.title, input.startsAt, tx) },
      select: { id: true, slug: true },
    });
    await recordAudit(tx, { entityType: "event", entityId: event.id, actorId: actor.id, action: "creation" });
    return event;
  });
}

function capacityBelowConfirmed(confirmed: number) {
  return new DomainError(`Nombre de places : ${confirmed} personnes sont déjà confirmées, la capacité ne peut pas descendre en dessous.`, {
    code: "capacity_below_confirmed",
    field: "capacity",
  });
}

/** Edits an event; a larger capacity promotes people from the waiting list at once. */
export async function updateEvent(id: string, input: EventInput, actor: { id: string }) {
  const promoted = await writeTransaction(async (tx) => {
    await lockEvent(tx, id);
    const confirmed = await tx.registration.count({ where: { eventId: id, status: "confirmee" } });
    if (input.capacity < confirmed) throw capacityBelowConfirmed(confirmed);
    await tx.event.update({ where: { id }, data: eventColumns(input) });
    await recordAudit(tx, { entityType: "event", entityId: id, actorId: actor.id, action: "modification" });
    const promoted = await promoteFromWaitingList(tx, id, input.capacity - confirmed);
    for (const registrationId of promoted) await queuePromotionMail(tx, registrationId);
    return promoted;
  });
  void kickMailQueue();
  return { promoted: promoted.length };
}
