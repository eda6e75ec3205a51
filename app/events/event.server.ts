// Events and registrations: capacity, waiting list, promotion on cancellation, e-mails
// with an iCalendar invitation and a signed cancellation link, check-in, exports.
//
// Capacity rule: every registration that takes a place is decided inside one write
// transaction that starts by writing (so SQLite hands it the write lock before it reads),
// counts the confirmed registrations, then inserts "confirmee" or "liste_attente" with the
// next waiting-list position. Writers are serialised, so the count cannot be stale.
//
// Public registrations: they wait for the e-mail address to be confirmed and hold no place
// until then (status en_attente_confirmation). The confirmation link is valid
// CONFIRMATION_TTL_MS and only while registrations are open; at confirmation the place is
// allocated like any other (confirmed or waiting list, whichever is free at that moment).
//
// Per-association limit: confirmed and waiting-list registrations of one association count
// together against Event.perAssociationLimit.
import { createHmac, timingSafeEqual } from "node:crypto";
import ExcelJS from "exceljs";
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from "ical-generator";
import { prisma, writeTransaction, type Db, type Tx } from "~/db.server";
import { getEnv } from "~/env.server";
import { formatDateTime, formatLongDate } from "~/lib/format";
import { addXlsxRow, toCsv } from "~/lib/spreadsheet.server";
import { slugify } from "~/lib/slug";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import type { SpaceLink } from "~/associations/member-space.server";
import {
  EVENT_TYPE_LABELS,
  REGISTRATION_STATUS_LABELS,
  type AssociationRegistrationInput,
  type EventInput,
  type EventType,
  type PublicRegistrationInput,
  type RegistrationStatus,
} from "~/events/schemas";

export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;
/** Waiting for the write lock behind many concurrent registrations must not fail them. */
const RESERVED_SLUGS = new Set(["archives", "annulation", "confirmation", "nouveau"]);

// ── Reading events ─────────────────────────────────────────────────

export const eventPublicSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  type: true,
  startsAt: true,
  endsAt: true,
  place: true,
  onlineUrl: true,
  capacity: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  audience: true,
  perAssociationLimit: true,
  updatedAt: true,
} as const;

export type PublicEvent = {
  id: string;
  slug: string;
  title: string;
  description: string;
  type: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  audience: string;
  perAssociationLimit: number | null;
};

export type RegistrationWindow = "pas_encore_ouvertes" | "ouvertes" | "closes";

export function registrationWindow(
  event: Pick<PublicEvent, "registrationOpensAt" | "registrationClosesAt">,
  now = new Date(),
): RegistrationWindow {
  if (now < event.registrationOpensAt) return "pas_encore_ouvertes";
  if (now >= event.registrationClosesAt) return "closes";
  return "ouvertes";
}

async function confirmedCounts(eventIds: string[]) {
  const rows = await prisma.registration.groupBy({
    by: ["eventId", "status"],
    where: { eventId: { in: eventIds }, status: { in: ["confirmee", "liste_attente"] } },
    _count: { _all: true },
  });
  const out: Record<string, { confirmed: number; waiting: number }> = {};
  for (const id of eventIds) out[id] = { confirmed: 0, waiting: 0 };
  for (const r of rows) {
    if (r.status === "confirmee") out[r.eventId].confirmed = r._count._all;
    else out[r.eventId].waiting = r._count._all;
  }
  return out;
}

function withPlaces<E extends { id: string; capacity: number }>(
  events: E[],
  counts: Record<string, { confirmed: number; waiting: number }>,
) {
  return events.map((e) => ({
    ...e,
    confirmed: counts[e.id].confirmed,
    waiting: counts[e.id].waiting,
    placesLeft: Math.max(0, e.capacity - counts[e.id].confirmed),
  }));
}

