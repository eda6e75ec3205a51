// The network between associations, for tests and the seed:
// `createNetworkPost(db, associationId, { kind: "offre" })`, `createConsultation(db, { questions: [...] })`.
import type { Db } from "../../app/db.server";

const DAY = 24 * 3600_000;
let counter = 0;

/** Today + n days as a calendar day (00:00 UTC), as posts store their last day. */
export function calendarDayFromNow(days: number) {
  const d = new Date(Date.now() + days * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export type NetworkPostData = {
  kind?: "besoin" | "offre";
  category?: "benevoles" | "locaux" | "materiel" | "alimentaire" | "competences" | "partenariat";
  title?: string;
  body?: string;
  fieldSlug?: string;
  districtSlug?: string;
  endsOn?: Date;
  authorId?: string | null;
  createdAt?: Date;
};

/** An open need ending in 30 days, unless told otherwise. */
export async function createNetworkPost(db: Db, associationId: string, data: NetworkPostData = {}) {
  counter += 1;
  return db.networkPost.create({
    data: {
      associationId,
      authorId: data.authorId ?? null,
      kind: data.kind ?? "besoin",
      category: data.category ?? "benevoles",
      title: data.title ?? `Besoin de test ${counter}`,
      body: data.body ?? "Nous cherchons deux bénévoles le samedi matin pour la distribution.",
      fieldSlug: data.fieldSlug ?? "aide-alimentaire",
      districtSlug: data.districtSlug ?? "planoise",
      endsOn: data.endsOn ?? calendarDayFromNow(30),
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
    },
  });
}

export type ConsultationQuestionData = {
  kind: "single" | "multiple" | "scale" | "text";
  label: string;
  required?: boolean;
  options?: string[];
  scaleMin?: number;
  scaleMax?: number;
};

/** A published consultation open now for two weeks, with the questions given (choices get ids c1, c2…). */
export async function createConsultation(
  db: Db,
  data: {
    title?: string;
    opensAt?: Date;
    closesAt?: Date;
    published?: boolean;
    eventId?: string;
    questions?: ConsultationQuestionData[];
  } = {},
) {
  counter += 1;
  const questions = data.questions ?? [
    { kind: "single", label: "Avez-vous participé à la rencontre annuelle ?", options: ["Oui", "Non"], required: true },
    { kind: "text", label: "Vos attentes pour l'année à venir" },
  ];
  return db.consultation.create({
    data: {
      title: data.title ?? `Consultation de test ${counter}`,
      opensAt: data.opensAt ?? new Date(Date.now() - DAY),
      closesAt: data.closesAt ?? new Date(Date.now() + 14 * DAY),
      publishedAt: data.published === false ? null : new Date(),
      eventId: data.eventId ?? null,
      questions: {
        create: questions.map((q, position) => ({
          position,
          kind: q.kind,
          label: q.label,
          required: q.required ?? false,
          options: (q.options ?? []).map((label, i) => ({ id: `c${i + 1}`, label })),
          scaleMin: q.kind === "scale" ? (q.scaleMin ?? 1) : null,
          scaleMax: q.kind === "scale" ? (q.scaleMax ?? 5) : null,
        })),
      },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
}
