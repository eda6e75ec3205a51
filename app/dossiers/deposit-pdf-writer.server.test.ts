// Text for the standard PDF fonts: French spaces and quotes made plain, the rest of Windows-1252 kept,
// anything else one « ? » per character.
import { describe, expect, it } from "vitest";
import { pdfText } from "./deposit-pdf-writer.server";

describe("pdfText", () => {
  it("keeps French text, turns narrow spaces and curly quotes plain, and marks what the fonts cannot print", () => {
    expect(pdfText("Zoé · 1\u202f000\u00a0€ – l’œuvre « Ÿ »")).toBe("Zoé · 1 000 € – l'œuvre « Ÿ »");
    expect(pdfText("Łódź 😀")).toBe("?ód? ?");
  });
});
