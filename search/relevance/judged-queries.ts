// The judged query set of the directory's search (issue 19, docs/decisions/036): what a person types
// (needs in everyday words, typos, missing accents, plurals, districts, publics, names) and which of
// the demo associations answer it. A need is judged by the association's fields of intervention, as
// a social worker would judge it; a district or a public narrows it; a name query wants that name.
// Measured by `npm run bench:relevance` and guarded by relevance-judged.test.ts.

export type Judgment = {
  /** Relevant when the association works in one of these fields (slugs of the taxonomy). */
  fields?: string[];
  /** … and, when given, in this district. */
  district?: string;
  /** … and, when given, for this public. */
  public?: string;
  /** Relevant when the association's name contains this (folded, lower-case). */
  name?: string;
};

export type JudgedQuery = { q: string; relevant: Judgment };

const need = (q: string, ...fields: string[]): JudgedQuery => ({ q, relevant: { fields } });

export const JUDGED_QUERIES: JudgedQuery[] = [
  // Food
  need("aide alimentaire", "aide-alimentaire"),
  need("colis alimentaires", "aide-alimentaire"),
  need("epicerie solidaire", "aide-alimentaire"),
  need("banque alimentaire", "aide-alimentaire"),
  need("alimentaire", "aide-alimentaire"),
  { q: "aide alimentaire planoise", relevant: { fields: ["aide-alimentaire"], district: "planoise" } },
  // Housing
  need("logement", "hebergement-logement"),
  need("hebergement", "hebergement-logement"),
  need("logemnt", "hebergement-logement"),
  need("sans abri", "hebergement-logement"),
  need("sdf", "hebergement-logement"),
  need("personnes sans domicile", "hebergement-logement"),
  need("hébergement d'urgence", "hebergement-logement", "egalite-femmes-hommes"),
  // Isolation, elderly people
  need("isolement", "lutte-isolement"),
  need("solitude", "lutte-isolement"),
  need("visites à domicile personnes seules", "lutte-isolement"),
  need("personnes agees", "personnes-agees"),
  need("seniors", "personnes-agees"),
  need("bien vieillir", "personnes-agees"),
  // Work
  need("emploi", "insertion-emploi"),
  need("trouver un travail", "insertion-emploi"),
  need("insertion professionelle", "insertion-emploi"),
  need("chantier d'insertion", "insertion-emploi"),
  // Digital
  need("numerique", "inclusion-numerique"),
  need("informatique", "inclusion-numerique"),
  need("ordinateurs", "inclusion-numerique"),
  need("démarches en ligne", "inclusion-numerique", "acces-aux-droits"),
  // Rights
  need("accès aux droits", "acces-aux-droits"),
  need("ecrivain public", "acces-aux-droits"),
  need("permanence juridique", "acces-aux-droits"),
  need("papiers administratifs", "acces-aux-droits"),
  // Health
  need("santé", "sante"),
  need("soins gratuits", "sante"),
  need("medecin", "sante"),
  need("santé mentale", "sante-mentale"),
  need("handicap psychique", "sante-mentale"),
  need("souffrance psychique", "sante-mentale"),
  // Disability
  need("handicap", "handicap", "medico-social"),
  need("personnes handicapées", "handicap", "medico-social"),
  need("langue des signes", "handicap"),
  // Mobility
  need("mobilité", "mobilite"),
  need("permis de conduire", "mobilite"),
  need("transport solidaire", "mobilite"),
  // Exiles
  need("réfugiés", "refugies-migrants"),
  need("migrants", "refugies-migrants"),
  need("exilés", "refugies-migrants"),
  need("apprendre le francais", "refugies-migrants"),
  // Women
  need("violences conjugales", "egalite-femmes-hommes"),
  need("femmes victimes de violences", "egalite-femmes-hommes"),
  // Families, youth
  need("parentalité", "famille-parentalite"),
  { q: "ludotheque", relevant: { name: "ludotheque" } },
  need("jeunes", "jeunesse"),
  need("jeunesse", "jeunesse"),
  // Clothes, furniture
  need("vêtements", "equipement-vetements"),
  need("vetement pas cher", "equipement-vetements"),
  need("meubles", "equipement-vetements", "insertion-emploi"),
  // Money
  need("surendettement", "budget-surendettement"),
  need("dettes", "budget-surendettement"),
  need("microcredit", "budget-surendettement"),
  need("gérer son budget", "budget-surendettement"),
  // Addictions
  need("addictions", "addictions"),
  need("alcool", "addictions"),
  need("drogue", "addictions"),
  // Volunteering, culture
  need("bénévolat", "entraide-benevolat"),
  need("entraide", "entraide-benevolat"),
  need("vacances", "culture-loisirs-solidaires"),
  need("culture", "culture-loisirs-solidaires"),
  need("medico social", "medico-social"),
  // With a district or a public
  { q: "logement jeunes", relevant: { fields: ["hebergement-logement", "jeunesse"], public: "jeunes-adultes" } },
  { q: "isolement personnes âgées", relevant: { fields: ["lutte-isolement", "personnes-agees"], public: "personnes-agees" } },
  { q: "emploi battant", relevant: { fields: ["insertion-emploi"], district: "centre-ville-battant" } },
  // Names
  { q: "toit commun", relevant: { name: "toit commun" } },
  { q: "epicerie planoise", relevant: { name: "epicerie solidaire planoise" } },
  { q: "emmaus", relevant: { name: "emmaus" } },
  { q: "cresus", relevant: { name: "cresus" } },
];
