// Every form that takes a name or a title refuses one that starts like a spreadsheet formula,
// with the field's French message beside the field.
import { describe, expect, it } from "vitest";
import { associationProfileSchema, signUpSchema } from "../associations/schemas";
import { acceptInvitationSchema, createStaffSchema } from "../accounts/schemas";
import { callSchema } from "../calls/schemas";
import { charterSignSchema } from "../charter/schemas";
import { stepSchema } from "../dossiers/schemas";
import { associationRegistrationSchema, eventSchema, publicRegistrationSchema } from "../events/schemas";
import { grantSchema } from "../subsidies/schemas";
import { axisSchema, flagshipSchema, socialProjectSchema } from "../steering/social-project-schemas";
import type { TaxonomyChoices } from "../settings/taxonomy-choices";
import { addTermSchema, identitySchema, termSchemas } from "../settings/schemas";
import type * as z from "zod";

const choices: TaxonomyChoices = {
  field: [{ slug: "aide-alimentaire", label: "Aide alimentaire" }],
  public: [{ slug: "familles", label: "Familles" }],
  district: [{ slug: "toute-la-ville", label: "Tout le territoire" }],
};

const HOSTILE = ["=1+1", "+1", "-2+3", "@A1", "  =1+1"];

const CASES: { form: string; schema: z.ZodType; input: (v: string) => Record<string, unknown>; path: (string | number)[] }[] = [
  { form: "association profile", schema: associationProfileSchema(choices), input: (v) => ({ name: v }), path: ["name"] },
  { form: "sign-up: association", schema: signUpSchema(choices), input: (v) => ({ name: v }), path: ["name"] },
  { form: "sign-up: person", schema: signUpSchema(choices), input: (v) => ({ personName: v }), path: ["personName"] },
  { form: "invitation", schema: acceptInvitationSchema, input: (v) => ({ name: v }), path: ["name"] },
  { form: "staff account", schema: createStaffSchema, input: (v) => ({ name: v }), path: ["name"] },
  { form: "charter signature", schema: charterSignSchema, input: (v) => ({ signerName: v }), path: ["signerName"] },
  { form: "call for projects", schema: callSchema(choices), input: (v) => ({ title: v }), path: ["title"] },
  { form: "event", schema: eventSchema, input: (v) => ({ title: v }), path: ["title"] },
  {
    form: "registration by an association",
    schema: associationRegistrationSchema,
    input: (v) => ({ associationId: "a", participants: [{ name: v, email: "p@exemple.test" }] }),
    path: ["participants", 0, "name"],
  },
  { form: "public registration", schema: publicRegistrationSchema, input: (v) => ({ name: v, email: "p@exemple.test" }), path: ["name"] },
  { form: "subsidy outside a call", schema: grantSchema, input: (v) => ({ purpose: v }), path: ["purpose"] },
  {
    form: "social project",
    schema: socialProjectSchema,
    input: (v) => ({ title: v, startYear: "2031", endYear: "2035" }),
    path: ["title"],
  },
  { form: "social project: axis", schema: axisSchema, input: (v) => ({ title: v }), path: ["title"] },
  { form: "social project: projet phare", schema: flagshipSchema, input: (v) => ({ title: v, axisId: "a" }), path: ["title"] },
  { form: "dossier: association", schema: stepSchema("identification", undefined, choices), input: (v) => ({ name: v }), path: ["name"] },
  {
    form: "dossier: representative",
    schema: stepSchema("identification", undefined, choices),
    input: (v) => ({ representativeName: v }),
    path: ["representativeName"],
  },
  {
    form: "dossier: contact",
    schema: stepSchema("identification", undefined, choices),
    input: (v) => ({ contactName: v }),
    path: ["contactName"],
  },
  { form: "dossier: project title", schema: stepSchema("projet", undefined, choices), input: (v) => ({ title: v }), path: ["title"] },
  { form: "CCAS identity: name", schema: identitySchema, input: (v) => ({ name: v }), path: ["name"] },
  { form: "CCAS identity: full name", schema: identitySchema, input: (v) => ({ longName: v }), path: ["longName"] },
  { form: "CCAS identity: signatory", schema: identitySchema, input: (v) => ({ representative: v }), path: ["representative"] },
  { form: "new taxonomy term", schema: addTermSchema, input: (v) => ({ label: v }), path: ["label"] },
  { form: "field of intervention", schema: termSchemas.field, input: (v) => ({ label: v }), path: ["label"] },
];

describe("names that start like a formula", () => {
  it.each(CASES)("are refused by the $form form", ({ schema, input, path }) => {
    for (const value of HOSTILE) {
      const result = schema.safeParse(input(value));
      expect(result.success).toBe(false);
      const issue = result.error!.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
      expect(issue?.message, `${JSON.stringify(value)} at ${path.join(".")}`).toMatch(
        /ne peut pas commencer par =, \+, -, @ ni par une tabulation\.$/,
      );
    }
  });

  it.each(CASES)("leave a real name alone in the $form form", ({ schema, input, path }) => {
    const result = schema.safeParse(input("Jean-Pierre Martin"));
    const issue = result.success ? undefined : result.error.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
    expect(issue).toBeUndefined();
  });
});
