// 200 registrations sent at the same instant for 50 places, as 200 signed-in members of
// associations posting the event page's registration form to the running portal over HTTP.
import { randomBytes } from "node:crypto";
import { SESSION_COOKIE_NAME } from "../app/accounts/session-cookie";
import type { Db } from "../app/db.server";

/**
 * `bases`: the portal processes, the senders spread over them in turn. The accounts and their
 * sessions are written with `prisma` (the sessions module is bound to the bench process's own
 * database; the engine comparison races on several), as a sign-in would write them.
 */
export async function raceRegistrations(prisma: Db, bases: string | string[], attempts: number, capacity: number) {
  const race = await prepareRace(prisma, bases, attempts, capacity);
  return race.run();
}

/** The event and the signed-in members, ready; `run` sends the registrations and reads the outcome. */
export async function prepareRace(prisma: Db, bases: string | string[], attempts: number, capacity: number) {
  const portals = typeof bases === "string" ? [bases] : bases;
  const { hashPassword } = await import("../app/accounts/passwords.server");
  const { addMembership, createUser } = await import("../prisma/factories/user");
  const now = new Date();
  const event = await prisma.event.create({
    data: {
      slug: `course-aux-places-${Date.now()}`,
      title: "Course aux places (benchmark)",
      description: "Événement créé par npm run bench.",
      type: "atelier_numerique",
      startsAt: new Date(now.getTime() + 7 * 86400_000),
      endsAt: new Date(now.getTime() + 7 * 86400_000 + 7200_000),
      place: "CCAS",
      capacity,
      registrationOpensAt: new Date(now.getTime() - 86400_000),
      registrationClosesAt: new Date(now.getTime() + 6 * 86400_000),
      audience: "associations",
    },
    select: { id: true, slug: true },
  });
  const associations = await prisma.association.findMany({ where: { status: "validated" }, select: { id: true }, take: attempts });
  // One account per attempt, each a member of an association (hashed once: argon2 is slow on purpose).
  const passwordHash = await hashPassword("course aux places 2026 bench");
  const senders: { cookie: string; associationId: string; i: number; base: string }[] = [];
  for (let i = 0; i < attempts; i++) {
    const user = await createUser(prisma, { email: `course-${event.slug}-${i}@bench.test`, passwordHash });
    const associationId = associations[i % associations.length].id;
    await addMembership(prisma, user.id, associationId);
    const session = await prisma.session.create({
      data: { id: randomBytes(20).toString("hex"), userId: user.id, expiresAt: new Date(Date.now() + 3600_000), ip: "127.0.0.1" },
      select: { id: true },
    });
    senders.push({ cookie: `${SESSION_COOKIE_NAME}=${session.id}`, associationId, i, base: portals[i % portals.length] });
  }

  return { run: () => sendAll(prisma, event, senders) };
}

async function sendAll(
  prisma: Db,
  event: { id: string; slug: string },
  senders: { cookie: string; associationId: string; i: number; base: string }[],
) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    senders.map(async ({ cookie, associationId, i, base }) => {
      const body = new URLSearchParams({
        intent: "association",
        associationId,
        "participants.0.name": `Participant ${i}`,
        "participants.0.email": `participant-${i}@bench.test`,
      });
      const t0 = performance.now();
      const response = await fetch(`${base}/evenements/${event.slug}`, {
        method: "POST",
        body,
        headers: { Cookie: cookie, Origin: new URL(base).origin },
        redirect: "manual",
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }),
  );
  const totalMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const rows = await prisma.registration.findMany({ where: { eventId: event.id }, select: { status: true, waitlistPosition: true } });
  const waitlisted = rows.filter((r) => r.status === "liste_attente");
  return {
    attempts: senders.length,
    confirmed: rows.filter((r) => r.status === "confirmee").length,
    waitlisted: waitlisted.length,
    distinctPositions: new Set(waitlisted.map((r) => r.waitlistPosition)).size,
    statuses: [...statuses].map(([status, count]) => `${count} × ${status}`).join(", "),
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p95: latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)],
    totalMs,
  };
}
