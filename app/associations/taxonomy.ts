// The portal's own fields of intervention, built from the RNA nomenclature and the
// data·inclusion "thématiques" (see ../shared/DOMAIN.md). Slugs are stable: they are
// stored in the database, used in URLs (?champ=) and in the search index.

export type TaxonomyEntry = { slug: string; label: string; description?: string };

export const FIELDS_OF_INTERVENTION = [
  { slug: "aide-alimentaire", label: "Aide alimentaire", description: "Distribution de denrées, épiceries solidaires, repas (RNA 020010)" },
  {
    slug: "hebergement-logement",
    label: "Hébergement et logement",
    description: "Mise à l'abri, logement accompagné, aide au logement (RNA 032510)",
  },
  { slug: "lutte-isolement", label: "Lutte contre l'isolement", description: "Visites, lien social, personnes seules (RNA 019040)" },
  {
    slug: "insertion-emploi",
    label: "Insertion par l'emploi",
    description: "Insertion par l'activité économique, accompagnement vers l'emploi (RNA 030010)",
  },
  { slug: "inclusion-numerique", label: "Inclusion numérique", description: "Accès et accompagnement aux outils numériques" },
  { slug: "acces-aux-droits", label: "Accès aux droits", description: "Information juridique, aide aux démarches administratives" },
  { slug: "sante", label: "Accès à la santé", description: "Prévention, soins, accompagnement vers la santé (RNA 017000)" },
  { slug: "sante-mentale", label: "Santé mentale", description: "Écoute, accompagnement du handicap psychique" },
  { slug: "handicap", label: "Handicap", description: "Accompagnement des personnes handicapées (RNA 003030)" },
  { slug: "personnes-agees", label: "Personnes âgées", description: "Services et accompagnement des aînés (RNA 021015)" },
  { slug: "mobilite", label: "Mobilité", description: "Transport solidaire, aide au permis, accès aux mobilités" },
  {
    slug: "refugies-migrants",
    label: "Accueil des réfugiés et migrants",
    description: "Accueil, intégration, apprentissage du français (RNA 003050)",
  },
  { slug: "egalite-femmes-hommes", label: "Droits des femmes", description: "Égalité, lutte contre les violences faites aux femmes" },
  { slug: "famille-parentalite", label: "Famille et parentalité", description: "Soutien aux parents, petite enfance" },
  { slug: "jeunesse", label: "Jeunesse", description: "Jeunes adultes, décrochage, accès à l'autonomie" },
  {
    slug: "equipement-vetements",
    label: "Vêtements et équipement",
    description: "Vestiaires, meubles, équipement de la maison (RNA 020010)",
  },
  { slug: "budget-surendettement", label: "Budget et surendettement", description: "Accompagnement budgétaire, microcrédit" },
  { slug: "addictions", label: "Addictions", description: "Prévention et réduction des risques" },
  { slug: "entraide-benevolat", label: "Entraide et bénévolat", description: "Entraide, engagement bénévole (RNA 014000)" },
  {
    slug: "culture-loisirs-solidaires",
    label: "Culture et loisirs solidaires",
    description: "Accès à la culture, aux vacances et aux loisirs",
  },
  { slug: "medico-social", label: "Médico-social", description: "Établissements et services médico-sociaux (RNA 018000)" },
] as const satisfies readonly TaxonomyEntry[];

export const PUBLICS = [
  { slug: "tout-public", label: "Tout public" },
  { slug: "jeunes-adultes", label: "Jeunes adultes (18-25 ans)" },
  { slug: "personnes-agees", label: "Personnes âgées" },
  { slug: "familles", label: "Familles" },
  { slug: "enfants", label: "Enfants" },
  { slug: "personnes-handicapees", label: "Personnes en situation de handicap" },
  { slug: "sans-logement-stable", label: "Personnes sans logement stable" },
  { slug: "refugies", label: "Personnes réfugiées et migrantes" },
  { slug: "femmes", label: "Femmes" },
  { slug: "demandeurs-emploi", label: "Demandeurs d'emploi" },
  { slug: "personnes-isolees", label: "Personnes isolées" },
] as const satisfies readonly TaxonomyEntry[];

// Besançon's districts as the city names them, plus the neighbourhoods the social project names.
export const DISTRICTS = [
  { slug: "centre-ville-battant", label: "Centre-ville – Battant" },
  { slug: "planoise", label: "Planoise" },
  { slug: "408-tilleroyes", label: "« 408 » – Tilleroyes" },
  { slug: "montrapon-fontaine-ecu", label: "Montrapon – Fontaine-Écu" },
  { slug: "palente-orchamps", label: "Palente – Orchamps – Saragosse" },
  { slug: "clairs-soleils-vareilles", label: "Clairs-Soleils – Vareilles" },
  { slug: "chaprais-cras", label: "Chaprais – Cras" },
  { slug: "saint-claude-torcols", label: "Saint-Claude – Torcols – Chailluz" },
  { slug: "grette-butte", label: "Grette – Butte" },
  { slug: "velotte", label: "Velotte" },
  { slug: "saint-ferjeux-rosemont", label: "Saint-Ferjeux – Rosemont" },
  { slug: "bregille-pres-de-vaux", label: "Bregille – Prés-de-Vaux" },
  { slug: "hauts-du-chazal", label: "Hauts-du-Chazal" },
  { slug: "toute-la-ville", label: "Toute la ville" },
] as const satisfies readonly TaxonomyEntry[];

export type FieldSlug = (typeof FIELDS_OF_INTERVENTION)[number]["slug"];
export type PublicSlug = (typeof PUBLICS)[number]["slug"];
export type DistrictSlug = (typeof DISTRICTS)[number]["slug"];

export const FIELD_SLUGS = FIELDS_OF_INTERVENTION.map((f) => f.slug) as [FieldSlug, ...FieldSlug[]];
export const PUBLIC_SLUGS = PUBLICS.map((p) => p.slug) as [PublicSlug, ...PublicSlug[]];
export const DISTRICT_SLUGS = DISTRICTS.map((d) => d.slug) as [DistrictSlug, ...DistrictSlug[]];

const labelMaps = {
  field: new Map<string, string>(FIELDS_OF_INTERVENTION.map((f) => [f.slug, f.label])),
  public: new Map<string, string>(PUBLICS.map((p) => [p.slug, p.label])),
  district: new Map<string, string>(DISTRICTS.map((d) => [d.slug, d.label])),
};

export function labelOf(kind: keyof typeof labelMaps, slug: string): string {
  return labelMaps[kind].get(slug) ?? slug;
}
