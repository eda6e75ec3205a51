// The label palette: every text/background pair passes WCAG AA for normal text.
import { describe, expect, it } from "vitest";
import { contrastRatio, LABEL_COLOR_NAMES, LABEL_COLORS, labelColors } from "./labels";

describe("label palette", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // The WCAG example: #767676 on white is just above 4.5:1.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThan(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it.each(LABEL_COLOR_NAMES)("%s passes AA contrast (4.5:1)", (name) => {
    const { text, background } = LABEL_COLORS[name];
    expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(4.5);
  });

  it("has distinct names and falls back to grey for an unknown colour", () => {
    expect(new Set(LABEL_COLOR_NAMES.map((n) => LABEL_COLORS[n].label)).size).toBe(LABEL_COLOR_NAMES.length);
    expect(labelColors("fuchsia")).toBe(LABEL_COLORS.gris);
  });
});
