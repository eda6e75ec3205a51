// Taxonomy fields in forms: the active terms pass, a retired one and an unknown one are refused,
// each with its French message beside the field, in the browser's schema and the action's alike.
import { describe, expect, it } from "vitest";
import { associationProfileSchema, signUpSchema } from "../associations/schemas";
import { issuesToFieldErrors } from "../lib/forms.server";
import { choiceOptions, formChoices, validationChoices, type TaxonomyChoices } from "./taxonomy-choices";
import type { TaxonomyKind, TaxonomyTermView } from "./taxonomy";

const term = (kind: TaxonomyKind, slug: string, label: string, retired = false): TaxonomyTermView => ({
  kind,
  slug,
  label,
  description: "",
  position: 0,
  retired,
  rnaCodes: [],
  diThematiques: [],
  diPublics: [],
});

const terms: Record<TaxonomyKind, TaxonomyTermView[]> = {
  field: [term("field", "aide-alimentaire", "Aide alimentaire"), term("field", "mobilite", "Mobilité", true)],
  public: [term("public", "familles", "Familles"), term("public", "femmes", "Femmes", true)],
  district: [
    term("district", "planoise", "Planoise"),
    term("district", "velotte", "Velotte", true),
    term("district", "chaprais-cras", "Chaprais – Cras", true),
  ],
};
const taxonomy = { all: (kind: TaxonomyKind) => terms[kind] };

const profile = {
  name: "Les Jardins de Planoise",
  socialObject: "Jardins partagés.",
  address: "12 rue de Dole",
  postcode: "25000",
  city: "Besançon",
  district: "planoise",
  fields: ["aide-alimentaire"],
  publics: "familles",
};

const errorsOf = (choices: TaxonomyChoices, input: Record<string, unknown>) => {
  const result = associationProfileSchema(choices).safeParse(input);
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
};

describe("taxonomy choices", () => {
  it("offers the active terms, and the retired ones only the record holds, said to be no longer offered", () => {
    const choices = formChoices(taxonomy, { district: ["velotte"] });
    expect(choices.district).toEqual([
      { slug: "planoise", label: "Planoise" },
      { slug: "velotte", label: "Velotte", retired: true },
    ]);
    expect(choices.field).toEqual([{ slug: "aide-alimentaire", label: "Aide alimentaire" }]);
    expect(choiceOptions(choices.district).map((o) => o.label)).toEqual(["Planoise", "Velotte (n'est plus proposé)"]);
  });
});

describe("the profile form's taxonomy fields", () => {
  const server = validationChoices(taxonomy);

  it("accept active terms (a single ticked box arrives as a string)", () => {
    const result = associationProfileSchema(server).safeParse(profile);
    expect(result.success).toBe(true);
    expect(result.data?.publics).toEqual(["familles"]);
  });

  it("refuse a retired district with its French message, in the action's schema and the browser's", () => {
    expect(errorsOf(server, { ...profile, district: "velotte" })).toEqual({
      district: "Ce quartier n'est plus proposé : choisissez-en un autre.",
    });
    // The browser knows the retired value the association holds, and says the same.
    const browser = formChoices(taxonomy, { district: ["velotte"] });
    expect(errorsOf(browser, { ...profile, district: "velotte" }).district).toBe(
      "Ce quartier n'est plus proposé : choisissez-en un autre.",
    );
    const signUp = signUpSchema(server).safeParse({ ...profile, district: "chaprais-cras" });
    expect(issuesToFieldErrors(signUp.error!.issues).district).toBe("Ce quartier n'est plus proposé : choisissez-en un autre.");
  });

  it("refuse an unknown or malformed district, and a missing one, as not in the list", () => {
    for (const district of ["atlantide", "Planoise", 'planoise"]', "", undefined]) {
      expect(errorsOf(server, { ...profile, district }).district, String(district)).toBe(
        "Quartier : choisissez un quartier dans la liste.",
      );
    }
  });

  it("refuse a retired field or public by its label, an unknown one, and none at all, on the field itself", () => {
    expect(errorsOf(server, { ...profile, fields: ["aide-alimentaire", "mobilite"] })).toEqual({
      fields: "Champs d'intervention : « Mobilité » n'est plus proposé, décochez-le.",
    });
    expect(errorsOf(server, { ...profile, publics: ["femmes"] })).toEqual({
      publics: "Publics accueillis : « Femmes » n'est plus proposé, décochez-le.",
    });
    expect(errorsOf(server, { ...profile, fields: ["aide-alimentaire", "inventé"] })).toEqual({
      fields: "Champs d'intervention : valeur inconnue.",
    });
    expect(errorsOf(server, { ...profile, fields: undefined })).toEqual({
      fields: "Champs d'intervention : choisissez au moins une option.",
    });
  });
});
