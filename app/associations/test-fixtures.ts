// A profile the association tests fill their forms with.
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
