// The staff home's cards; each domain adds its own.
export type StaffLink = { href: string; title: string; description: string; action: string };

export const STAFF_LINKS: StaffLink[] = [
  {
    href: "/instruction/dossiers",
    title: "Dossiers des appels à projets",
    description: "Instruire, noter, demander des corrections, décider ; classement et exports par appel.",
    action: "Voir les dossiers à instruire",
  },
  {
    href: "/instruction/charte",
    title: "Signatures de la charte",
    description: "Qui a signé quelle version, qui doit encore signer ; relances.",
    action: "Suivre les signatures",
  },
  {
    href: "/instruction/evenements",
    title: "Événements",
    description: "Créer les rencontres et ateliers, suivre inscrits et liste d'attente, exporter, pointer à l'accueil.",
    action: "Gérer les événements",
  },
  {
    href: "/instruction/subventions",
    title: "Subventions",
    description: "Votes, conventions, échéanciers et versements, comptes rendus financiers ; tableau de bord et exports.",
    action: "Suivre les subventions",
  },
  {
    href: "/instruction/pilotage",
    title: "Pilotage du projet social",
    description:
      "Par axe et projet phare : voté, versé, projets, associations, indicateurs (objectif et atteint), tendances ; exports et rapport annuel.",
    action: "Pilotage du projet social",
  },
  {
    href: "/instruction/reseau",
    title: "Réseau : annonces et signalements",
    description: "Signalements des associations à traiter, annonces du réseau à masquer ou afficher de nouveau.",
    action: "Modérer le réseau",
  },
  {
    href: "/instruction/consultations",
    title: "Consultations du réseau",
    description: "Questionnaires aux associations (choix, échelles, réponses libres), ouverts à des dates données ; résultats et export.",
    action: "Gérer les consultations",
  },
  {
    href: "/instruction/actualites",
    title: "Actualités du réseau",
    description: "Écrire les actualités du CCAS pour les associations, les publier, les envoyer par courriel aux membres abonnés.",
    action: "Gérer les actualités",
  },
];
