// The same schemas for actions only: a ".server" import never reaches the browser bundle, so
// public pages can load the form's copy lazily (see ValidatedForm's `schema` prop).
import { associationProfileEditSchema, associationProfileSchema, signUpSchema } from "./schemas";
import { validationChoices } from "~/settings/taxonomy-choices";
import { getTaxonomy } from "~/settings/taxonomy.server";

export * from "./schemas";

/** The profile form as its action checks it: against every term of the database, a retired one refused with its own message. */
export async function profileSchemaForAction() {
  return associationProfileSchema(validationChoices(await getTaxonomy()));
}

/** The profile page's form (the profile and its opening hours) as its action checks it. */
export async function profileEditSchemaForAction() {
  return associationProfileEditSchema(validationChoices(await getTaxonomy()));
}

/** The sign-up form as its action checks it. */
export async function signUpSchemaForAction() {
  return signUpSchema(validationChoices(await getTaxonomy()));
}
