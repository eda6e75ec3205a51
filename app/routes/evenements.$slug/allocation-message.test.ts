import { describe, expect, it } from "vitest";
import { allocationMessage } from "./allocation-message";

describe("allocationMessage", () => {
  it("counts the places given and lists the waiting-list positions", () => {
    expect(
      allocationMessage([
        { status: "confirmee", waitlistPosition: null },
        { status: "liste_attente", waitlistPosition: 4 },
        { status: "liste_attente", waitlistPosition: 5 },
      ]),
    ).toBe("1 inscription confirmée, 2 en liste d'attente (positions 4, 5). Chaque participant·e reçoit un courriel.");
    expect(allocationMessage([{ status: "liste_attente", waitlistPosition: 1 }])).toBe(
      "1 en liste d'attente (position 1). Chaque participant·e reçoit un courriel.",
    );
  });
});
