// Places: the write lock, the waiting list and its order, the checks every registration passes.
//
// Capacity rule: every registration that takes a place is decided inside one write
// transaction that starts by writing (so SQLite hands it the write lock before it reads),
// counts the confirmed registrations, then inserts "confirmee" or "liste_attente" with the
// next waiting-list position. Writers are serialised, so the count cannot be stale.
import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/db.server";
import { DomainError, notFoundError } from "~/lib/domain-error";
import { registrationWindow } from "~/events/reading.server";

/** What a registration's place is: confirmed, or waiting at a position. */
export const placeSelect = {
  id: true,
  name: true,
  email: true,
  status: true,
  waitlistPosition: true,
} as const satisfies Prisma.RegistrationSelect;

/**
 * The first statement of every place-deciding transaction is a write: SQLite then gives
 * this transaction the write lock before anything is read, so two transactions can never
 * both count the same free place.
 */
export async function lockEvent(tx: Tx, eventId: string) {
  await tx.$executeRaw`UPDATE "Event" SET "capacity" = "capacity" WHERE "id" = ${eventId}`;
}

export async function nextWaitlistPosition(tx: Tx, eventId: string) {
  const agg = await tx.registration.aggregate({ where: { eventId, status: "liste_attente" }, _max: { waitlistPosition: true } });
  return (agg._max.waitlistPosition ?? 0) + 1;
}

/** Gives a place to up to `free` people from the top of the waiting list; returns their ids. */
export async function promoteFromWaitingList(tx: Tx, eventId: string, free: number): Promise<string[]> {
  if (free <= 0) return [];
  const waiting = await tx.registration.findMany({
    where: { eventId, status: "liste_attente" },
    orderBy: [{ waitlistPosition: "asc" }, { createdAt: "asc" }],
    take: free,
    select: { id: true },
  });
  if (waiting.length === 0) return [];
  const now = new Date();
  for (const w of waiting) {
    await tx.registration.update({ where: { id: w.id }, data: { status: "confirmee", waitlistPosition: null, confirmedAt: now } });
  }
  await renumberWaitingList(tx, eventId);
  return waiting.map((w) => w.id);
}

/** Positions stay 1..n in order after someone leaves the list or is promoted. */
export async function renumberWaitingList(tx: Tx, eventId: string) {
  const rest = await tx.registration.findMany({
    where: { eventId, status: "liste_attente" },
    orderBy: [{ waitlistPosition: "asc" }, { createdAt: "asc" }],
    select: { id: true, waitlistPosition: true },
  });
  for (const [i, r] of rest.entries()) {
    if (r.waitlistPosition !== i + 1) await tx.registration.update({ where: { id: r.id }, data: { waitlistPosition: i + 1 } });
  }
}

export type RegistrationRefusalCode = "pas_encore_ouvertes" | "closes" | "limite_association" | "deja_inscrit" | "reserve_associations";

/** Too early or too late is a conflict with the event's state; an associations-only event is not the public's. */
const REFUSAL_STATUS: Record<RegistrationRefusalCode, number> = {
  pas_encore_ouvertes: 409,
  closes: 409,
  limite_association: 400,
  deja_inscrit: 400,
  reserve_associations: 403,
};

export function registrationRefusal(code: RegistrationRefusalCode, message: string) {
  return new DomainError(message, { code, status: REFUSAL_STATUS[code] });
}

export const eventNotFound = () => notFoundError("Cet événement n'existe pas.");

export function assertOpen(event: { registrationOpensAt: Date; registrationClosesAt: Date }, now: Date) {
  const window = registrationWindow(event, now);
  if (window === "pas_encore_ouvertes") throw registrationRefusal("pas_encore_ouvertes", "Les inscriptions ne sont pas encore ouvertes.");
  if (window === "closes") throw registrationRefusal("closes", "Les inscriptions à cet événement sont closes.");
}

export async function assertNotRegistered(tx: Tx, eventId: string, emails: string[], exceptId?: string) {
  const dup = await tx.registration.findFirst({
    where: {
      eventId,
      email: { in: emails },
      status: { in: ["confirmee", "liste_attente"] },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { email: true },
  });
  if (dup) throw registrationRefusal("deja_inscrit", `${dup.email} est déjà inscrit·e à cet événement.`);
}
