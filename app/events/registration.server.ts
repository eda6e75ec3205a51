// Registering people: by a member for their association, or by anyone for a public event.
//
// Public registrations: they wait for the e-mail address to be confirmed and hold no place
// until then (status en_attente_confirmation). The confirmation link is valid
// CONFIRMATION_TTL_MS and only while registrations are open; at confirmation the place is
// allocated like any other (confirmed or waiting list, whichever is free at that moment).
//
// Per-association limit: confirmed and waiting-list registrations of one association count
// together against Event.perAssociationLimit.
import { writeTransaction } from "~/db.server";
import { kickMailQueue } from "~/mail/mail.server";
import { queueAddressConfirmationMail, queueAllocationMail } from "~/events/notifications.server";
import {
  assertNotRegistered,
  assertOpen,
  eventNotFound,
  lockEvent,
  nextWaitlistPosition,
  placeSelect,
  registrationRefusal,
} from "~/events/places.server";
import type { AssociationRegistrationInput, PublicRegistrationInput, RegistrationStatus } from "~/events/schemas";
import { verifyConfirmation } from "~/events/signed-links.server";

export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;

export type Allocated = { id: string; name: string; email: string; status: RegistrationStatus; waitlistPosition: number | null };

/** A member registers people of their association; each gets a place or a waiting-list position. */
export async function registerForAssociation(
  input: { eventId: string; associationId: string; registeredById: string; participants: AssociationRegistrationInput["participants"] },
  { now = new Date() }: { now?: Date } = {},
): Promise<Allocated[]> {
  const emails = input.participants.map((p) => p.email);
  if (new Set(emails).size !== emails.length) throw registrationRefusal("deja_inscrit", "La même adresse e-mail apparaît deux fois.");
  const created = await writeTransaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { capacity: true, registrationOpensAt: true, registrationClosesAt: true, perAssociationLimit: true },
    });
    if (!event) throw eventNotFound();
    assertOpen(event, now);
    if (event.perAssociationLimit !== null) {
      const already = await tx.registration.count({
        where: { eventId: input.eventId, associationId: input.associationId, status: { in: ["confirmee", "liste_attente"] } },
      });
      if (already + input.participants.length > event.perAssociationLimit) {
        const left = Math.max(0, event.perAssociationLimit - already);
        throw registrationRefusal(
          "limite_association",
          `Chaque association peut inscrire ${event.perAssociationLimit} personne(s) au plus ; il en reste ${left} pour la vôtre.`,
        );
      }
    }
    await assertNotRegistered(tx, input.eventId, emails);
    let confirmed = await tx.registration.count({ where: { eventId: input.eventId, status: "confirmee" } });
    let position = await nextWaitlistPosition(tx, input.eventId);
    const out: Allocated[] = [];
    for (const p of input.participants) {
      const hasPlace = confirmed < event.capacity;
      const row = await tx.registration.create({
        data: {
          eventId: input.eventId,
          associationId: input.associationId,
          registeredById: input.registeredById,
          name: p.name,
          email: p.email,
          role: p.role ?? null,
          accessibilityNeeds: p.accessibilityNeeds ?? null,
          status: hasPlace ? "confirmee" : "liste_attente",
          waitlistPosition: hasPlace ? null : position,
          confirmedAt: hasPlace ? now : null,
        },
        select: placeSelect,
      });
      if (hasPlace) confirmed++;
      else position++;
      out.push({ ...row, status: row.status });
    }
    for (const r of out) await queueAllocationMail(tx, r.id);
    return out;
  });
  void kickMailQueue();
  return created;
}

/** Anyone, for a public event: recorded, then confirmed by the link sent to the address. */
export async function registerPublic(eventId: string, input: PublicRegistrationInput, { now = new Date() }: { now?: Date } = {}) {
  const registration = await writeTransaction(async (tx) => {
    await lockEvent(tx, eventId);
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: { title: true, startsAt: true, audience: true, registrationOpensAt: true, registrationClosesAt: true },
    });
    if (!event) throw eventNotFound();
    if (event.audience !== "public")
      throw registrationRefusal("reserve_associations", "Cet événement est réservé aux associations du réseau.");
    assertOpen(event, now);
    await assertNotRegistered(tx, eventId, [input.email]);
    const created = await tx.registration.create({
      data: {
        eventId,
        name: input.name,
        email: input.email,
        accessibilityNeeds: input.accessibilityNeeds ?? null,
        status: "en_attente_confirmation",
      },
      select: { id: true, email: true, name: true, createdAt: true },
    });
    await queueAddressConfirmationMail(tx, created, event, now.getTime() + CONFIRMATION_TTL_MS);
    return created;
  });
  void kickMailQueue();
  return registration;
}

export async function confirmPublicRegistration(token: string, { now = new Date() }: { now?: Date } = {}): Promise<Allocated | null> {
  const claim = verifyConfirmation(token, now);
  if (!claim) return null;
  const result = await writeTransaction(async (tx) => {
    const current = await tx.registration.findUnique({ where: { id: claim }, select: { eventId: true } });
    if (!current) return null;
    await lockEvent(tx, current.eventId);
    const reg = await tx.registration.findUniqueOrThrow({
      where: { id: claim },
      select: {
        ...placeSelect,
        event: { select: { capacity: true, registrationOpensAt: true, registrationClosesAt: true } },
      },
    });
    if (reg.status !== "en_attente_confirmation") return { ...reg, status: reg.status, fresh: false };
    assertOpen(reg.event, now);
    await assertNotRegistered(tx, current.eventId, [reg.email], reg.id);
    const confirmed = await tx.registration.count({ where: { eventId: current.eventId, status: "confirmee" } });
    const hasPlace = confirmed < reg.event.capacity;
    const updated = await tx.registration.update({
      where: { id: reg.id },
      data: hasPlace
        ? { status: "confirmee", confirmedAt: now }
        : { status: "liste_attente", waitlistPosition: await nextWaitlistPosition(tx, current.eventId) },
      select: placeSelect,
    });
    await queueAllocationMail(tx, updated.id);
    return { ...updated, status: updated.status, fresh: true };
  });
  if (!result) return null;
  if (result.fresh) void kickMailQueue();
  const { fresh: _fresh, ...allocated } = result;
  return allocated;
}
