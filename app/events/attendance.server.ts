// Staff's view of who comes: the lists, check-in at the door, attendance figures.
import { prisma } from "~/db.server";
import { slugify } from "~/lib/slug";

export const attendeeSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  accessibilityNeeds: true,
  status: true,
  waitlistPosition: true,
  createdAt: true,
  checkedInAt: true,
  association: { select: { id: true, name: true } },
} as const;

export async function listAttendees(eventId: string) {
  const rows = await prisma.registration.findMany({
    where: { eventId, status: { in: ["confirmee", "liste_attente", "en_attente_confirmation"] } },
    orderBy: [{ waitlistPosition: "asc" }, { name: "asc" }],
    select: attendeeSelect,
  });
  return {
    confirmed: rows.filter((r) => r.status === "confirmee").sort((a, b) => a.name.localeCompare(b.name, "fr")),
    waiting: rows.filter((r) => r.status === "liste_attente").sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)),
    unconfirmed: rows.filter((r) => r.status === "en_attente_confirmation"),
  };
}

/** Confirmed people whose name (or association) contains the query, for the door. */
export async function searchForCheckIn(eventId: string, q: string) {
  const rows = await prisma.registration.findMany({ where: { eventId, status: "confirmee" }, select: attendeeSelect });
  const norm = (s: string) => slugify(s).replace(/-/g, " ");
  const needle = norm(q);
  return rows
    .filter((r) => !needle || norm(r.name).includes(needle) || norm(r.association?.name ?? "").includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

export async function setCheckIn(eventId: string, registrationId: string, present: boolean) {
  const updated = await prisma.registration.updateMany({
    where: { id: registrationId, eventId, status: "confirmee" },
    data: { checkedInAt: present ? new Date() : null },
  });
  return updated.count === 1;
}

export async function attendanceFigures(eventId: string) {
  const [confirmed, present, waiting, cancelled, associations] = await Promise.all([
    prisma.registration.count({ where: { eventId, status: "confirmee" } }),
    prisma.registration.count({ where: { eventId, status: "confirmee", checkedInAt: { not: null } } }),
    prisma.registration.count({ where: { eventId, status: "liste_attente" } }),
    prisma.registration.count({ where: { eventId, status: "annulee" } }),
    prisma.registration.groupBy({
      by: ["associationId"],
      where: { eventId, status: "confirmee", checkedInAt: { not: null }, associationId: { not: null } },
    }),
  ]);
  return {
    confirmed,
    present,
    absent: confirmed - present,
    waiting,
    cancelled,
    associationsPresent: associations.length,
    rate: confirmed ? Math.round((present / confirmed) * 100) : 0,
  };
}