/** Upcoming events (not yet ended), soonest first; past ones for the archive. */
export async function listEvents({ past = false, now = new Date() }: { past?: boolean; now?: Date } = {}) {
  const events = await prisma.event.findMany({
    where: past ? { endsAt: { lt: now } } : { endsAt: { gte: now } },
    orderBy: { startsAt: past ? "desc" : "asc" },
    select: eventPublicSelect,
    take: 200,
  });
  return withPlaces(events, await confirmedCounts(events.map((e) => e.id)));
}

export async function getEventBySlug(slug: string) {
  const event = await prisma.event.findUnique({ where: { slug }, select: eventPublicSelect });
  if (!event) return null;
  return withPlaces([event], await confirmedCounts([event.id]))[0];
}

export async function getEventById(id: string) {
  const event = await prisma.event.findUnique({ where: { id }, select: eventPublicSelect });
  if (!event) return null;
  return withPlaces([event], await confirmedCounts([event.id]))[0];
}

// ── Staff: creating and editing ────────────────────────────────────

export async function uniqueEventSlug(title: string, startsAt: Date, db: Pick<Db, "event"> = prisma): Promise<string> {
  const base = `${slugify(title) || "evenement"}-${startsAt.getUTCFullYear()}`.replace(/^-/, "");
  for (let i = 0; i < 1000; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    if (RESERVED_SLUGS.has(candidate)) continue;
    const taken = await db.event.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  throw new Error("Impossible de trouver une adresse libre pour cet événement.");
}

function eventColumns(input: EventInput) {
  return {
    title: input.title,
    description: input.description,
    type: input.type,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place ?? null,
    onlineUrl: input.onlineUrl ?? null,
    capacity: input.capacity,
    registrationOpensAt: input.registrationOpensAt,
    registrationClosesAt: input.registrationClosesAt,
    audience: input.audience,
    perAssociationLimit: input.perAssociationLimit ?? null,
  };
}

export async function createEvent(input: EventInput, actor: { id: string }) {
  return writeTransaction(async (tx) => {
    const event = await tx.event.create({
      data: { ...eventColumns(input), slug: await uniqueEventSlug(input.title, input.startsAt, tx) },
      select: { id: true, slug: true },
    });
    await tx.auditEvent.create({ data: { entityType: "event", entityId: event.id, actorId: actor.id, action: "creation" } });
    return event;
  });
}

export class CapacityBelowConfirmedError extends Error {
  constructor(public confirmed: number) {
    super(`Nombre de places : ${confirmed} personnes sont déjà confirmées, la capacité ne peut pas descendre en dessous.`);
  }
}

/** Edits an event; a larger capacity promotes people from the waiting list at once. */
export async function updateEvent(id: string, input: EventInput, actor: { id: string }) {
  const promoted = await writeTransaction(async (tx) => {
    await lockEvent(tx, id);
    const confirmed = await tx.registration.count({ where: { eventId: id, status: "confirmee" } });
    if (input.capacity < confirmed) throw new CapacityBelowConfirmedError(confirmed);
    await tx.event.update({ where: { id }, data: eventColumns(input) });
    await tx.auditEvent.create({ data: { entityType: "event", entityId: id, actorId: actor.id, action: "modification" } });
    const promoted = await promoteFromWaitingList(tx, id, input.capacity - confirmed);
    for (const registrationId of promoted) await queuePromotionMail(tx, registrationId);
    return promoted;
  });
  void kickMailQueue();
  return { promoted: promoted.length };
}

// ── Places: the heart of it ────────────────────────────────────────

/**
 * The first statement of every place-deciding transaction is a write: SQLite then gives
 * this transaction the write lock before anything is read, so two transactions can never
 * both count the same free place.
 */
async function lockEvent(tx: Tx, eventId: string) {
  await tx.$executeRaw`UPDATE "Event" SET "capacity" = "capacity" WHERE "id" = ${eventId}`;
}

async function nextWaitlistPosition(tx: Tx, eventId: string) {
  const agg = await tx.registration.aggregate({ where: { eventId, status: "liste_attente" }, _max: { waitlistPosition: true } });
  return (agg._max.waitlistPosition ?? 0) + 1;
}

/** Gives a place to up to `free` people from the top of the waiting list; returns their ids. */
async function promoteFromWaitingList(tx: Tx, eventId: string, free: number): Promise<string[]> {
  if (free <= 0) return [];
  const waiting = await tx.registration.findMany({
    where: { eventId, status: "liste_attente" },
    orderBy: [{ waitlistPosition: "asc" }, { createdAt: "asc" }],
    take: free,
    select: { id: true },
  });
  if (waiting.length === 0) return [];
  const now = new Date();
  for (const w of waiting) {
    await tx.registration.update({ where: { id: w.id }, data: { status: "confirmee", waitlistPosition: null, confirmedAt: now } });
  }
  await renumberWaitingList(tx, eventId);
  return waiting.map((w) => w.id);
}

/** Positions stay 1..n in order after someone leaves the list or is promoted. */
async function renumberWaitingList(tx: Tx, eventId: string) {
  const rest = await tx.registration.findMany({
    where: { eventId, status: "liste_attente" },
    orderBy: [{ waitlistPosition: "asc" }, { createdAt: "asc" }],
    select: { id: true, waitlistPosition: true },
  });
  for (const [i, r] of rest.entries()) {
    if (r.waitlistPosition !== i + 1) await tx.registration.update({ where: { id: r.id }, data: { waitlistPosition: i + 1 } });
  }
}

export type RegistrationErrorCode =
  "introuvable" | "pas_encore_ouvertes" | "closes" | "limite_association" | "deja_inscrit" | "reserve_associations";

export class RegistrationError extends Error {
  constructor(
    public code: RegistrationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function assertOpen(event: { registrationOpensAt: Date; registrationClosesAt: Date }, now: Date) {
  const window = registrationWindow(event, now);
  if (window === "pas_encore_ouvertes") throw new RegistrationError("pas_encore_ouvertes", "Les inscriptions ne sont pas encore ouvertes.");
  if (window === "closes") throw new RegistrationError("closes", "Les inscriptions à cet événement sont closes.");
}

async function assertNotRegistered(tx: Tx, eventId: string, emails: string[], exceptId?: string) {
  const dup = await tx.registration.findFirst({
    where: {
      eventId,
      email: { in: emails },
      status: { in: ["confirmee", "liste_attente"] },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { email: true },
  });
  if (dup) throw new RegistrationError("deja_inscrit", `${dup.email} est déjà inscrit·e à cet événement.`);
}

export type Allocated = { id: string; name: string; email: string; status: RegistrationStatus; waitlistPosition: number | null };

/** A member registers people of their association; each gets a place or a waiting-list position. */
export async function registerForAssociation(
  input: { eventId: string; associationId: string; registeredById: string; participants: AssociationRegistrationInput["participants"] },
  { now = new Date() }: { now?: Date } = {},
): Promise<Allocated[]> {
  const emails = input.participants.map((p) => p.email);
  if (new Set(emails).size !== emails.length) throw new RegistrationError("deja_inscrit", "La même adresse e-mail apparaît deux fois.");
  const created = await writeTransaction(async (tx) => {
    await lockEvent(tx, input.eventId);
    const event = await tx.event.findUnique({
      where: { id: input.eventId },
      select: { capacity: true, registrationOpensAt: true, registrationClosesAt: true, perAssociationLimit: true },
    });
    if (!event) throw new RegistrationError("introuvable", "Cet événement n'existe pas.");
    assertOpen(event, now);
    if (event.perAssociationLimit !== null) {
      const already = await tx.registration.count({
        where: { eventId: input.eventId, associationId: input.associationId, status: { in: ["confirmee", "liste_attente"] } },
      });
      if (already + input.participants.length > event.perAssociationLimit) {
        const left = Math.max(0, event.perAssociationLimit - already);
        throw new RegistrationError(
          "limite_association",
          `Chaque association peut inscrire ${event.perAssociationLimit} personne(s) au plus ; il en reste ${left} pour la vôtre.`,
        );
      }
    }
    await assertNotRegistered(tx, input.eventId, emails);
    let confirmed = await tx.registration.count({ where: { eventId: input.eventId, status: "confirmee" } });
    let position = await nextWaitlistPosition(tx, input.eventId);
    const out: Allocated[] = [];
    for (const p of input.participants) {
      const hasPlace = confirmed < event.capacity;
      const row = await tx.registration.create({
        data: {
          eventId: input.eventId,
          associationId: input.associationId,
          registeredById: input.registeredById,
          name: p.name,
          email: p.email,
          role: p.role ?? null,
          accessibilityNeeds: p.accessibilityNeeds ?? null,
          status: hasPlace ? "confirmee" : "liste_attente",
          waitlistPosition: hasPlace ? null : position,
          confirmedAt: hasPlace ? now : null,
        },
        select: { id: true, name: true, email: true, status: true, waitlistPosition: true },
      });
      if (hasPlace) confirmed++;
      else position++;
      out.push({ ...row, status: row.status as RegistrationStatus });
    }
    for (const r of out) await queueAllocationMail(tx, r.id);
    return out;
  });
  void kickMailQueue();
  return created;
}

/** Anyone, for a public event: recorded, then confirmed by the link sent to the address. */
export async function registerPublic(eventId: string, input: PublicRegistrationInput, { now = new Date() }: { now?: Date } = {}) {
  const registration = await writeTransaction(async (tx) => {
    await lockEvent(tx, eventId);
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: { title: true, startsAt: true, audience: true, registrationOpensAt: true, registrationClosesAt: true },
    });
    if (!event) throw new RegistrationError("introuvable", "Cet événement n'existe pas.");
    if (event.audience !== "public")
      throw new RegistrationError("reserve_associations", "Cet événement est réservé aux associations du réseau.");
    assertOpen(event, now);
    await assertNotRegistered(tx, eventId, [input.email]);
    const created = await tx.registration.create({
      data: {
        eventId,
        name: input.name,
        email: input.email,
        accessibilityNeeds: input.accessibilityNeeds ?? null,
        status: "en_attente_confirmation",
      },
      select: { id: true, email: true, name: true, createdAt: true },
    });
    const token = signConfirmation(created.id, now.getTime() + CONFIRMATION_TTL_MS);
    await enqueueMail(tx, {
      to: created.email,
      subject: `Confirmez votre inscription : ${event.title}`,
      text: [
        `Bonjour ${created.name},`,
        "",
        `Vous avez demandé à vous inscrire à « ${event.title} » (${formatLongDate(event.startsAt)}).`,
        "Pour confirmer votre adresse e-mail et votre inscription, ouvrez ce lien dans les 48 heures :",
        absoluteUrl(`/evenements/confirmation/${token}`),
        "",
        "Tant que l'adresse n'est pas confirmée, aucune place ne vous est réservée.",
        "Si vous n'avez rien demandé, ignorez ce message.",
      ].join("\n"),
    });
    return created;
  });
  void kickMailQueue();
  return registration;
}

export async function confirmPublicRegistration(token: string, { now = new Date() }: { now?: Date } = {}): Promise<Allocated | null> {
  const claim = verifyConfirmation(token, now);
  if (!claim) return null;
  const result = await writeTransaction(async (tx) => {
    const current = await tx.registration.findUnique({ where: { id: claim }, select: { eventId: true } });
    if (!current) return null;
    await lockEvent(tx, current.eventId);
    const reg = await tx.registration.findUniqueOrThrow({
      where: { id: claim },
      select: {
        id: true,
        name: true,
        email: true,
        status: true,
        waitlistPosition: true,
        event: { select: { capacity: true, registrationOpensAt: true, registrationClosesAt: true } },
      },
    });
    if (reg.status !== "en_attente_confirmation") return { ...reg, status: reg.status as RegistrationStatus, fresh: false };
    assertOpen(reg.event, now);
    await assertNotRegistered(tx, current.eventId, [reg.email], reg.id);
    const confirmed = await tx.registration.count({ where: { eventId: current.eventId, status: "confirmee" } });
    const hasPlace = confirmed < reg.event.capacity;
    const updated = await tx.registration.update({
      where: { id: reg.id },
      data: hasPlace
        ? { status: "confirmee", confirmedAt: now }
        : { status: "liste_attente", waitlistPosition: await nextWaitlistPosition(tx, current.eventId) },
      select: { id: true, name: true, email: true, status: true, waitlistPosition: true },
    });
    await queueAllocationMail(tx, updated.id);
    return { ...updated, status: updated.status as RegistrationStatus, fresh: true };
  });
  if (!result) return null;
  if (result.fresh) void kickMailQueue();
  const { fresh: _fresh, ...allocated } = result;
  return allocated;
}

// ── Cancelling ─────────────────────────────────────────────────────

export type CancelResult = { cancelled: boolean; eventSlug: string; promotedId: string | null };

/** Cancels one registration; a freed place goes to the first person waiting, in the same transaction. */
async function cancelRegistration(where: { id: string; associationId?: string }): Promise<CancelResult | null> {
  const result = await writeTransaction(async (tx) => {
    const reg = await tx.registration.findFirst({ where, select: { id: true, eventId: true } });
    if (!reg) return null;
    await lockEvent(tx, reg.eventId);
    const current = await tx.registration.findUniqueOrThrow({
      where: { id: reg.id },
      select: { status: true, event: { select: { slug: true, capacity: true, endsAt: true } } },
    });
    if (current.status === "annulee") return { cancelled: false, eventSlug: current.event.slug, promotedId: null };
    await tx.registration.update({ where: { id: reg.id }, data: { status: "annulee", cancelledAt: new Date(), waitlistPosition: null } });
    let promoted: string[] = [];
    if (current.status === "confirmee" && current.event.endsAt > new Date()) {
      const confirmed = await tx.registration.count({ where: { eventId: reg.eventId, status: "confirmee" } });
      promoted = await promoteFromWaitingList(tx, reg.eventId, current.event.capacity - confirmed);
    } else if (current.status === "liste_attente") {
      await renumberWaitingList(tx, reg.eventId);
    }
    if (current.status !== "en_attente_confirmation") await queueCancellationMail(tx, reg.id);
    for (const id of promoted) await queuePromotionMail(tx, id);
    return { cancelled: true, eventSlug: current.event.slug, promotedId: promoted[0] ?? null };
  });
  if (!result) return null;
  if (result.cancelled) void kickMailQueue();
  return { cancelled: result.cancelled, eventSlug: result.eventSlug, promotedId: result.promotedId };
}

export async function cancelByToken(token: string): Promise<CancelResult | null> {
  const id = verifyCancellation(token);
  if (!id) return null;
  return cancelRegistration({ id });
}

/** A member cancels from the association's space: scoped to their association. */
export async function cancelForAssociation(registrationId: string, associationId: string) {
  return cancelRegistration({ id: registrationId, associationId });
}

/** What the cancellation page shows before the person confirms. */
export async function getRegistrationForToken(token: string) {
  const id = verifyCancellation(token);
  if (!id) return null;
  return prisma.registration.findUnique({
    where: { id },
    select: { id: true, name: true, status: true, waitlistPosition: true, event: { select: { title: true, slug: true, startsAt: true } } },
  });
}

// ── Signed links ───────────────────────────────────────────────────
// HMAC-SHA256 with a key derived from SESSION_SECRET; the purpose is part of what is
// signed, so a confirmation link cannot cancel and a cancellation link is valid for one
// registration only. Nothing to store; a forged or altered link fails the comparison.

function signingKey() {
  return createHmac("sha256", getEnv().SESSION_SECRET).update("event-registration-links").digest();
}

function sign(payload: string) {
  return createHmac("sha256", signingKey()).update(payload).digest("base64url");
}

function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function signCancellation(registrationId: string) {
  return `${registrationId}.${sign(`cancel:${registrationId}`)}`;
}

export function verifyCancellation(token: string): string | null {
  const [id, sig, extra] = token.split(".");
  if (!id || !sig || extra !== undefined) return null;
  return safeEqual(sig, sign(`cancel:${id}`)) ? id : null;
}

export function signConfirmation(registrationId: string, expiresAtMs: number) {
  const exp = expiresAtMs.toString(36);
  return `${registrationId}.${exp}.${sign(`confirm:${registrationId}:${exp}`)}`;
}

export function verifyConfirmation(token: string, now = new Date()): string | null {
  const [id, exp, sig, extra] = token.split(".");
  if (!id || !exp || !sig || extra !== undefined) return null;
  if (!safeEqual(sig, sign(`confirm:${id}:${exp}`))) return null;
  if (parseInt(exp, 36) < now.getTime()) return null;
  return id;
}

// ── iCalendar ──────────────────────────────────────────────────────

type IcsEvent = Pick<PublicEvent, "id" | "slug" | "title" | "description" | "startsAt" | "endsAt" | "place" | "onlineUrl">;

/** The event as iCalendar; times are written in UTC (…Z), which every client converts to local time. */
export function buildIcs(
  event: IcsEvent,
  options: { method?: "PUBLISH" | "REQUEST" | "CANCEL"; attendee?: { name: string; email: string }; sequence?: number } = {},
): string {
  const cal = ical({
    name: "CCAS de Besançon – événements",
    prodId: { company: "CCAS de Besançon", product: "reseau-associations", language: "FR" },
  });
  cal.method(ICalCalendarMethod[options.method ?? "PUBLISH"]);
  const url = absoluteUrl(`/evenements/${event.slug}`);
  cal.createEvent({
    id: `evenement-${event.id}@ccas-besancon`,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    description: `${event.description}\n\n${url}`,
    location: event.place ?? event.onlineUrl ?? null,
    url,
    sequence: options.sequence ?? 0,
    organizer: options.method && options.method !== "PUBLISH" ? organizer() : null,
    attendees: options.attendee
      ? [
          {
            name: options.attendee.name,
            email: options.attendee.email,
            role: ICalAttendeeRole.REQ,
            status: options.method === "CANCEL" ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
          },
        ]
      : [],
  });
  return cal.toString();
}

function organizer() {
  const from = getEnv().MAIL_FROM;
  const m = /^(.*)<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1].trim().replace(/^"|"$/g, ""), email: m[2] } : { name: "CCAS de Besançon", email: from };
}

