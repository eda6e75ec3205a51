// What a member reads after registering people: how many have a place, who waits and where.
import type { Allocated } from "~/events/registration.server";

export function allocationMessage(created: Pick<Allocated, "status" | "waitlistPosition">[]): string {
  const confirmed = created.filter((c) => c.status === "confirmee").length;
  const waiting = created.filter((c) => c.status === "liste_attente");
  const parts = [];
  if (confirmed) parts.push(confirmed === 1 ? "1 inscription confirmée" : `${confirmed} inscriptions confirmées`);
  if (waiting.length)
    parts.push(
      `${waiting.length} en liste d'attente (position${waiting.length > 1 ? "s" : ""} ${waiting.map((w) => w.waitlistPosition).join(", ")})`,
    );
  return `${parts.join(", ")}. Chaque participant·e reçoit un courriel.`;
}
