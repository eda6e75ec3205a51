// Invented but realistic Besançon associations, built deterministically from a seed.
// Used by the demo seed, the tests and the benchmarks alike. No real person's data.
import type { Db } from "../../app/db.server";
import { BESANCON_DISTRICTS } from "../seed/territory";
import { slugify } from "../../app/lib/slug";
import { writeTransactionOn } from "../../app/lib/transaction";
import { enqueueSearchSync } from "../../search/sync";

/** A small seeded PRNG (mulberry32): the same seed gives the same data. */
export function createRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    sample: <T>(items: readonly T[], count: number): T[] => {
      const copy = [...items];
      const out: T[] = [];
      while (out.length < count && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
}
export type Rng = ReturnType<typeof createRng>;

// Slugs of the generic fields and publics (inserted by the migration 20261201170605_reference_data) and of
// Besançon's districts (seed/territory.ts), which the tests' database and the demo seed both hold.
type FieldSlug = string;
type PublicSlug = string;
type DistrictSlug = string;

type Archetype = {
  field: FieldSlug;
  names: string[];
  objects: string[];
  publics: PublicSlug[];
  related: FieldSlug[];
  activities: string[];
};

// Each archetype gives names, social objects and activities typical of its field.
const ARCHETYPES: Archetype[] = [
  {
    field: "aide-alimentaire",
    names: [
      "Épicerie solidaire {q}",
      "Les Paniers du Cœur",
      "Banque alimentaire du Doubs – relais {q}",
      "Le Pain Partagé",
      "Resto Solidaire {q}",
      "La Table Ouverte",
    ],
    objects: [
      "Distribuer une aide alimentaire aux personnes et familles en difficulté et lutter contre le gaspillage.",
      "Gérer une épicerie solidaire où les personnes aux revenus modestes achètent des produits à petit prix.",
    ],
    publics: ["familles", "tout-public", "sans-logement-stable"],
    related: ["equipement-vetements", "budget-surendettement", "lutte-isolement"],
    activities: [
      "distribution de colis alimentaires",
      "repas chauds le midi",
      "ateliers cuisine petit budget",
      "collecte auprès des supermarchés",
    ],
  },
  {
    field: "hebergement-logement",
    names: [
      "Toit Commun",
      "Un Toit pour Tous – Besançon",
      "Habitat et Partage {q}",
      "La Maison Relais {q}",
      "Accueil de nuit Saint-Jacques",
      "Logis Solidaire",
    ],
    objects: [
      "Héberger et accompagner vers le logement les personnes sans domicile.",
      "Favoriser l'accès et le maintien dans le logement des ménages en difficulté.",
    ],
    publics: ["sans-logement-stable", "familles", "jeunes-adultes"],
    related: ["acces-aux-droits", "insertion-emploi", "sante"],
    activities: ["mise à l'abri hivernale", "logement accompagné", "médiation avec les bailleurs", "aide à l'installation"],
  },
  {
    field: "lutte-isolement",
    names: [
      "Les Petits Frères de {q}",
      "Voisins Solidaires {q}",
      "Le Fil d'Argent",
      "Amitiés Bisontines",
      "Café des Liens",
      "Bonjour Voisin",
    ],
    objects: [
      "Rompre l'isolement des personnes seules par des visites à domicile et des moments conviviaux.",
      "Créer du lien social entre habitants du quartier et personnes isolées.",
    ],
    publics: ["personnes-isolees", "personnes-agees", "tout-public"],
    related: ["personnes-agees", "entraide-benevolat", "culture-loisirs-solidaires"],
    activities: ["visites à domicile", "appels téléphoniques de convivialité", "goûters partagés", "sorties culturelles"],
  },
  {
    field: "insertion-emploi",
    names: [
      "Chantier d'insertion {q}",
      "Tremplin Emploi",
      "Jardins de Cocagne bisontins",
      "Ressourcerie {q}",
      "Atelier Vélo Solidaire",
      "Emplois Passerelle",
    ],
    objects: [
      "Accompagner vers l'emploi durable des personnes éloignées du marché du travail par une activité économique.",
      "Proposer des parcours d'insertion professionnelle et un accompagnement socio-professionnel.",
    ],
    publics: ["demandeurs-emploi", "jeunes-adultes", "refugies"],
    related: ["mobilite", "jeunesse", "acces-aux-droits"],
    activities: ["contrats à durée déterminée d'insertion", "maraîchage biologique", "réemploi de mobilier", "ateliers CV et entretiens"],
  },
  {
    field: "inclusion-numerique",
    names: [
      "Clic Solidaire",
      "Les Connectés de {q}",
      "Numérique pour Tous 25",
      "Point Relais Numérique {q}",
      "La Souris Solidaire",
      "Pixel Partagé",
    ],
    objects: [
      "Accompagner les habitants dans l'usage des outils numériques et des démarches en ligne.",
      "Réduire la fracture numérique par la formation et le reconditionnement d'ordinateurs.",
    ],
    publics: ["tout-public", "personnes-agees", "demandeurs-emploi"],
    related: ["acces-aux-droits", "personnes-agees", "insertion-emploi"],
    activities: [
      "permanences d'aide aux démarches en ligne",
      "ateliers smartphone",
      "ordinateurs reconditionnés à petit prix",
      "initiation à internet",
    ],
  },
  {
    field: "acces-aux-droits",
    names: [
      "Point Droit {q}",
      "Infos Droits Besançon",
      "Écrivain Public Solidaire",
      "Permanence Juridique Citoyenne",
      "Le Relais des Droits",
      "Accès Droits 25",
    ],
    objects: [
      "Informer chacun de ses droits et l'aider dans ses démarches administratives.",
      "Proposer des permanences gratuites d'information juridique et d'aide aux démarches.",
    ],
    publics: ["tout-public", "refugies", "familles"],
    related: ["inclusion-numerique", "budget-surendettement", "refugies-migrants"],
    activities: ["écrivain public", "aide aux dossiers CAF et RSA", "permanences juridiques gratuites", "médiation administrative"],
  },
  {
    field: "sante",
    names: [
      "Santé Solidaire {q}",
      "Médecins du Cœur bisontins",
      "Prévention Santé Doubs",
      "Le Bus Santé",
      "Accès Soins {q}",
      "Bien-Être Partagé",
    ],
    objects: [
      "Faciliter l'accès aux soins et à la prévention des personnes en situation de précarité.",
      "Mener des actions de prévention santé au plus près des habitants.",
    ],
    publics: ["sans-logement-stable", "tout-public", "refugies"],
    related: ["sante-mentale", "addictions", "acces-aux-droits"],
    activities: ["consultations gratuites", "dépistages", "ateliers nutrition", "accompagnement vers l'ouverture des droits santé"],
  },
  {
    field: "sante-mentale",
    names: ["GEM L'Entre-Deux", "Écoute et Partage {q}", "Horizon Psy", "Le Club de l'Espoir", "Parole Libre 25", "Les Ailes du Cœur"],
    objects: [
      "Accueillir et accompagner les personnes vivant avec un handicap psychique et leurs proches.",
      "Proposer un lieu d'écoute et d'entraide pour les personnes en souffrance psychique.",
    ],
    publics: ["personnes-handicapees", "personnes-isolees", "tout-public"],
    related: ["handicap", "lutte-isolement", "sante"],
    activities: ["groupe d'entraide mutuelle", "écoute téléphonique", "ateliers d'expression", "soutien aux aidants"],
  },
  {
    field: "handicap",
    names: [
      "Handi'Cap {q}",
      "Tous Capables",
      "Ensemble Autrement",
      "Sport Adapté Bisontin",
      "Les Mains Qui Parlent",
      "Accessibilité Pour Tous 25",
    ],
    objects: [
      "Favoriser l'inclusion sociale et l'autonomie des personnes en situation de handicap.",
      "Défendre les droits des personnes handicapées et accompagner leurs familles.",
    ],
    publics: ["personnes-handicapees", "familles", "enfants"],
    related: ["medico-social", "mobilite", "culture-loisirs-solidaires"],
    activities: ["accompagnement à l'autonomie", "loisirs adaptés", "interprétation en langue des signes", "conseil en accessibilité"],
  },
  {
    field: "personnes-agees",
    names: [
      "Les Aînés de {q}",
      "Âge d'Or Solidaire",
      "Seniors Actifs Besançon",
      "Les Cheveux d'Argent",
      "Bien Vieillir à {q}",
      "Entr'Âges",
    ],
    objects: [
      "Accompagner le bien-vieillir à domicile et prévenir la perte d'autonomie des personnes âgées.",
      "Proposer activités et services aux seniors pour rester acteurs de la vie du quartier.",
    ],
    publics: ["personnes-agees", "personnes-isolees"],
    related: ["lutte-isolement", "mobilite", "inclusion-numerique"],
    activities: ["ateliers mémoire", "accompagnement aux courses", "prévention des chutes", "repas partagés"],
  },
  {
    field: "mobilite",
    names: [
      "Roulez Solidaire",
      "Auto-École Sociale {q}",
      "Mobilité Pour Tous 25",
      "Le Vélo Partagé",
      "Transport Solidaire {q}",
      "En Route !",
    ],
    objects: [
      "Lever les freins à la mobilité des personnes en insertion ou isolées.",
      "Proposer du transport solidaire et l'apprentissage du code et de la conduite.",
    ],
    publics: ["demandeurs-emploi", "personnes-agees", "jeunes-adultes"],
    related: ["insertion-emploi", "personnes-agees", "jeunesse"],
    activities: ["auto-école sociale", "location de scooters à petit prix", "transport accompagné", "ateliers de réparation vélo"],
  },
  {
    field: "refugies-migrants",
    names: [
      "Accueil Exilés Besançon",
      "Terre d'Asile {q}",
      "Français Pour Tous",
      "Ponts et Passerelles",
      "Solidarité Migrants 25",
      "La Cimade bisontine",
    ],
    objects: [
      "Accueillir, accompagner et défendre les droits des personnes exilées.",
      "Favoriser l'intégration des personnes réfugiées par l'apprentissage du français.",
    ],
    publics: ["refugies", "familles", "jeunes-adultes"],
    related: ["acces-aux-droits", "hebergement-logement", "insertion-emploi"],
    activities: [
      "cours de français langue étrangère",
      "accompagnement des demandes d'asile",
      "parrainage citoyen",
      "hébergement solidaire",
    ],
  },
  {
    field: "egalite-femmes-hommes",
    names: [
      "Femmes Solidaires {q}",
      "Solidarité Femmes Besançon",
      "L'Échappée",
      "Droits des Femmes 25",
      "Elles Osent",
      "Le Refuge des Femmes",
    ],
    objects: [
      "Accueillir et accompagner les femmes victimes de violences et promouvoir l'égalité.",
      "Favoriser l'autonomie sociale et professionnelle des femmes.",
    ],
    publics: ["femmes", "familles", "enfants"],
    related: ["acces-aux-droits", "hebergement-logement", "insertion-emploi"],
    activities: ["écoute et accompagnement des victimes", "hébergement d'urgence", "groupes de parole", "ateliers d'estime de soi"],
  },
  {
    field: "famille-parentalite",
    names: [
      "Maison des Familles {q}",
      "Parents Ensemble",
      "Le Petit Pas",
      "Ludothèque {q}",
      "Familles Rurales de {q}",
      "La Récré des Parents",
    ],
    objects: [
      "Soutenir les parents dans leur rôle éducatif et favoriser les liens familiaux.",
      "Offrir aux familles des lieux d'accueil, d'échange et de jeu.",
    ],
    publics: ["familles", "enfants", "femmes"],
    related: ["jeunesse", "lutte-isolement", "culture-loisirs-solidaires"],
    activities: ["lieu d'accueil enfants-parents", "ateliers parentalité", "sorties familiales", "aide aux devoirs"],
  },
  {
    field: "jeunesse",
    names: ["Jeunes en Action {q}", "Passerelle Jeunes", "L'Escale Jeunesse", "Cap Avenir 25", "Les Déterminés", "Point Jeunes {q}"],
    objects: [
      "Accompagner les jeunes adultes vers l'autonomie, le logement et l'emploi.",
      "Prévenir le décrochage et proposer aux jeunes des projets collectifs.",
    ],
    publics: ["jeunes-adultes", "enfants"],
    related: ["insertion-emploi", "hebergement-logement", "acces-aux-droits"],
    activities: ["accompagnement des 18-25 ans sans ressources", "chantiers jeunes", "prévention spécialisée", "aide à la mobilité"],
  },
  {
    field: "equipement-vetements",
    names: ["Vestiaire Solidaire {q}", "La Malle aux Habits", "Recyclerie {q}", "Meubles et Partage", "Le Grenier Solidaire", "Emmaüs {q}"],
    objects: [
      "Collecter et redistribuer vêtements, meubles et équipements de la maison à petits prix.",
      "Donner une seconde vie aux objets au profit des personnes en difficulté.",
    ],
    publics: ["familles", "tout-public", "sans-logement-stable"],
    related: ["aide-alimentaire", "insertion-emploi", "entraide-benevolat"],
    activities: ["vestiaire à petits prix", "collecte de meubles", "boutique solidaire", "aide à l'équipement d'un premier logement"],
  },
  {
    field: "budget-surendettement",
    names: [
      "Crésus Doubs",
      "Budget Malin {q}",
      "Microcrédit Solidaire 25",
      "Point Conseil Budget {q}",
      "L'Éco-Logis",
      "Finances Solidaires",
    ],
    objects: [
      "Accompagner les ménages dans la gestion de leur budget et prévenir le surendettement.",
      "Faciliter l'accès au microcrédit personnel des personnes exclues du crédit bancaire.",
    ],
    publics: ["familles", "tout-public", "demandeurs-emploi"],
    related: ["acces-aux-droits", "hebergement-logement"],
    activities: ["point conseil budget", "dossiers de surendettement", "microcrédit personnel", "ateliers économies d'énergie"],
  },
  {
    field: "addictions",
    names: [
      "Addictions Prévention {q}",
      "Le Relais Sans Alcool",
      "Vie Libre Besançon",
      "Réduction des Risques 25",
      "La Passerelle Addictions",
      "Cap Sobriété",
    ],
    objects: [
      "Prévenir les conduites addictives et accompagner les personnes dépendantes et leur entourage.",
      "Mener des actions de réduction des risques auprès des personnes usagères.",
    ],
    publics: ["tout-public", "jeunes-adultes", "sans-logement-stable"],
    related: ["sante", "sante-mentale"],
    activities: ["groupes d'entraide", "maraudes de réduction des risques", "prévention en milieu scolaire", "soutien à l'entourage"],
  },
  {
    field: "entraide-benevolat",
    names: ["Secours Solidaire {q}", "Entraide Bisontine", "Maison du Bénévolat", "Les Bras Ouverts", "Solidarités {q}", "Coup de Main 25"],
    objects: [
      "Développer l'entraide entre habitants et l'engagement bénévole au service des plus fragiles.",
      "Apporter une aide matérielle et morale aux personnes en difficulté.",
    ],
    publics: ["tout-public", "personnes-isolees", "familles"],
    related: ["aide-alimentaire", "lutte-isolement", "equipement-vetements"],
    activities: ["accueil de jour", "aides d'urgence", "formation des bénévoles", "maraudes"],
  },
  {
    field: "culture-loisirs-solidaires",
    names: [
      "Culture du Cœur Doubs",
      "Vacances Pour Tous 25",
      "Théâtre de l'Accueil",
      "Les Loisirs Partagés",
      "Musique en {q}",
      "Cinéma Solidaire",
    ],
    objects: [
      "Favoriser l'accès à la culture, aux loisirs et aux vacances des personnes en difficulté.",
      "Utiliser la pratique artistique comme levier d'insertion et de lien social.",
    ],
    publics: ["familles", "enfants", "tout-public"],
    related: ["lutte-isolement", "famille-parentalite", "handicap"],
    activities: ["places de spectacle gratuites", "départs en vacances", "ateliers théâtre", "sorties culturelles"],
  },
  {
    field: "medico-social",
    names: [
      "Les Papillons Blancs du Doubs",
      "Service d'Accompagnement {q}",
      "Institut Médico-Social Les Tilleuls",
      "SAVS Horizon",
      "Foyer La Source",
      "Accompagnement Vie Sociale 25",
    ],
    objects: [
      "Gérer des établissements et services médico-sociaux pour personnes handicapées ou dépendantes.",
      "Accompagner à domicile les adultes en situation de handicap dans leur vie sociale.",
    ],
    publics: ["personnes-handicapees", "personnes-agees"],
    related: ["handicap", "sante-mentale", "personnes-agees"],
    activities: ["accompagnement à la vie sociale", "accueil de jour", "soutien aux aidants familiaux", "hébergement adapté"],
  },
];

const STREETS = [
  "rue de la République",
  "rue Battant",
  "avenue de Montrapon",
  "rue de Dole",
  "boulevard Kennedy",
  "rue de Belfort",
  "avenue Fontaine-Argent",
  "rue des Cras",
  "rue de Vesoul",
  "rue Mégevand",
  "avenue de l'Île-de-France",
  "rue Champrond",
  "rue du Caporal Peugeot",
  "chemin des Founottes",
  "rue de Chalezeule",
  "place Marulaz",
  "rue Pasteur",
  "rue de Vittel",
  "rue Brûlard",
  "avenue Clemenceau",
  "rue Rivotte",
  "rue du Polygone",
  "rue de Savoie",
  "rue Gounod",
];

const HOURS = [
  "Du lundi au vendredi, 9 h – 12 h et 14 h – 17 h",
  "Mardi et jeudi, 14 h – 18 h",
  "Lundi, mercredi et vendredi, 9 h 30 – 12 h",
  "Sur rendez-vous du lundi au samedi",
  "Mercredi 10 h – 17 h, samedi 9 h – 12 h",
  "Tous les jours, 8 h – 20 h",
];
/** The same hours in OpenStreetMap syntax, as the profile form writes them ("" for appointments only). */
export const OPENING_HOURS: Record<string, string> = {
  [HOURS[0]]: "Mo-Fr 09:00-12:00,14:00-17:00; Sa,Su off; PH off",
  [HOURS[1]]: "Tu,Th 14:00-18:00; PH off",
  [HOURS[2]]: "Mo,We,Fr 09:30-12:00",
  [HOURS[3]]: "",
  [HOURS[4]]: "We 10:00-17:00; Sa 09:00-12:00; PH off",
  [HOURS[5]]: "Mo-Su 08:00-20:00",
};

const districtWeights: [DistrictSlug, number][] = BESANCON_DISTRICTS.map((d) => [
  d.slug,
  d.slug === "planoise"
    ? 5
    : d.slug === "centre-ville-battant"
      ? 5
      : d.slug === "toute-la-ville"
        ? 3
        : d.slug === "408-tilleroyes"
          ? 2
          : 1.5,
]);

function pickDistrict(rng: Rng): DistrictSlug {
  const total = districtWeights.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [slug, w] of districtWeights) {
    r -= w;
    if (r <= 0) return slug;
  }
  return "planoise";
}