// ── E-mails ────────────────────────────────────────────────────────

const mailSelect = {
  id: true,
  name: true,
  email: true,
  status: true,
  waitlistPosition: true,
  event: { select: { id: true, slug: true, title: true, description: true, startsAt: true, endsAt: true, place: true, onlineUrl: true } },
} as const;

function whereLine(e: { place: string | null; onlineUrl: string | null }) {
  return e.place ? `Lieu : ${e.place}` : `En ligne : ${e.onlineUrl}`;
}

function whenLine(e: { startsAt: Date; endsAt: Date }) {
  return `Date : du ${formatDateTime(e.startsAt)} au ${formatDateTime(e.endsAt)} (heure de Paris)`;
}

// Each e-mail is queued in the transaction that changes the registration (app/mail/mail.server.ts):
// committed with it, delivered by the mail queue after the answer.

async function queueAllocationMail(tx: Tx, registrationId: string) {
  const r = await tx.registration.findUnique({ where: { id: registrationId }, select: mailSelect });
  if (!r) return;
  const cancelUrl = absoluteUrl(`/evenements/annulation/${signCancellation(r.id)}`);
  if (r.status === "confirmee") {
    await enqueueMail(tx, {
      to: r.email,
      subject: `Inscription confirmée : ${r.event.title}`,
      text: [
        `Bonjour ${r.name},`,
        "",
        `Votre inscription à « ${r.event.title} » est confirmée.`,
        whenLine(r.event),
        whereLine(r.event),
        "",
        "L'invitation est jointe à ce message pour votre agenda.",
        "Si vous ne pouvez plus venir, libérez votre place pour une personne en liste d'attente :",
        cancelUrl,
      ].join("\n"),
      icalEvent: { method: "REQUEST", filename: "invitation.ics", content: buildIcs(r.event, { method: "REQUEST", attendee: r }) },
    });
  } else if (r.status === "liste_attente") {
    await enqueueMail(tx, {
      to: r.email,
      subject: `Liste d'attente : ${r.event.title}`,
      text: [
        `Bonjour ${r.name},`,
        "",
        `« ${r.event.title} » est complet. Vous êtes inscrit·e en liste d'attente, en position ${r.waitlistPosition}.`,
        "Dès qu'une place se libère, elle est attribuée à la première personne de la liste, qui reçoit un courriel.",
        whenLine(r.event),
        "",
        "Pour quitter la liste d'attente :",
        cancelUrl,
      ].join("\n"),
    });
  }
}

