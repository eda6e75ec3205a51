// 200 registrations at the same instant for 50 places, through the events module's
// registration function (the same code the registration action calls), in this process.
import type { Db } from "../app/db.server";

export async function raceRegistrations(prisma: Db, attempts: number, capacity: number) {
  const { registerForAssociation } = await import("../app/event.server");
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
    select: { id: true },
  });
  const associations = await prisma.association.findMany({ where: { status: "validated" }, select: { id: true }, take: attempts });
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: attempts }, async (_, i) => {
      const t0 = performance.now();
      await registerForAssociation({
        eventId: event.id,
        associationId: associations[i % associations.length].id,
        registeredById: "bench",
        participants: [{ name: `Participant ${i}`, email: `participant-${i}@bench.test`, role: undefined, accessibilityNeeds: undefined }],
      });
      latencies.push(performance.now() - t0);
    }),
  );
  const totalMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const rows = await prisma.registration.findMany({ where: { eventId: event.id }, select: { status: true, waitlistPosition: true } });
  const waitlisted = rows.filter((r) => r.status === "liste_attente");
  return {
    confirmed: rows.filter((r) => r.status === "confirmee").length,
    waitlisted: waitlisted.length,
    distinctPositions: new Set(waitlisted.map((r) => r.waitlistPosition)).size,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p95: latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)],
    totalMs,
  };
}
