// The wording of the e-mails a registration receives: pure functions, no database, so each
// text can be read and tested on its own. notifications.server.ts queues them.
import { formatDateTime, formatLongDate } from "~/lib/format";

export type Email = { subject: string; text: string };

export type EmailEvent = { title: string; startsAt: Date; endsAt: Date; place: string | null; onlineUrl: string | null };

function whereLine(e: Pick<EmailEvent, "place" | "onlineUrl">) {
  return e.place ? `Lieu : ${e.place}` : `En ligne : ${e.onlineUrl}`;
}

function whenLine(e: Pick<EmailEvent, "startsAt" | "endsAt">) {
  return `Date : du ${formatDateTime(e.startsAt)} au ${formatDateTime(e.endsAt)} (heure de Paris)`;
}

/** A place is given at registration (the invitation is attached). */
export function registrationConfirmedEmail({ name, event, cancelUrl }: { name: string; event: EmailEvent; cancelUrl: string }): Email {
  return {
    subject: `Inscription confirmée : ${event.title}`,
    text: [
      `Bonjour ${name},`,
      "",
      `Votre inscription à « ${event.title} » est confirmée.`,
      whenLine(event),
      whereLine(event),
      "",
      "L'invitation est jointe à ce message pour votre agenda.",
      "Si vous ne pouvez plus venir, libérez votre place pour une personne en liste d'attente :",
      cancelUrl,
    ].join("\n"),
  };
}

/** The event is full: the person waits, at this position. */
export function waitingListEmail({
  name,
  event,
  position,
  cancelUrl,
}: {
  name: string;
  event: EmailEvent;
  position: number | null;
  cancelUrl: string;
}): Email {
  return {
    subject: `Liste d'attente : ${event.title}`,
    text: [
      `Bonjour ${name},`,
      "",
      `« ${event.title} » est complet. Vous êtes inscrit·e en liste d'attente, en position ${position}.`,
      "Dès qu'une place se libère, elle est attribuée à la première personne de la liste, qui reçoit un courriel.",
      whenLine(event),
      "",
      "Pour quitter la liste d'attente :",
      cancelUrl,
    ].join("\n"),
  };
}

/** Someone left: the first person waiting now has a place (the invitation is attached). */
export function placeFreedEmail({ name, event, cancelUrl }: { name: string; event: EmailEvent; cancelUrl: string }): Email {
  return {
    subject: `Une place s'est libérée : ${event.title}`,
    text: [
      `Bonjour ${name},`,
      "",
      `Une place s'est libérée : votre inscription à « ${event.title} » est maintenant confirmée.`,
      whenLine(event),
      whereLine(event),
      "",
      "L'invitation est jointe à ce message pour votre agenda.",
      "Si vous ne pouvez plus venir, libérez votre place :",
      cancelUrl,
    ].join("\n"),
  };
}

export function registrationCancelledEmail({ name, event }: { name: string; event: Pick<EmailEvent, "title" | "startsAt"> }): Email {
  return {
    subject: `Inscription annulée : ${event.title}`,
    text: [`Bonjour ${name},`, "", `Votre inscription à « ${event.title} » (${formatLongDate(event.startsAt)}) est annulée.`].join("\n"),
  };
}

/** A public registration: the link that confirms the address, valid 48 hours. */
export function confirmAddressEmail({
  name,
  event,
  confirmUrl,
}: {
  name: string;
  event: Pick<EmailEvent, "title" | "startsAt">;
  confirmUrl: string;
}): Email {
  return {
    subject: `Confirmez votre inscription : ${event.title}`,
    text: [
      `Bonjour ${name},`,
      "",
      `Vous avez demandé à vous inscrire à « ${event.title} » (${formatLongDate(event.startsAt)}).`,
      "Pour confirmer votre adresse e-mail et votre inscription, ouvrez ce lien dans les 48 heures :",
      confirmUrl,
      "",
      "Tant que l'adresse n'est pas confirmée, aucune place ne vous est réservée.",
      "Si vous n'avez rien demandé, ignorez ce message.",
    ].join("\n"),
  };
}
