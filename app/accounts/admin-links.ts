// The administration home's cards; each domain adds its own.
export type AdminLink = { href: string; title: string; description: string; action: string };

export const ADMIN_LINKS: AdminLink[] = [
  {
    href: "/admin/parametres",
    title: "Paramètres du portail",
    description: "Identité du CCAS, logo, communes servies, quartiers, champs d'intervention et publics.",
    action: "Modifier les paramètres",
  },
  {
    href: "/admin/rna",
    title: "Import du RNA",
    description: "Remplir l'annuaire depuis le Répertoire national des associations ; demandes de reprise des fiches.",
    action: "Importer le fichier RNA",
  },
  {
    href: "/admin/comptes",
    title: "Comptes du CCAS",
    description: "Instructeur·rices et administrateur·rices.",
    action: "Gérer les comptes",
  },
  {
    href: "/admin/courriels",
    title: "Courriels envoyés",
    description: "Tous les messages envoyés par le portail.",
    action: "Voir le journal des courriels",
  },
  {
    href: "/admin/appels",
    title: "Appels à projets",
    description: "Rédiger, publier et clore les appels à projets.",
    action: "Gérer les appels à projets",
  },
  {
    href: "/admin/projet-social",
    title: "Projet social",
    description: "La période du projet social, ses axes et ses projets phares, auxquels se rattachent appels et subventions.",
    action: "Gérer le projet social",
  },
  {
    href: "/admin/charte",
    title: "Charte de l'action sociale",
    description: "Écrire, relire et publier les versions de la charte.",
    action: "Rédiger la charte",
  },
];
