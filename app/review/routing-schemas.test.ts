// The routing forms' schema: optional rules, bounds in order, members among the candidates,
// a retired term refused with its own message.
import { describe, expect, it } from "vitest";
import { reviewGroupSchema } from "./routing-schemas";

const choices = {
  field: [
    { slug: "aide-alimentaire", label: "Aide alimentaire" },
    { slug: "ancien-champ", label: "Ancien champ", retired: true },
  ],
  district: [{ slug: "planoise", label: "Planoise" }],
};
const schema = reviewGroupSchema(choices, ["u1", "u2"]);
const base = { name: "Gros montants", memberIds: "u1", fieldSlug: "", districtSlug: "", minAmount: "", maxAmount: "" };
const errors = (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("reviewGroupSchema", () => {
  it("takes a group without rules, a single member as a list, and amounts typed the French way", () => {
    expect(schema.parse(base)).toEqual({ name: "Gros montants", memberIds: ["u1"] });
    expect(
      schema.parse({ ...base, fieldSlug: "aide-alimentaire", districtSlug: "planoise", minAmount: "10 000", maxAmount: "25 000,50" }),
    ).toMatchObject({
      fieldSlug: "aide-alimentaire",
      districtSlug: "planoise",
      minAmount: 10_000_00,
      maxAmount: 25_000_50,
    });
  });

  it("refuses bounds the wrong way round, a member who is not offered, no member, a retired or unknown term", () => {
    expect(errors({ ...base, minAmount: "5000", maxAmount: "100" })).toEqual({
      maxAmount: "Montant maximum : il doit être au moins égal au montant minimum.",
    });
    expect(errors({ ...base, memberIds: ["u1", "intrus"] })).toHaveProperty("memberIds");
    expect(errors({ ...base, memberIds: undefined })).toEqual({ memberIds: "Membres : choisissez au moins une personne." });
    expect(errors({ ...base, fieldSlug: "ancien-champ" })).toEqual({
      fieldSlug: "Ce champ d'intervention n'est plus proposé : choisissez-en un autre.",
    });
    expect(errors({ ...base, districtSlug: "nulle-part" })).toEqual({ districtSlug: "Quartier : choisissez-en un dans la liste." });
    expect(errors({ ...base, name: "=SOMME(A1)" })).toHaveProperty("name");
  });
});
