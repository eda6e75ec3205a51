// Events and registrations for the seed and the tests.
import type { Db } from "../../app/db.server";
import { slugify } from "../../app/lib/slug";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let counter = 0;

export type EventData = {
  title: string;
  description: string;
  type: "rencontre_annuelle" | "atelier_numerique" | "formation_acces_droits" | "autre";
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  audience: "associations" | "public";
  perAssociationLimit: number | null;
};

/** An event two weeks ahead, registrations open now, unless told otherwise. */
export async function createEvent(db: Db, overrides: Partial<EventData> & { slug?: string } = {}) {
  counter += 1;
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 14 * DAY);
  const title = overrides.title ?? `Atelier de test ${counter}`;
  return db.event.create({
    data: {
      slug: overrides.slug ?? `${slugify(title)}-${Date.now().toString(36)}-${counter}`,
      title,
      description: overrides.description ?? "Un atelier pour les bénévoles des associations.",
      type: overrides.type ?? "atelier_numerique",
      startsAt,
      endsAt: overrides.endsAt ?? new Date(startsAt.getTime() + 2 * HOUR),
      place: overrides.place === undefined ? "Maison France Services, 12 rue Jean Wyrsch, 25000 Besançon" : overrides.place,
      onlineUrl: overrides.onlineUrl ?? null,
      capacity: overrides.capacity ?? 20,
      registrationOpensAt: overrides.registrationOpensAt ?? new Date(Date.now() - DAY),
      registrationClosesAt: overrides.registrationClosesAt ?? new Date(startsAt.getTime() - DAY),
      audience: overrides.audience ?? "associations",
      perAssociationLimit: overrides.perAssociationLimit ?? null,
    },
  });
}

export type RegistrationData = {
  eventId: string;
  associationId?: string | null;
  name: string;
  email: string;
  role?: string | null;
  status: "en_attente_confirmation" | "confirmee" | "liste_attente" | "annulee";
  waitlistPosition?: number | null;
  checkedInAt?: Date | null;
};

/** A registration row as it would stand, without going through the place allocation. */
export async function createRegistration(db: Db, data: RegistrationData) {
  return db.registration.create({
    data: {
      eventId: data.eventId,
      associationId: data.associationId ?? null,
      name: data.name,
      email: data.email.toLowerCase(),
      role: data.role ?? null,
      status: data.status,
      waitlistPosition: data.waitlistPosition ?? null,
      confirmedAt: data.status === "confirmee" ? new Date() : null,
      checkedInAt: data.checkedInAt ?? null,
    },
  });
}
