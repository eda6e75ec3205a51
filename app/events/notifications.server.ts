// The e-mails of a registration's life. Each is queued in the transaction that changes the
// registration (app/mail/mail.server.ts): committed with it, delivered by the mail queue after
// the answer.
import type { Tx } from "~/db.server";
import { formatDateTime, formatLongDate } from "~/lib/format";
import { absoluteUrl, enqueueMail } from "~/mail/mail.server";
import { buildIcs } from "~/events/calendar.server";
import { signCancellation } from "~/events/signed-links.server";

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

export async function queueAllocationMail(tx: Tx, registrationId: string) {
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

export async function queuePromotionMail(tx: Tx, registrationId: string) {
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

export async function queueCancellationMail(tx: Tx, registrationId: string) {
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
