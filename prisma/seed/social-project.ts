// Besançon's social project 2022-2026 (its six axes and eighteen projets phares, names only):
// data another CCAS replaces with its own from /admin/projet-social.
import { createSocialProject } from "../factories/steering";
import type { SeedStep } from "./index";

export const BESANCON_SOCIAL_PROJECT = {
  title: "Projet social du CCAS 2022-2026",
  startYear: 2022,
  endYear: 2026,
  description: "Six axes stratégiques et dix-huit projets phares, adoptés par le conseil d'administration du CCAS.",
  axes: [
    {
      title: "Intervenir auprès des publics prioritaires identifiés dans l'analyse des besoins sociaux",
      flagships: [
        "Analyse des besoins sociaux à l'échelle du Grand Besançon",
        "Chantiers d'insertion jeunes",
        "Habitat inclusif intergénérationnel",
      ],
    },
    {
      title: "Maintenir ou accompagner vers l'autonomie (« de l'urgence vers l'autonomie »)",
      flagships: [
        "Liens entre accompagnement social et insertion par l'activité économique",
        "Animation pour les personnes sans domicile stable relogées",
        "Accès aux mobilités",
      ],
    },
    {
      title: "Faciliter l'accès aux droits et leur maintien",
      flagships: [
        "Intégration des usagers dans les services d'accès aux droits",
        "Réseau de médiateurs numériques",
        "Ateliers de formation des associations et bénévoles à l'accès aux droits et au numérique",
      ],
    },
    {
      title: "Faire du CCAS l'interlocuteur majeur des politiques du handicap et de l'âge",
      flagships: [
        "Vieillissement et prévention de la perte d'autonomie (Ville Amie des Aînés)",
        "Groupe d'Entraide Mutuelle en quartier prioritaire",
        "Accessibilité des lieux et documents faciles à comprendre (FALC)",
      ],
    },
    {
      title: "Optimiser les moyens, les ressources et le patrimoine du CCAS",
      flagships: ["Patrimoine éco-responsable", "Qualité de vie au travail", "Réseau d'associations sur un répertoire partagé"],
    },
    {
      title: "Faire savoir et valoriser l'action du CCAS",
      flagships: [
        "Charte municipale de l'action sociale",
        "Politique de communication",
        "Événement annuel des acteurs de l'action sociale",
      ],
    },
  ],
};

export const seedSocialProject: SeedStep = async ({ db }) => {
  await createSocialProject(db, BESANCON_SOCIAL_PROJECT);
};
