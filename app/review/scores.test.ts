// The scoring grid, computed: weighted scores and their average.
import { describe, expect, it } from "vitest";
import { scoreSummary, weightedScore } from "./scores";

describe("weighted scores", () => {
  const criteria = [
    { id: "a", weight: 50 },
    { id: "b", weight: 30 },
    { id: "c", weight: 20 },
  ];

  it("weighs each criterion by its percentage, out of 10", () => {
    expect(
      weightedScore(criteria, [
        { criterionId: "a", value: 8 },
        { criterionId: "b", value: 6 },
        { criterionId: "c", value: 10 },
      ]),
    ).toBeCloseTo(0.5 * 8 + 0.3 * 6 + 0.2 * 10); // 7.8
  });

  it("gives null for an incomplete grid and for a call without criteria", () => {
    expect(weightedScore(criteria, [{ criterionId: "a", value: 8 }])).toBeNull();
    expect(weightedScore([], [])).toBeNull();
  });

  it("averages complete grids and leaves out conflicted reviewers and incomplete grids", () => {
    const full = (reviewerId: string, a: number, b: number, c: number) => [
      { reviewerId, criterionId: "a", value: a },
      { reviewerId, criterionId: "b", value: b },
      { reviewerId, criterionId: "c", value: c },
    ];
    const scores = [
      ...full("r1", 10, 10, 10),
      ...full("r2", 4, 4, 9),
      ...full("r3", 0, 0, 0),
      { reviewerId: "r4", criterionId: "a", value: 2 },
    ];
    const summary = scoreSummary(criteria, scores, ["r1", "r2", "r3", "r4", "r5"], ["r3"]);
    expect(summary.reviewers.find((r) => r.reviewerId === "r1")?.score).toBe(10);
    expect(summary.reviewers.find((r) => r.reviewerId === "r2")?.score).toBeCloseTo(5);
    expect(summary.reviewers.find((r) => r.reviewerId === "r3")).toMatchObject({ conflicted: true, score: null });
    expect(summary.reviewers.find((r) => r.reviewerId === "r4")?.score).toBeNull();
    expect(summary.complete).toBe(2);
    expect(summary.average).toBeCloseTo(7.5);
    expect(scoreSummary(criteria, [], ["r1"]).average).toBeNull();
  });
});