async function queuePromotionMail(tx: Tx, registrationId: string) {
  const r = await tx.registration.findUnique({ where: { id: registrationId }, select: mailSelect });
  if (!r || r.status !== "confirmee") return;
  await enqueueMail(tx, {
    to: r.email,
    subject: `Une place s'est libérée : ${r.event.title}`,
    text: [
      `Bonjour ${r.name},`,
      "",
      `Une place s'est libérée : votre inscription à « ${r.event.title} » est maintenant confirmée.`,
      whenLine(r.event),
      whereLine(r.event),
      "",
      "L'invitation est jointe à ce message pour votre agenda.",
      "Si vous ne pouvez plus venir, libérez votre place :",
      absoluteUrl(`/evenements/annulation/${signCancellation(r.id)}`),
    ].join("\n"),
    icalEvent: { method: "REQUEST", filename: "invitation.ics", content: buildIcs(r.event, { method: "REQUEST", attendee: r }) },
  });
}

async function queueCancellationMail(tx: Tx, registrationId: string) {
  const r = await tx.registration.findUnique({ where: { id: registrationId }, select: mailSelect });
  if (!r) return;
  await enqueueMail(tx, {
    to: r.email,
    subject: `Inscription annulée : ${r.event.title}`,
    text: [`Bonjour ${r.name},`, "", `Votre inscription à « ${r.event.title} » (${formatLongDate(r.event.startsAt)}) est annulée.`].join(
      "\n",
    ),
    icalEvent: { method: "CANCEL", filename: "annulation.ics", content: buildIcs(r.event, { method: "CANCEL", attendee: r, sequence: 1 }) },
  });
}

