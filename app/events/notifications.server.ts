// The e-mails of a registration's life, worded in emails.ts. Each is queued in the transaction
// that changes the registration (app/mail/mail.server.ts): committed with it, delivered by the
// mail queue after the answer.
import type { Tx } from "~/db.server";
import { absoluteUrl, enqueueMail } from "~/mail/mail.server";
import { buildIcs } from "~/events/calendar.server";
import { loadPortalSettings } from "~/settings/portal-settings.server";
import {
  confirmAddressEmail,
  placeFreedEmail,
  registrationCancelledEmail,
  registrationConfirmedEmail,
  waitingListEmail,
} from "~/events/emails";
import { placeSelect } from "~/events/places.server";
import { signCancellation, signConfirmation } from "~/events/signed-links.server";

const mailSelect = {
  ...placeSelect,
  event: { select: { id: true, slug: true, title: true, description: true, startsAt: true, endsAt: true, place: true, onlineUrl: true } },
} as const;

function cancelUrl(registrationId: string) {
  return absoluteUrl(`/evenements/annulation/${signCancellation(registrationId)}`);
}

/** The answer to a registration: a place (with the invitation) or a waiting-list position. */
export async function queueAllocationMail(tx: Tx, registrationId: string) {
  const r = await tx.registration.findUnique({ where: { id: registrationId }, select: mailSelect });
  if (!r) return;
  if (r.status === "confirmee") {
    await enqueueMail(tx, {
      to: r.email,
      ...registrationConfirmedEmail({ name: r.name, event: r.event, cancelUrl: cancelUrl(r.id) }),
      icalEvent: {
        method: "REQUEST",
        filename: "invitation.ics",
        content: buildIcs(r.event, (await loadPortalSettings(tx)).name, { method: "REQUEST", attendee: r }),
      },
    });
  } else if (r.status === "liste_attente") {
    await enqueueMail(tx, {
      to: r.email,
      ...waitingListEmail({ name: r.name, event: r.event, position: r.waitlistPosition, cancelUrl: cancelUrl(r.id) }),
    });
  }
}

export async function queuePromotionMail(tx: Tx, registrationId: string) {
  const r = await tx.registration.findUnique({ where: { id: registrationId }, select: mailSelect });
  if (!r || r.status !== "confirmee") return;
  await enqueueMail(tx, {
    to: r.email,
    ...placeFreedEmail({ name: r.name, event: r.event, cancelUrl: cancelUrl(r.id) }),
    icalEvent: {
      method: "REQUEST",
      filename: "invitation.ics",
      content: buildIcs(r.event, (await loadPortalSettings(tx)).name, { method: "REQUEST", attendee: r }),
    },
  });
}

export async function queueCancellationMail(tx: Tx, registrationId: string) {
  const r = await tx.registration.findUnique({ where: { id: registrationId }, select: mailSelect });
  if (!r) return;
  await enqueueMail(tx, {
    to: r.email,
    ...registrationCancelledEmail({ name: r.name, event: r.event }),
    icalEvent: {
      method: "CANCEL",
      filename: "annulation.ics",
      content: buildIcs(r.event, (await loadPortalSettings(tx)).name, { method: "CANCEL", attendee: r, sequence: 1 }),
    },
  });
}

/** A public registration: the link that confirms the address, valid until `expiresAtMs`. */
export async function queueAddressConfirmationMail(
  tx: Tx,
  registration: { id: string; name: string; email: string },
  event: { title: string; startsAt: Date },
  expiresAtMs: number,
) {
  const token = signConfirmation(registration.id, expiresAtMs);
  await enqueueMail(tx, {
    to: registration.email,
    ...confirmAddressEmail({ name: registration.name, event, confirmUrl: absoluteUrl(`/evenements/confirmation/${token}`) }),
  });
}