const QUARTIER_NAMES: Record<string, string> = {
  "centre-ville-battant": "Battant",
  planoise: "Planoise",
  "408-tilleroyes": "Tilleroyes",
  "montrapon-fontaine-ecu": "Montrapon",
  "palente-orchamps": "Palente",
  "clairs-soleils-vareilles": "Clairs-Soleils",
  "chaprais-cras": "Chaprais",
  "saint-claude-torcols": "Saint-Claude",
  "grette-butte": "la Grette",
  velotte: "Velotte",
  "saint-ferjeux-rosemont": "Saint-Ferjeux",
  "bregille-pres-de-vaux": "Bregille",
  "hauts-du-chazal": "Hauts-du-Chazal",
  "toute-la-ville": "Besançon",
};

/** A SIRET with a valid Luhn key, built from a number. */
export function makeSiret(n: number): string {
  const body = String(77_000_000_000_000 + (n % 1_000_000_000_000) * 10).slice(0, 13);
  for (let check = 0; check <= 9; check++) {
    const candidate = body + check;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(candidate[13 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("unreachable");
}

export function makeRna(n: number): string {
  return `W25${String(1_000_000 + (n % 9_000_000)).padStart(7, "0")}`;
}

export type AssociationData = {
  slug: string;
  name: string;
  acronym: string | null;
  rna: string;
  siret: string;
  socialObject: string;
  description: string;
  address: string;
  postcode: string;
  city: string;
  district: DistrictSlug;
  phone: string;
  email: string;
  website: string | null;
  receptionHours: string;
  openingHours?: string;
  // On the map: the demo seed places its associations in their district (no geocoder called).
  latitude?: number | null;
  longitude?: number | null;
  geoSource?: "adresse" | "manuel" | null;
  geocodedAt?: Date | null;
  status: "pending" | "validated" | "refused";
  fields: FieldSlug[];
  publics: PublicSlug[];
};

/** The n-th association of a deterministic series: varied fields, publics and districts. */
export function buildAssociation(n: number, rng: Rng, overrides: Partial<AssociationData> = {}): AssociationData {
  const archetype = ARCHETYPES[n % ARCHETYPES.length];
  const round = Math.floor(n / ARCHETYPES.length);
  const district = overrides.district ?? pickDistrict(rng);
  const quartier = QUARTIER_NAMES[district] ?? "Besançon";
  const template = archetype.names[round % archetype.names.length];
  let name = template.replace("{q}", quartier);
  // Later rounds are local branches ("antennes"), then numbered ones for very large sets.
  const cycle = Math.floor(round / archetype.names.length);
  if (cycle >= 1) name = `${name} – antenne ${QUARTIER_NAMES[BESANCON_DISTRICTS[(n + cycle) % BESANCON_DISTRICTS.length].slug]}`;
  if (cycle >= 2) name = `${name} ${cycle}`;
  const fields = [archetype.field, ...rng.sample(archetype.related, rng.int(0, 2))];
  const publics = rng.sample(archetype.publics, rng.int(1, Math.min(3, archetype.publics.length)));
  const activities = rng.sample(archetype.activities, 3);
  const slug = `${slugify(name)}-${n + 1}`;
  const data: AssociationData = {
    slug,
    name,
    acronym:
      rng.next() < 0.25
        ? name
            .split(/\s+/)
            .filter((w) => /^[A-ZÀ-Ü]/.test(w))
            .map((w) => w[0])
            .join("")
            .slice(0, 6) || null
        : null,
    rna: makeRna(n * 7919 + 11),
    siret: makeSiret(n * 104729 + 3),
    socialObject: rng.pick(archetype.objects),
    description: `L'association agit à ${quartier === "Besançon" ? "Besançon" : `${quartier} et dans tout Besançon`} : ${activities.join(", ")}. Bénévoles et salariés accueillent chaque personne sans condition, en lien avec le CCAS et les antennes sociales de quartier.`,
    address: `${rng.int(1, 120)} ${rng.pick(STREETS)}`,
    postcode: "25000",
    city: "Besançon",
    district,
    phone: `03 81 ${String(rng.int(10, 99))} ${String(rng.int(10, 99))} ${String(rng.int(10, 99))}`,
    email: `contact@${slugify(name).slice(0, 30)}.asso.test`,
    website: rng.next() < 0.6 ? `https://${slugify(name).slice(0, 30)}.asso.test` : null,
    receptionHours: rng.pick(HOURS),
    status: "validated",
    fields: [...new Set(fields)],
    publics: [...new Set(publics)],
    ...overrides,
  };
  data.openingHours ??= OPENING_HOURS[data.receptionHours] ?? "";
  return data;
}

/** Inserts associations with their taxonomy in batches (fast enough for 100 000). */
export async function insertAssociations(db: Db, items: AssociationData[], batchSize = 500): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < items.length; i += batchSize) {
    const batch = items.slice(i, i + batchSize);
    await writeTransactionOn(db, async (tx) => {
      for (const item of batch) {
        const { fields, publics, ...columns } = item;
        const created = await tx.association.create({
          data: { ...columns, validatedAt: columns.status === "validated" ? new Date() : null },
          select: { id: true },
        });
        ids.push(created.id);
        await tx.associationField.createMany({ data: fields.map((slug) => ({ associationId: created.id, slug })) });
        await tx.associationPublic.createMany({ data: publics.map((slug) => ({ associationId: created.id, slug })) });
      }
    });
  }
  return ids;
}

/** One association in the database, for tests: `createAssociation(db, { name: "…" })`. */
export async function createAssociation(db: Db, overrides: Partial<AssociationData> = {}, n = Math.floor(Math.random() * 1e9)) {
  const data = buildAssociation(n, createRng(n), overrides);
  if (!overrides.slug) data.slug = `${slugify(data.name)}-${n}`;
  const [id] = await insertAssociations(db, [data]);
  // As the portal does for a save: the outbox brings it into the directory index (a running
  // portal replays it), which otherwise drifts from the database and gets rebuilt.
  if (data.status === "validated") await enqueueSearchSync(db, [id]);
  return { id, ...data };
}