// ── Staff: attendees, check-in, figures, exports ──────────────────

export const attendeeSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  accessibilityNeeds: true,
  status: true,
  waitlistPosition: true,
  createdAt: true,
  checkedInAt: true,
  association: { select: { id: true, name: true } },
} as const;

export async function listAttendees(eventId: string) {
  const rows = await prisma.registration.findMany({
    where: { eventId, status: { in: ["confirmee", "liste_attente", "en_attente_confirmation"] } },
    orderBy: [{ waitlistPosition: "asc" }, { name: "asc" }],
    select: attendeeSelect,
  });
  return {
    confirmed: rows.filter((r) => r.status === "confirmee").sort((a, b) => a.name.localeCompare(b.name, "fr")),
    waiting: rows.filter((r) => r.status === "liste_attente").sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)),
    unconfirmed: rows.filter((r) => r.status === "en_attente_confirmation"),
  };
}

/** Confirmed people whose name (or association) contains the query, for the door. */
export async function searchForCheckIn(eventId: string, q: string) {
  const rows = await prisma.registration.findMany({ where: { eventId, status: "confirmee" }, select: attendeeSelect });
  const norm = (s: string) => slugify(s).replace(/-/g, " ");
  const needle = norm(q);
  return rows
    .filter((r) => !needle || norm(r.name).includes(needle) || norm(r.association?.name ?? "").includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

export async function setCheckIn(eventId: string, registrationId: string, present: boolean) {
  const updated = await prisma.registration.updateMany({
    where: { id: registrationId, eventId, status: "confirmee" },
    data: { checkedInAt: present ? new Date() : null },
  });
  return updated.count === 1;
}

export async function attendanceFigures(eventId: string) {
  const [confirmed, present, waiting, cancelled, associations] = await Promise.all([
    prisma.registration.count({ where: { eventId, status: "confirmee" } }),
    prisma.registration.count({ where: { eventId, status: "confirmee", checkedInAt: { not: null } } }),
    prisma.registration.count({ where: { eventId, status: "liste_attente" } }),
    prisma.registration.count({ where: { eventId, status: "annulee" } }),
    prisma.registration.groupBy({
      by: ["associationId"],
      where: { eventId, status: "confirmee", checkedInAt: { not: null }, associationId: { not: null } },
    }),
  ]);
  return {
    confirmed,
    present,
    absent: confirmed - present,
    waiting,
    cancelled,
    associationsPresent: associations.length,
    rate: confirmed ? Math.round((present / confirmed) * 100) : 0,
  };
}

const EXPORT_HEADERS = [
  "Statut",
  "Position en liste d'attente",
  "Nom",
  "E-mail",
  "Association",
  "Fonction",
  "Besoins d'accessibilité",
  "Inscrit·e le",
  "Présent·e",
];

async function exportRows(eventId: string) {
  const { confirmed, waiting } = await listAttendees(eventId);
  return [...confirmed, ...waiting].map((r) => [
    REGISTRATION_STATUS_LABELS[r.status as RegistrationStatus] ?? r.status,
    r.waitlistPosition ?? "",
    r.name,
    r.email,
    r.association?.name ?? "",
    r.role ?? "",
    r.accessibilityNeeds ?? "",
    formatDateTime(r.createdAt),
    r.checkedInAt ? `oui (${formatDateTime(r.checkedInAt)})` : "non",
  ]);
}

/** Semicolon-separated with a BOM: what French spreadsheets open without asking. */
export async function exportCsv(eventId: string): Promise<string> {
  return toCsv(EXPORT_HEADERS, await exportRows(eventId), { delimiter: ";", bom: true });
}

export async function exportXlsx(eventId: string, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CCAS de Besançon";
  const sheet = workbook.addWorksheet("Inscrits");
  addXlsxRow(sheet, [title]).font = { bold: true, size: 14 };
  addXlsxRow(sheet, EXPORT_HEADERS).font = { bold: true };
  for (const row of await exportRows(eventId)) addXlsxRow(sheet, row);
  sheet.columns.forEach((c) => (c.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ── The association's space ───────────────────────────────────────

export async function listAssociationRegistrations(associationId: string, now = new Date()) {
  return prisma.registration.findMany({
    where: { associationId, status: { in: ["confirmee", "liste_attente"] }, event: { endsAt: { gte: now } } },
    orderBy: [{ event: { startsAt: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      waitlistPosition: true,
      event: { select: { slug: true, title: true, startsAt: true } },
    },
  });
}

export async function eventSpaceLinks(associationId: string): Promise<SpaceLink[]> {
  const count = await prisma.registration.count({
    where: { associationId, status: { in: ["confirmee", "liste_attente"] }, event: { endsAt: { gte: new Date() } } },
  });
  return [
    {
      href: `/espace/associations/${associationId}/inscriptions`,
      label: "Inscriptions aux événements",
      note: count ? `${count} inscription(s) à venir` : "aucune inscription à venir",
    },
  ];
}

export function eventTypeLabel(type: string) {
  return EVENT_TYPE_LABELS[type as EventType] ?? type;
}
