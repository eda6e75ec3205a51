// Cancelling a registration, by its signed link or from the association's space; a freed
// place goes to the first person waiting, in the same transaction.
import { prisma, writeTransaction } from "~/db.server";
import { kickMailQueue } from "~/mail/mail.server";
import { queueCancellationMail, queuePromotionMail } from "~/events/notifications.server";
import { lockEvent, promoteFromWaitingList, renumberWaitingList } from "~/events/places.server";
import { verifyCancellation } from "~/events/signed-links.server";

export type CancelResult = { cancelled: boolean; eventSlug: string; promotedId: string | null };

/** Cancels one registration; a freed place goes to the first person waiting, in the same transaction. */
async function cancelRegistration(where: { id: string; associationId?: string }): Promise<CancelResult | null> {
  const result = await writeTransaction(async (tx) => {
    const reg = await tx.registration.findFirst({ where, select: { id: true, eventId: true } });
    if (!reg) return null;
    await lockEvent(tx, reg.eventId);
    const current = await tx.registration.findUniqueOrThrow({
      where: { id: reg.id },
      select: { status: true, event: { select: { slug: true, capacity: true, endsAt: true } } },
    });
    if (current.status === "annulee") return { cancelled: false, eventSlug: current.event.slug, promotedId: null };
    await tx.registration.update({ where: { id: reg.id }, data: { status: "annulee", cancelledAt: new Date(), waitlistPosition: null } });
    let promoted: string[] = [];
    if (current.status === "confirmee" && current.event.endsAt > new Date()) {
      const confirmed = await tx.registration.count({ where: { eventId: reg.eventId, status: "confirmee" } });
      promoted = await promoteFromWaitingList(tx, reg.eventId, current.event.capacity - confirmed);
    } else if (current.status === "liste_attente") {
      await renumberWaitingList(tx, reg.eventId);
    }
    if (current.status !== "en_attente_confirmation") await queueCancellationMail(tx, reg.id);
    for (const id of promoted) await queuePromotionMail(tx, id);
    return { cancelled: true, eventSlug: current.event.slug, promotedId: promoted[0] ?? null };
  });
  if (!result) return null;
  if (result.cancelled) void kickMailQueue();
  return { cancelled: result.cancelled, eventSlug: result.eventSlug, promotedId: result.promotedId };
}

export async function cancelByToken(token: string): Promise<CancelResult | null> {
  const id = verifyCancellation(token);
  if (!id) return null;
  return cancelRegistration({ id });
}

/** A member cancels from the association's space: scoped to their association. */
export async function cancelForAssociation(registrationId: string, associationId: string) {
  return cancelRegistration({ id: registrationId, associationId });
}

/** What the cancellation page shows before the person confirms. */
export async function getRegistrationForToken(token: string) {
  const id = verifyCancellation(token);
  if (!id) return null;
  return prisma.registration.findUnique({
    where: { id },
    select: { id: true, name: true, status: true, waitlistPosition: true, event: { select: { title: true, slug: true, startsAt: true } } },
  });
}
