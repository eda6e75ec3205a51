// The association profile form: one schema for sign-up, profile edits, browser and server,
// built from the taxonomy's choices (the loader sends them; the action reads the database's).
import * as z from "zod";
import type { TaxonomyChoices } from "~/settings/taxonomy-choices";
import { termSlug, termSlugs } from "~/settings/taxonomy-schemas";
import {
  emailSchema,
  nameText,
  optional,
  optionalText,
  passwordSchema,
  phoneSchema,
  postcodeSchema,
  requiredText,
  rnaSchema,
  siretSchema,
  urlSchema,
} from "~/lib/validation";
import { withOpeningHours } from "~/associations/opening-hours-form";
import { checkPosition, positionChoice, positionShape } from "~/geo/position-form";

// The taxonomy's fields are placeholders here, keeping their place in the form's order: see taxonomyFields.
const profileFields = z.object({
  name: nameText("Nom de l'association", 150),
  acronym: optionalText("Sigle", 30),
  rna: optional(rnaSchema),
  siret: optional(siretSchema),
  socialObject: requiredText("Objet social", 600),
  description: optionalText("Présentation", 4000),
  address: requiredText("Adresse", 200),
  postcode: postcodeSchema,
  city: requiredText("Commune", 100),
  district: z.string(),
  phone: optional(phoneSchema),
  email: optional(emailSchema),
  website: optional(urlSchema),
  receptionHours: optionalText("Horaires d'accueil", 500),
  fields: z.array(z.string()),
  publics: z.array(z.string()),
});

/** The fields of intervention, publics and district, checked against the taxonomy's choices. */
const taxonomyFields = (choices: TaxonomyChoices) => ({
  district: termSlug("district", choices.district, "Quartier : choisissez un quartier dans la liste."),
  fields: termSlugs(choices.field, "Champs d'intervention", 1),
  publics: termSlugs(choices.public, "Publics accueillis", 1),
});

export const associationProfileSchema = (choices: TaxonomyChoices) => profileFields.extend(taxonomyFields(choices));

export type AssociationProfileInput = z.output<ReturnType<typeof associationProfileSchema>>;

/** The profile page's form: the profile, the structured opening hours and the position on the map (sign-up asks for them later). */
export const associationProfileEditSchema = (choices: TaxonomyChoices) =>
  withOpeningHours(associationProfileSchema(choices).extend(positionShape))
    .superRefine((values, ctx) => checkPosition(values, ctx))
    .transform((values) => ({ ...values, position: positionChoice(values) }));
export type AssociationProfileEditInput = z.output<ReturnType<typeof associationProfileEditSchema>>;

const signUpFields = profileFields.extend({
  personName: nameText("Votre nom", 120),
  personTitle: requiredText("Votre fonction dans l'association", 80),
  personEmail: emailSchema,
  password: passwordSchema,
  representativeConfirm: z.literal("on", {
    error: "Confirmez que vous êtes le ou la représentant·e légal·e de l'association (ou mandaté·e par elle).",
  }),
});

export const signUpSchema = (choices: TaxonomyChoices) => signUpFields.extend(taxonomyFields(choices));

export type SignUpInput = z.output<ReturnType<typeof signUpSchema>>;
