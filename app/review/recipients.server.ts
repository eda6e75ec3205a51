// Who the e-mails about a dossier go to, and the dossier line they name. The e-mails are
// queued in the transaction of the change they announce (app/mail/mail.server.ts):
// committed with it, delivered by the mail queue.
import type { Tx } from "~/db.server";

export async function memberEmails(tx: Tx, associationId: string) {
  const rows = await tx.membership.findMany({
    where: { associationId, user: { disabledAt: null } },
    select: { user: { select: { email: true } } },
  });
  return [...new Set(rows.map((r) => r.user.email))];
}

export async function dossierHeader(tx: Tx, dossierId: string) {
  return tx.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      projectTitle: true,
      requestedCents: true,
      associationId: true,
      callId: true,
      association: { select: { name: true } },
      call: { select: { title: true } },
    },
  });
}
