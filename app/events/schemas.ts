// Events: the staff form (create / edit) and the two registration forms (members of an
// association, the public). The same schemas run in the browser and in the actions.
import * as z from "zod";
import { emailSchema, nameText, optional, optionalText, parisDateTime, requiredText, urlSchema } from "~/lib/validation";

export {
  EVENT_AUDIENCE_LABELS,
  EVENT_AUDIENCES,
  EVENT_TYPE_LABELS,
  EVENT_TYPES,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  type EventAudience,
  type EventType,
  type RegistrationStatus,
} from "~/events/event-labels";
import { EVENT_AUDIENCES, EVENT_TYPES } from "~/events/event-labels";
import { MAX_PARTICIPANTS_PER_FORM } from "~/lib/limits";

const positiveInt = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: `${label} : ce champ est obligatoire.` })
      .min(1, `${label} : ce champ est obligatoire.`)
      .regex(/^\d+$/, `${label} : indiquez un nombre entier.`)
      .transform(Number)
      .pipe(z.number().int().min(1, `${label} : au moins 1.`).max(max, `${label} : ${max} au maximum.`)),
  );

export const eventSchema = z
  .object({
    title: nameText("Titre", 150),
    description: requiredText("Description", 5000),
    type: z.enum(EVENT_TYPES, { error: "Type : choisissez un type dans la liste." }),
    startsAt: parisDateTime("Début"),
    endsAt: parisDateTime("Fin"),
    place: optionalText("Lieu", 300),
    onlineUrl: optional(urlSchema),
    capacity: positiveInt("Nombre de places", 10_000),
    registrationOpensAt: parisDateTime("Ouverture des inscriptions"),
    registrationClosesAt: parisDateTime("Clôture des inscriptions"),
    audience: z.enum(EVENT_AUDIENCES, { error: "Public : choisissez à qui l'événement est ouvert." }),
    perAssociationLimit: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      positiveInt("Places par association", 10_000).optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.endsAt <= v.startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Fin : l'événement doit finir après son début." });
    if (v.registrationClosesAt <= v.registrationOpensAt)
      ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "Clôture des inscriptions : elle doit suivre l'ouverture." });
    if (v.registrationClosesAt > v.endsAt)
      ctx.addIssue({
        code: "custom",
        path: ["registrationClosesAt"],
        message: "Clôture des inscriptions : au plus tard à la fin de l'événement.",
      });
    if (!v.place && !v.onlineUrl)
      ctx.addIssue({ code: "custom", path: ["place"], message: "Lieu : indiquez une adresse ou un lien de participation en ligne." });
  });

export type EventInput = z.output<typeof eventSchema>;

export { MAX_PARTICIPANTS_PER_FORM };

const participantSchema = z.object({
  name: nameText("Nom du ou de la participant·e", 120),
  email: emailSchema,
  role: optionalText("Fonction", 100),
  accessibilityNeeds: optionalText("Besoins d'accessibilité", 500),
});

const isBlankRow = (row: unknown) =>
  typeof row === "object" &&
  row !== null &&
  Object.values(row).every((v) => v === undefined || v === null || (typeof v === "string" && v.trim() === ""));

/** A member registers one or more people of their association (blank rows are ignored). */
export const associationRegistrationSchema = z.object({
  associationId: z.string({ error: "Association : choisissez l'association." }).min(1, "Association : choisissez l'association."),
  participants: z.preprocess(
    (v) => (Array.isArray(v) ? v.filter((row) => !isBlankRow(row)) : v),
    z.array(participantSchema).min(1, "Indiquez au moins un·e participant·e.").max(MAX_PARTICIPANTS_PER_FORM),
  ),
});
export type AssociationRegistrationInput = z.output<typeof associationRegistrationSchema>;

/** Anyone registers for a public event with an e-mail address, confirmed by a link. */
export const publicRegistrationSchema = z.object({
  name: nameText("Votre nom", 120),
  email: emailSchema,
  accessibilityNeeds: optionalText("Besoins d'accessibilité", 500),
});
export type PublicRegistrationInput = z.output<typeof publicRegistrationSchema>;

/** FormData keys such as `participants.0.name` → `{ participants: [{ name }] }`. */
export function nestParticipants(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(values)) {
    const m = /^participants\.(\d+)\.(\w+)$/.exec(key);
    if (m) {
      const index = Number(m[1]);
      if (index >= MAX_PARTICIPANTS_PER_FORM) continue;
      rows[index] ??= {};
      rows[index][m[2]] = value;
    } else out[key] = value;
  }
  out.participants = Array.from(rows, (r) => r ?? {});
  return out;
}
