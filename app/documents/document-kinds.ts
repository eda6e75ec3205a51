// The kinds of supporting documents and their labels, free of zod so that public pages
// listing a call's required documents do not ship the form schemas.
export const DOCUMENT_KINDS = [
  { value: "statuts", label: "Statuts de l'association" },
  { value: "rib", label: "Relevé d'identité bancaire (RIB)" },
  { value: "comptes", label: "Derniers comptes approuvés" },
  { value: "rapport_activite", label: "Dernier rapport d'activité" },
  { value: "pouvoir", label: "Pouvoir du signataire (s'il n'est pas le représentant légal)" },
  { value: "autre", label: "Autre pièce" },
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]["value"];
export const DOCUMENT_KIND_VALUES = DOCUMENT_KINDS.map((k) => k.value) as [DocumentKind, ...DocumentKind[]];
export function documentKindLabel(kind: string) {
  return DOCUMENT_KINDS.find((k) => k.value === kind)?.label ?? kind;
}
