// The synonym form's rules, as the browser and the action apply them.
import { describe, expect, it } from "vitest";
import { parseWith } from "~/lib/forms.server";
import { splitTerms, synonymGroupSchema } from "./synonym-schemas";

const parse = (terms: string) => parseWith(synonymGroupSchema, { intent: "add", terms });

describe("the synonym form", () => {
  it("splits on commas, trims, lower-cases and drops repeats and empty terms", () => {
    expect(splitTerms(" Dette,  SURENDETTEMENT ,, dette, endettement ,")).toEqual(["dette", "surendettement", "endettement"]);
    expect(parse("Aide  alimentaire, Épicerie solidaire, l’épicerie")).toEqual({
      ok: true,
      data: { terms: ["aide alimentaire", "épicerie solidaire", "l'épicerie"] },
    });
  });

  it("needs two terms at least, twenty at most, with a French message on the field and what was typed kept", () => {
    const single = parse("panier");
    expect(single).toMatchObject({ ok: false, values: { terms: "panier" } });
    expect(!single.ok && single.errors.terms).toContain("au moins deux termes");
    // The same term twice is one term.
    expect(parse("panier, Panier ").ok).toBe(false);
    expect(!parse("").ok && (parse("") as { errors: Record<string, string> }).errors.terms).toContain("au moins deux termes");
    const many = Array.from({ length: 21 }, (_, n) => `terme ${n}`).join(", ");
    const tooMany = parse(many);
    expect(!tooMany.ok && tooMany.errors.terms).toContain("20 termes au plus (vous en avez indiqué 21)");
    expect(parse(Array.from({ length: 20 }, (_, n) => `terme ${n}`).join(", ")).ok).toBe(true);
  });

  it("takes letters, digits, spaces, hyphens and apostrophes, 60 characters at most per term", () => {
    expect(parse("vélo-école, 2 roues, aujourd'hui").ok).toBe(true);
    const symbols = parse("colis, panier; cabas");
    expect(!symbols.ok && symbols.errors.terms).toBe(
      "« panier; cabas » : un terme ne contient que des lettres, des chiffres, des espaces, des tirets et des apostrophes.",
    );
    expect(parse(`colis, <script>`).ok).toBe(false);
    expect(parse(`colis, ${"a".repeat(60)}`).ok).toBe(true);
    const long = parse(`colis, ${"a".repeat(61)}`);
    expect(!long.ok && long.errors.terms).toContain("60 caractères au plus par terme");
  });
});
