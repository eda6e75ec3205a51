import { describe, expect, it } from "vitest";
import {
  euroAmountSchema,
  isValidRna,
  isValidSiret,
  luhnValid,
  nameText,
  parseEurosToCents,
  postcodeSchema,
  siretSchema,
  rnaSchema,
  phoneSchema,
} from "./validation";

describe("SIRET", () => {
  it("accepts SIRETs whose Luhn key is right", () => {
    expect(isValidSiret("73282932000074")).toBe(true); // a well-known valid example
    expect(luhnValid("73282932000074")).toBe(true);
  });
  it("refuses a wrong key, a wrong length and letters", () => {
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("7328293200007A")).toBe(false);
  });
  it("accepts La Poste's establishments, whose digits sum to a multiple of 5", () => {
    expect(isValidSiret("35600000049837")).toBe(true); // digit sum 45
    expect(luhnValid("35600000049837")).toBe(false); // which Luhn alone would refuse
  });
  it("refuses La Poste SIRETs whose digit sum is not a multiple of 5", () => {
    expect(isValidSiret("35600000000049")).toBe(false); // digit sum 27
  });
  it("strips spaces and explains the error in French", () => {
    expect(siretSchema.parse("732 829 320 00074")).toBe("73282932000074");
    const result = siretSchema.safeParse("73282932000075");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/clé de contrôle/);
  });
});

describe("RNA", () => {
  it("accepts W followed by 9 digits or capitals", () => {
    expect(isValidRna("W251002867")).toBe(true);
    expect(isValidRna("W9T1002867")).toBe(true);
    expect(rnaSchema.parse("w9t1 002 867")).toBe("W9T1002867");
  });
  it("refuses other shapes", () => {
    expect(isValidRna("251002867")).toBe(false);
    expect(isValidRna("W25100286")).toBe(false);
    expect(isValidRna("W2510028671")).toBe(false);
    expect(isValidRna("W25100286é")).toBe(false);
  });
});

describe("postcode and phone", () => {
  it("wants five digits", () => {
    expect(postcodeSchema.safeParse("25000").success).toBe(true);
    expect(postcodeSchema.safeParse("2500").success).toBe(false);
    expect(postcodeSchema.safeParse("25OOO").success).toBe(false);
  });
  it("takes French numbers written the usual ways", () => {
    expect(phoneSchema.parse("03 81 41 21 21")).toBe("0381412121");
    expect(phoneSchema.parse("+33381412121")).toBe("+33381412121");
    expect(phoneSchema.safeParse("12345").success).toBe(false);
  });
});

describe("amounts in euros", () => {
  it("parses what French users type into cents", () => {
    expect(parseEurosToCents("1 234,56")).toBe(123456);
    expect(parseEurosToCents("1234.5")).toBe(123450);
    expect(parseEurosToCents("23 000 €")).toBe(2300000);
    expect(parseEurosToCents("0")).toBe(0);
  });
  it("refuses what is not an amount", () => {
    expect(parseEurosToCents("12,345")).toBeNull();
    expect(parseEurosToCents("-5")).toBeNull();
    expect(parseEurosToCents("abc")).toBeNull();
    expect(parseEurosToCents("")).toBeNull();
  });
  it("refuses an amount above 20 million euros, which the database's amount columns could not hold", () => {
    const schema = euroAmountSchema("Montant");
    expect(schema.parse("20 000 000")).toBe(20_000_000_00);
    const refused = schema.safeParse("21 474 836,48");
    expect(refused.error?.issues[0].message).toBe("Montant : le montant dépasse 20 millions d'euros.");
  });
});

describe("names and titles", () => {
  const schema = nameText("Nom de l'association", 150);
  it("refuses a leading formula character, also after blanks (the value is stored trimmed)", () => {
    for (const value of ['=HYPERLINK("https://x.test")', "+33+1", "-1+2", "@SUM(A1)", "  =1+1", "\t=1+1", "\r@x", "＝1+1"]) {
      const result = schema.safeParse(value);
      expect(result.success, JSON.stringify(value)).toBe(false);
      expect(result.error?.issues[0].message).toBe("Nom de l'association : ne peut pas commencer par =, +, -, @ ni par une tabulation.");
    }
  });
  it("accepts real names, with those characters inside", () => {
    for (const value of ["Jean-Pierre Martin", "Les Amis du 25 – Besançon", "L'@telier", "Aide + Partage", "Épicerie solidaire"]) {
      expect(schema.parse(value)).toBe(value);
    }
  });
});
