// Names inside the ZIP: the pattern's placeholders, safe names, unique names, the request schema.
import { describe, expect, it } from "vitest";
import { applyPattern, archiveRequestSchema, MAX_ARCHIVE_DOSSIERS, safeFileName, uniqueName } from "./archive-names";

const values = {
  numero: "AAP-2027-0001",
  association: "Les Amis / du Doubs",
  projet: "Repas: partagés?",
  etat: "Accepté",
  appel: "Lien social",
};

describe("archive names", () => {
  it("fills the pattern and makes the result a safe folder name", () => {
    expect(applyPattern("{numero}-{association}", values)).toBe("AAP-2027-0001-Les Amis - du Doubs");
    expect(applyPattern("{etat} {projet}", values)).toBe("Accepté Repas- partagés-");
  });

  it("removes paths, control characters, leading dots, Windows device names; bounds the length", () => {
    expect(safeFileName("../../etc/passwd")).toBe("etc-passwd");
    expect(safeFileName("a\u0000b\u001fc.pdf")).toBe("abc.pdf");
    expect(safeFileName("CON.pdf")).toBe("_CON.pdf");
    expect(safeFileName("   ")).toBe("sans-nom");
    const long = safeFileName(`${"x".repeat(300)}.pdf`);
    expect(long.length).toBe(100);
    expect(long.endsWith(".pdf")).toBe(true);
  });

  it("suffixes duplicates, without regard to case", () => {
    const used = new Set<string>();
    expect(uniqueName(used, "statuts.pdf")).toBe("statuts.pdf");
    expect(uniqueName(used, "Statuts.pdf")).toBe("Statuts (2).pdf");
    expect(uniqueName(used, "statuts.pdf")).toBe("statuts (3).pdf");
    expect(uniqueName(used, "dossier")).toBe("dossier");
    expect(uniqueName(used, "dossier")).toBe("dossier (2)");
  });

  it("accepts the known placeholders only, one id or many, at most the bound", () => {
    expect(archiveRequestSchema.parse({ dossierId: "a" })).toEqual({ dossierId: ["a"], pattern: "{numero}-{association}" });
    const unknown = archiveRequestSchema.safeParse({ dossierId: ["a"], pattern: "{numero}-{iban}" });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0].message).toMatch(/« \{iban\} », qui n'est pas un repère connu/);
    expect(archiveRequestSchema.safeParse({ dossierId: [] }).error?.issues[0].message).toMatch(/au moins un dossier/);
    const tooMany = archiveRequestSchema.safeParse({ dossierId: Array.from({ length: MAX_ARCHIVE_DOSSIERS + 1 }, (_, i) => `d${i}`) });
    expect(tooMany.error?.issues[0].message).toMatch(/au plus 200 dossiers/);
  });
});
