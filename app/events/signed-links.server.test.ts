// Signed links: a forged, altered or borrowed token cancels nothing.
import { describe, expect, it } from "vitest";
import { createEvent } from "../../prisma/factories/event";
import { DAY, memberOfNewAssociation, person } from "./test-support";

const { prisma } = await import("../db.server");
const events = {
  ...(await import("./signed-links.server")),
  ...(await import("./registration.server")),
  ...(await import("./cancelling.server")),
};

describe("signed links", () => {
  it("refuses forged, altered or borrowed cancellation tokens", async () => {
    const event = await createEvent(prisma, { capacity: 5 });
    const a = await memberOfNewAssociation(prisma);
    const [r1, r2] = await events.registerForAssociation({
      eventId: event.id,
      associationId: a.associationId,
      registeredById: a.userId,
      participants: [person(), person()],
    });
    const good = events.signCancellation(r1.id);
    const [, sig] = good.split(".");
    const forged = [
      `${r1.id}.${"A".repeat(sig.length)}`, // made-up signature
      `${r2.id}.${sig}`, // r1's signature on r2
      `${r1.id}.${sig.slice(0, -2)}xx`,
      r1.id,
      `${good}.extra`,
      events.signConfirmation(r1.id, Date.now() + DAY), // a confirmation link is not a cancellation link
    ];
    for (const token of forged) {
      expect(events.verifyCancellation(token)).toBeNull();
      expect(await events.cancelByToken(token)).toBeNull();
    }
    const rows = await prisma.registration.findMany({ where: { eventId: event.id } });
    expect(rows.every((r) => r.status === "confirmee")).toBe(true);
    expect(events.verifyCancellation(good)).toBe(r1.id);
  });
});
