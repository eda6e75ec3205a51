// The dossier (Cerfa n°12156*06) as ordered steps, each declaring its fields once: the form
// renders them, the schemas validate them.
import { PROJECT_BUDGET_STEP } from "~/dossiers/budget";
import type { StepDef, StepKey } from "~/dossiers/field-schemas";
import { choiceOptions, type TaxonomyChoices } from "~/settings/taxonomy-choices";

const YES_NO = [
  { value: "non", label: "Non" },
  { value: "oui", label: "Oui" },
] as const;

export const DOSSIER_STEP_DEFS: StepDef[] = [
  {
    key: "identification",
    label: "Identification de l'association",
    intro: "Repris de la fiche de l'association : vérifiez et complétez.",
    fields: [
      { name: "name", label: "Nom de l'association", kind: "text", required: true, isName: true },
      { name: "acronym", label: "Sigle", kind: "text" },
      { name: "rna", label: "Numéro RNA", kind: "text", required: true, hint: "W suivi de 9 caractères." },
      { name: "siret", label: "SIRET", kind: "text", required: true, hint: "14 chiffres." },
      { name: "address", label: "Adresse du siège", kind: "text", required: true },
      { name: "postcode", label: "Code postal", kind: "text", required: true },
      { name: "city", label: "Commune", kind: "text", required: true },
      { name: "email", label: "Courriel de l'association", kind: "email", required: true },
      { name: "phone", label: "Téléphone de l'association", kind: "tel" },
      {
        name: "representativeName",
        label: "Représentant·e légal·e : nom et prénom",
        kind: "text",
        required: true,
        isName: true,
        group: "Représentant·e légal·e",
      },
      { name: "representativeRole", label: "Représentant·e légal·e : fonction", kind: "text", required: true },
      {
        name: "contactName",
        label: "Personne chargée du dossier : nom et prénom",
        kind: "text",
        required: true,
        isName: true,
        group: "Personne chargée du dossier",
      },
      { name: "contactEmail", label: "Personne chargée du dossier : courriel", kind: "email", required: true },
      { name: "contactPhone", label: "Personne chargée du dossier : téléphone", kind: "tel" },
    ],
  },
  {
    key: "administration",
    label: "Relations avec l'administration",
    fields: [
      {
        name: "agrements",
        label: "Agréments administratifs (type, autorité, date)",
        kind: "textarea",
        hint: "Un par ligne. Laissez vide si aucun.",
      },
      {
        name: "utilitePublique",
        label: "Reconnue d'utilité publique",
        kind: "select",
        required: true,
        options: YES_NO,
      },
      {
        name: "utilitePubliqueDate",
        label: "Date de publication au Journal officiel",
        kind: "date",
        hint: "Si l'association est reconnue d'utilité publique.",
      },
      {
        name: "commissaireComptes",
        label: "L'association a un commissaire aux comptes",
        kind: "select",
        required: true,
        options: YES_NO,
      },
    ],
  },
  {
    key: "reseaux",
    label: "Relations avec d'autres associations",
    fields: [
      {
        name: "federations",
        label: "Réseaux, unions ou fédérations auxquels l'association adhère",
        kind: "textarea",
        hint: "Un par ligne. Laissez vide si aucun.",
      },
      { name: "partenaires", label: "Associations partenaires du projet", kind: "textarea" },
    ],
  },
  {
    key: "ressources_humaines",
    label: "Ressources humaines",
    intro: "Au 31 décembre de l'année écoulée.",
    fields: [
      { name: "adherents", label: "Nombre d'adhérent·es", kind: "integer", required: true },
      {
        name: "benevoles",
        label: "Nombre de bénévoles",
        kind: "integer",
        required: true,
        hint: "Personnes contribuant régulièrement à l'activité, sans rémunération.",
      },
      {
        name: "volontaires",
        label: "Nombre de volontaires",
        kind: "integer",
        required: true,
        hint: "Service civique ou autre volontariat.",
      },
      { name: "salaries", label: "Nombre de salarié·es", kind: "integer", required: true },
      {
        name: "etpt",
        label: "Salarié·es en équivalent temps plein travaillé (ETPT)",
        kind: "decimal",
        required: true,
        hint: "Par exemple 2,5.",
      },
      { name: "misADisposition", label: "Personnels mis à disposition", kind: "integer" },
    ],
  },
  {
    key: "budget_association",
    label: "Budget prévisionnel de l'association",
    fields: [
      { name: "exercice", label: "Exercice", kind: "integer", required: true, hint: "Année, par exemple 2026." },
      { name: "totalCharges", label: "Total des charges", kind: "money", required: true },
      { name: "totalProduits", label: "Total des produits", kind: "money", required: true },
      { name: "subventionsPubliques", label: "Dont subventions publiques", kind: "money" },
      { name: "contributionsNature", label: "Contributions volontaires en nature", kind: "money" },
    ],
  },
  {
    key: "projet",
    label: "Le projet",
    fields: [
      { name: "title", label: "Intitulé du projet", kind: "text", required: true, isName: true },
      { name: "objectives", label: "Objectifs", kind: "textarea", required: true },
      {
        name: "description",
        label: "Description",
        kind: "textarea",
        required: true,
        hint: "Contenu des actions, calendrier, partenariats.",
      },
      { name: "fields", label: "Champs d'intervention du projet", kind: "multi", required: true, taxonomy: "field" },
      { name: "publics", label: "Publics visés", kind: "multi", required: true, taxonomy: "public" },
      { name: "beneficiaries", label: "Nombre de bénéficiaires attendus", kind: "integer", required: true },
      { name: "territory", label: "Territoire", kind: "select", required: true, taxonomy: "district" },
      { name: "means", label: "Moyens matériels et humains mobilisés", kind: "textarea", required: true },
      { name: "startDate", label: "Date de début", kind: "date", required: true },
      { name: "durationMonths", label: "Durée (en mois)", kind: "integer", required: true },
      {
        name: "indicators",
        label: "Indicateurs d'évaluation",
        kind: "textarea",
        required: true,
        hint: "Comment mesurerez-vous les résultats ?",
      },
    ],
  },
  {
    key: "indicateurs",
    label: "Indicateurs et objectifs",
    intro:
      "Pour chaque indicateur de l'appel, l'objectif que le projet se donne ; vous pouvez ajouter vos propres indicateurs. Les valeurs atteintes seront demandées dans le compte rendu financier.",
    fields: [],
  },
  PROJECT_BUDGET_STEP,
  {
    key: "pieces",
    label: "Pièces jointes",
    intro: "PDF, JPEG ou PNG, 10 Mo au plus par fichier. Les documents de l'association sont gardés dans son espace et réutilisables.",
    fields: [],
  },
  {
    key: "declaration",
    label: "Déclaration sur l'honneur",
    intro: "Seul·e le ou la représentant·e légal·e de l'association peut signer.",
    fields: [
      {
        name: "engagementRepublicain",
        label: "L'association souscrit au contrat d'engagement républicain",
        kind: "checkbox",
        required: true,
      },
      {
        name: "regularite",
        label: "L'association est à jour de ses obligations administratives, comptables, sociales et fiscales",
        kind: "checkbox",
        required: true,
      },
      { name: "exactitude", label: "Les informations du dossier sont exactes et sincères", kind: "checkbox", required: true },
      { name: "montant", label: "Je demande au CCAS la subvention indiquée dans le budget du projet", kind: "checkbox", required: true },
    ],
  },
];

/** The ordered steps, for every screen that lists or renders the dossier. */
export const DOSSIER_STEPS: readonly { key: StepKey; label: string }[] = DOSSIER_STEP_DEFS.map(({ key, label }) => ({ key, label }));
export const STEP_KEYS = DOSSIER_STEPS.map((s) => s.key);
/** A step as its form shows it: the taxonomy fields get their options from the choices the loader sent. */
export function withChoices(def: StepDef, choices: TaxonomyChoices): StepDef {
  return { ...def, fields: def.fields.map((f) => (f.taxonomy ? { ...f, options: choiceOptions(choices[f.taxonomy]) } : f)) };
}

export function stepDef(key: string): StepDef | undefined {
  return DOSSIER_STEP_DEFS.find((s) => s.key === key);
}
export function isStepKey(key: string): key is StepKey {
  return STEP_KEYS.includes(key as StepKey);
}
