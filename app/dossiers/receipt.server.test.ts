// The receipt names the CCAS of the settings, in its text and its document information.
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import { buildReceiptPdf } from "./receipt.server";

const DOLE = { name: "CCAS de Dole", longName: "Centre communal d'action sociale de Dole" };

describe("the receipt PDF", () => {
  it("is issued by the CCAS of the settings, never Besançon's", async () => {
    const bytes = await buildReceiptPdf(
      {
        number: "2026-AAP-0001",
        associationName: "Les Amis du Doubs",
        callTitle: "Lien social 2026",
        projectTitle: "Repas partagés",
        requestedCents: 500_000,
        submittedAt: new Date("2026-03-02T10:00:00Z"),
        submitterName: "Zoé Martin",
        attachments: ["Statuts : statuts.pdf"],
        resubmission: false,
      },
      DOLE,
    );
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(text).toContain("Centre communal d'action sociale de Dole");
    expect(text).toContain("2026-AAP-0001");
    expect(text).not.toMatch(/Besançon/);
    const { info } = await getMeta(new Uint8Array(bytes));
    expect(info).toMatchObject({ Author: "CCAS de Dole", Title: "Accusé de réception 2026-AAP-0001" });
  });
});
