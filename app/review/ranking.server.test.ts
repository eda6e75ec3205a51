// The ranking against the envelope.
import { describe, expect, it } from "vitest";
import { rankAgainstEnvelope } from "./ranking.server";

describe("ranking against the envelope", () => {
  it("sorts by average, cumulates proposed (else requested) amounts and flags what exceeds the envelope", () => {
    const rows = [
      { id: "low", state: "en_instruction", average: 4, requestedCents: 300_000, proposedCents: null },
      { id: "top", state: "accepte", average: 9, requestedCents: 500_000, proposedCents: 400_000 },
      { id: "mid", state: "en_instruction", average: 7, requestedCents: 350_000, proposedCents: null },
      { id: "none", state: "en_construction", average: null, requestedCents: 100_000, proposedCents: null },
      { id: "refused", state: "refuse", average: 9.5, requestedCents: 900_000, proposedCents: null },
    ];
    const result = rankAgainstEnvelope(rows, 800_000);
    expect(result.rows.map((r) => r.id)).toEqual(["top", "mid", "low", "none", "refused"]);
    expect(result.rows.map((r) => r.cumulativeCents)).toEqual([400_000, 750_000, 1_050_000, 1_150_000, null]);
    expect(result.rows.map((r) => r.exceedsEnvelope)).toEqual([false, false, true, true, false]);
    expect(result.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, null]);
    expect(result.totalCents).toBe(1_150_000);
    expect(result.exceeded).toBe(true);
    expect(rankAgainstEnvelope(rows.slice(0, 3), 1_050_000).exceeded).toBe(false);
  });
});
