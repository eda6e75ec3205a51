// Who the e-mails about a dossier go to, and the dossier facts they name. The e-mails are
// queued in the transaction of the change they announce (app/mail/mail.server.ts):
// committed with it, delivered by the mail queue.
import type { Tx } from "~/db.server";
import { memberDossierPath } from "~/dossiers/dossier-states";
import { absoluteUrl, enqueueMail } from "~/mail/mail.server";
import type { Email } from "./emails";

async function memberEmails(tx: Tx, associationId: string) {
  const rows = await tx.membership.findMany({
    where: { associationId, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(rows.map((r) => r.user.email))];
}

/** The call's reviewers still active; the administrators when the call has none. */
async function reviewerEmails(tx: Tx, callId: string) {
  const reviewers = await tx.callReviewer.findMany({ where: { callId }, select: { userId: true } });
  let recipients = await tx.user.findMany({
    where: { id: { in: reviewers.map((r) => r.userId) }, disabledAt: null },
    select: { email: true },
  });
  if (recipients.length === 0) recipients = await tx.user.findMany({ where: { role: "admin", disabledAt: null }, select: { email: true } });
  return recipients.map((r) => r.email);
}

/** The dossier as its e-mails name it, with the links they give. */
export async function dossierForMail(tx: Tx, dossierId: string) {
  const d = await tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      projectTitle: true,
      associationId: true,
      callId: true,
      association: { select: { name: true } },
      call: { select: { title: true } },
    },
  });
  return {
    ...d,
    associationName: d.association.name,
    callTitle: d.call.title,
    memberUrl: absoluteUrl(memberDossierPath(d.associationId, d.id)),
    staffThreadUrl: absoluteUrl(`/instruction/dossiers/${d.id}#messagerie`),
  };
}

/** Queues the e-mail to every active member of the association. */
export async function mailMembers(tx: Tx, associationId: string, email: Email) {
  for (const to of await memberEmails(tx, associationId)) await enqueueMail(tx, { to, ...email });
}

/** Queues the e-mail to the call's reviewers (or the administrators). */
export async function mailReviewers(tx: Tx, callId: string, email: Email) {
  for (const to of await reviewerEmails(tx, callId)) await enqueueMail(tx, { to, ...email });
}
