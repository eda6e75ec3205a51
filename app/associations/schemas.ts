// The association profile form: one schema for sign-up, profile edits, browser and server.
import { z } from "zod";
import { DISTRICT_SLUGS, FIELD_SLUGS, PUBLIC_SLUGS } from "~/associations/taxonomy";
import {
  emailSchema,
  multiSelect,
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

export const associationProfileSchema = z.object({
  name: nameText("Nom de l'association", 150),
  acronym: optionalText("Sigle", 30),
  rna: optional(rnaSchema),
  siret: optional(siretSchema),
  socialObject: requiredText("Objet social", 600),
  description: optionalText("Présentation", 4000),
  address: requiredText("Adresse", 200),
  postcode: postcodeSchema,
  city: requiredText("Commune", 100),
  district: z.enum(DISTRICT_SLUGS, { error: "Quartier : choisissez un quartier dans la liste." }),
  phone: optional(phoneSchema),
  email: optional(emailSchema),
  website: optional(urlSchema),
  receptionHours: optionalText("Horaires d'accueil", 500),
  fields: multiSelect(FIELD_SLUGS, "Champs d'intervention", 1),
  publics: multiSelect(PUBLIC_SLUGS, "Publics accueillis", 1),
});

export type AssociationProfileInput = z.output<typeof associationProfileSchema>;

/** The profile page's form: the profile and the structured opening hours (sign-up asks for them later). */
export const associationProfileEditSchema = withOpeningHours(associationProfileSchema);
export type AssociationProfileEditInput = z.output<typeof associationProfileEditSchema>;

export const signUpSchema = associationProfileSchema.extend({
  personName: nameText("Votre nom", 120),
  personTitle: requiredText("Votre fonction dans l'association", 80),
  personEmail: emailSchema,
  password: passwordSchema,
  representativeConfirm: z.literal("on", {
    error: "Confirmez que vous êtes le ou la représentant·e légal·e de l'association (ou mandaté·e par elle).",
  }),
});

export type SignUpInput = z.output<typeof signUpSchema>;
