// What the association tests start from: a profile to fill their forms with, an administrator.
import { createUser } from "../../prisma/factories/user";
import type { Db } from "~/db.server";

export const baseProfile = {
  acronym: undefined,
  rna: "W251002867",
  siret: "73282932000074",
  description: "Des paniers de légumes pour les familles du quartier.",
  address: "12 rue de Dole",
  postcode: "25000",
  city: "Besançon",
  district: "planoise" as const,
  phone: undefined,
  email: undefined,
  website: undefined,
  receptionHours: "Mardi 14 h – 18 h",
  publics: ["familles" as const],
};

/** A sign-up form as the action receives it, for a person's address; `overrides` change the association. */
export function signUpForm(personEmail: string, overrides: { name?: string; rna?: string; siret?: string; description?: string } = {}) {
  return {
    name: "Entraide des quartiers",
    acronym: undefined,
    rna: undefined as string | undefined,
    siret: "73282932000074" as string | undefined,
    socialObject: "Entraide entre voisins.",
    description: "",
    address: "1 rue de Dole",
    postcode: "25000",
    city: "Besançon",
    district: "planoise",
    phone: undefined,
    email: undefined,
    website: undefined,
    receptionHours: "",
    fields: ["entraide-benevolat"],
    publics: ["tout-public"],
    personName: "Camille Essai",
    personTitle: "Présidente",
    personEmail,
    password: "une phrase de passe solide",
    representativeConfirm: "on" as const,
    ...overrides,
  };
}

/** The administrator who validates and refuses, as a signed-in user. */
export async function createAdmin(prisma: Db) {
  const user = await createUser(prisma, { role: "admin", email: "admin-test@ccas.test" });
  return { ...user, role: "admin" as const };
}
