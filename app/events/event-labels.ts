// Event vocabulary and its French labels, free of zod so public pages that only show
// events do not ship the form schemas to the browser.
export const EVENT_TYPES = ["rencontre_annuelle", "atelier_numerique", "formation_acces_droits", "autre"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  rencontre_annuelle: "Rencontre annuelle des associations",
  atelier_numerique: "Atelier numérique",
  formation_acces_droits: "Formation accès aux droits",
  autre: "Autre",
};

export const EVENT_AUDIENCES = ["associations", "public"] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_AUDIENCE_LABELS: Record<EventAudience, string> = {
  associations: "Réservé aux associations du réseau",
  public: "Ouvert au public",
};

export const REGISTRATION_STATUSES = ["en_attente_confirmation", "confirmee", "liste_attente", "annulee"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  en_attente_confirmation: "En attente de confirmation de l'adresse e-mail",
  confirmee: "Confirmée",
  liste_attente: "Liste d'attente",
  annulee: "Annulée",
};

export function eventTypeLabel(type: string) {
  return EVENT_TYPE_LABELS[type as EventType] ?? type;
}
