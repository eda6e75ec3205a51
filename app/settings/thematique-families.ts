// The families of the data·inclusion thématiques (the part of a value before "--"), in French,
// for the forms that list them. Browser-safe.
import { thematiqueFamily, type DataInclusionValue } from "~/settings/data-inclusion";

export const THEMATIQUE_FAMILY_LABELS: Record<string, string> = {
  "choisir-un-metier": "Choisir un métier",
  "creer-une-entreprise": "Créer une entreprise",
  "difficultes-administratives-ou-juridiques": "Difficultés administratives ou juridiques",
  "difficultes-financieres": "Difficultés financières",
  "equipement-et-alimentation": "Équipement et alimentation",
  famille: "Famille",
  "lecture-ecriture-calcul": "Lecture, écriture, calcul",
  "logement-hebergement": "Logement, hébergement",
  mobilite: "Mobilité",
  numerique: "Numérique",
  "preparer-sa-candidature": "Préparer sa candidature",
  remobilisation: "Remobilisation",
  sante: "Santé",
  "se-former": "Se former",
  "souvrir-a-linternational": "S'ouvrir à l'international",
  "trouver-un-emploi": "Trouver un emploi",
};

/** "Santé – Santé mentale": the family first, so that the list reads grouped. */
export function thematiqueOption(t: DataInclusionValue) {
  const family = thematiqueFamily(t.value);
  return { value: t.value, label: `${THEMATIQUE_FAMILY_LABELS[family] ?? family} – ${t.label}` };
}
