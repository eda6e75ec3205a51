// Reading events: the public fields, the places taken and left, the registration window.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/db.server";

export const eventPublicSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  type: true,
  startsAt: true,
  endsAt: true,
  place: true,
  onlineUrl: true,
  capacity: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  audience: true,
  perAssociationLimit: true,
  updatedAt: true,
} as const satisfies Prisma.EventSelect;

export type PublicEvent = Omit<Prisma.EventGetPayload<{ select: typeof eventPublicSelect }>, "updatedAt">;

export type RegistrationWindow = "pas_encore_ouvertes" | "ouvertes" | "closes";

export function registrationWindow(
  event: Pick<PublicEvent, "registrationOpensAt" | "registrationClosesAt">,
  now = new Date(),
): RegistrationWindow {
  if (now < event.registrationOpensAt) return "pas_encore_ouvertes";
  if (now >= event.registrationClosesAt) return "closes";
  return "ouvertes";
}

async function confirmedCounts(eventIds: string[]) {
  const rows = await prisma.registration.groupBy({
    by: ["eventId", "status"],
    where: { eventId: { in: eventIds }, status: { in: ["confirmee", "liste_attente"] } },
    _count: { _all: true },
  });
  const out: Record<string, { confirmed: number; waiting: number }> = {};
  for (const id of eventIds) out[id] = { confirmed: 0, waiting: 0 };
  for (const r of rows) {
    if (r.status === "confirmee") out[r.eventId].confirmed = r._count._all;
    else out[r.eventId].waiting = r._count._all;
  }
  return out;
}

function withPlaces<E extends { id: string; capacity: number }>(
  events: E[],
  counts: Record<string, { confirmed: number; waiting: number }>,
) {
  return events.map((e) => ({
    ...e,
    confirmed: counts[e.id].confirmed,
    waiting: counts[e.id].waiting,
    placesLeft: Math.max(0, e.capacity - counts[e.id].confirmed),
  }));
}

/** Upcoming events (not yet ended), soonest first; past ones for the archive. */
export async function listEvents({ past = false, now = new Date() }: { past?: boolean; now?: Date } = {}) {
  const events = await prisma.event.findMany({
    where: past ? { endsAt: { lt: now } } : { endsAt: { gte: now } },
    orderBy: { startsAt: past ? "desc" : "asc" },
    select: eventPublicSelect,
    take: 200,
  });
  return withPlaces(events, await confirmedCounts(events.map((e) => e.id)));
}

export async function getEventBySlug(slug: string) {
  const event = await prisma.event.findUnique({ where: { slug }, select: eventPublicSelect });
  if (!event) return null;
  return withPlaces([event], await confirmedCounts([event.id]))[0];
}

export async function getEventById(id: string) {
  const event = await prisma.event.findUnique({ where: { id }, select: eventPublicSelect });
  if (!event) return null;
  return withPlaces([event], await confirmedCounts([event.id]))[0];
}
