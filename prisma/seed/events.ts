// Demo data for events: the coming annual meeting of associations (registrations from
// several associations, among them the demo ones), a digital workshop that is full with a
// waiting list, and a past training with its attendance.
import { slugify } from "../../app/lib/slug";
import { createRng } from "../factories/association";
import { createEvent, createRegistration } from "../factories/event";
import type { SeedContext } from "./index";

const DAY = 24 * 3600_000;
const FIRST = [
  "Amina",
  "Bernard",
  "Chloé",
  "David",
  "Élise",
  "Farid",
  "Gaëlle",
  "Hugo",
  "Inès",
  "Jean",
  "Karima",
  "Louis",
  "Maëlys",
  "Nicolas",
  "Océane",
  "Pierre",
  "Rachida",
  "Samuel",
  "Thérèse",
  "Yanis",
];
const LAST = [
  "Martin",
  "Bernard",
  "Petit",
  "Durand",
  "Lefèvre",
  "Moreau",
  "Girard",
  "Benali",
  "Roux",
  "Fontaine",
  "Mercier",
  "Guerin",
  "Boyer",
  "Chevalier",
  "Perrin",
  "Diallo",
  "Faure",
  "Rousseau",
  "Blanc",
  "Garnier",
];
const ROLES = ["Président·e", "Bénévole", "Coordinatrice", "Trésorier", "Salarié·e", "Secrétaire"];

/** A Paris wall-clock time on the day `days` from now (winter/summer offsets handled by Intl). */
function parisDay(days: number, hour: number, minute = 0): Date {
  const day = new Date(Date.now() + days * DAY);
  const ymd = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
  const guess = new Date(`${ymd}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00Z`);
  const parisHour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hour12: false }).format(guess));
  return new Date(guess.getTime() - (parisHour - hour) * 3600_000);
}

export async function seedEvents({ db, associationIds, demoAssociations }: SeedContext) {
  const rng = createRng(2026_06);
  let n = 0;
  const person = () => {
    n += 1;
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    return { name: `${first} ${last}`, email: `${slugify(first)}.${slugify(last)}.${n}@exemple.test`, role: rng.pick(ROLES) };
  };
  const associations = await db.association.findMany({
    where: { id: { in: associationIds }, status: "validated" },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  const others = associations.map((a) => a.id).filter((id) => id !== demoAssociations.epicerie && id !== demoAssociations.toitCommun);

  // 1. The annual meeting of associations, in three weeks.
  const meetingStart = parisDay(21, 9, 30);
  const meeting = await createEvent(db, {
    slug: `rencontre-annuelle-des-associations-${meetingStart.getUTCFullYear()}`,
    title: "Rencontre annuelle des associations de solidarité",
    description:
      "La journée du réseau : bilan de l'année avec le CCAS, ateliers d'échange par thème (isolement, logement, accès aux droits, inclusion numérique), présentation des appels à projets à venir et déjeuner partagé.\n\nOuverte à toutes les associations du réseau, dans la limite de trois personnes par association.",
    type: "rencontre_annuelle",
    startsAt: meetingStart,
    endsAt: parisDay(21, 16, 30),
    place: "Salle des fêtes de Planoise, 1 avenue de l'Île-de-France, 25000 Besançon",
    capacity: 120,
    registrationOpensAt: new Date(Date.now() - 10 * DAY),
    registrationClosesAt: parisDay(18, 18),
    audience: "associations",
    perAssociationLimit: 3,
  });
  const meetingAssociations = [demoAssociations.toitCommun, ...others.slice(0, 11)];
  for (const associationId of meetingAssociations) {
    const count = rng.int(1, 3);
    for (let i = 0; i < count; i++) await createRegistration(db, { eventId: meeting.id, associationId, ...person(), status: "confirmee" });
  }

  // 2. A digital workshop open to the public: full, with a waiting list.
  const workshopStart = parisDay(9, 14);
  const workshop = await createEvent(db, {
    slug: `atelier-numerique-demarches-en-ligne-${workshopStart.getUTCFullYear()}`,
    title: "Atelier numérique : faire ses démarches en ligne",
    description:
      "Créer son compte France Connect, déclarer ses revenus, suivre son dossier CAF. Un atelier pratique avec les conseillers numériques de la Maison France Services, pour les bénévoles et les personnes qu'ils accompagnent.",
    type: "atelier_numerique",
    startsAt: workshopStart,
    endsAt: parisDay(9, 16, 30),
    place: "Maison France Services, 12 rue Jean Wyrsch, 25000 Besançon",
    capacity: 12,
    registrationOpensAt: new Date(Date.now() - 7 * DAY),
    registrationClosesAt: parisDay(8, 12),
    audience: "public",
    perAssociationLimit: 2,
  });
  for (let i = 0; i < 12; i++) {
    const associationId = i < 8 ? others[(i * 3) % others.length] : null;
    await createRegistration(db, { eventId: workshop.id, associationId, ...person(), status: "confirmee" });
  }
  await createRegistration(db, {
    eventId: workshop.id,
    associationId: demoAssociations.epicerie,
    ...person(),
    status: "liste_attente",
    waitlistPosition: 1,
  });
  for (let i = 2; i <= 4; i++)
    await createRegistration(db, { eventId: workshop.id, associationId: null, ...person(), status: "liste_attente", waitlistPosition: i });

  // 3. A past training, with attendance taken at the door.
  const pastStart = parisDay(-45, 9);
  const past = await createEvent(db, {
    slug: `formation-acces-aux-droits-${pastStart.getUTCFullYear()}-${pastStart.getUTCMonth() + 1}`,
    title: "Formation : l'accès aux droits sociaux (RSA, prime d'activité, CSS)",
    description: "Une matinée avec les travailleurs sociaux du CCAS pour repérer les droits non ouverts et orienter les personnes.",
    type: "formation_acces_droits",
    startsAt: pastStart,
    endsAt: parisDay(-45, 12, 30),
    place: "CCAS de Besançon, 13 rue Mégevand, 25000 Besançon",
    capacity: 25,
    registrationOpensAt: new Date(Date.now() - 80 * DAY),
    registrationClosesAt: parisDay(-46, 18),
    audience: "associations",
    perAssociationLimit: null,
  });
  for (let i = 0; i < 20; i++) {
    const associationId = [demoAssociations.epicerie, demoAssociations.toitCommun, ...others][i % (others.length + 2)];
    await createRegistration(db, {
      eventId: past.id,
      associationId,
      ...person(),
      status: i < 18 ? "confirmee" : "annulee",
      checkedInAt: i < 15 ? new Date(pastStart.getTime() + rng.int(0, 20) * 60_000) : null,
    });
  }
}
