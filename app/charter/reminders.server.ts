// The e-mails asking representatives to sign: at each publication, and the staff's reminders.
import type { SessionUser } from "~/accounts/auth.server";
import { charterNoticeEmail } from "~/charter/emails";
import { loadPortalSettings } from "~/settings/portal-settings.server";
import { charterRefusal } from "~/charter/errors";
import { recordAudit } from "~/lib/audit.server";
import { currentCharterVersion } from "~/charter/charter-status.server";
import { writeTransaction, type Tx } from "~/db.server";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";

async function unsignedRepresentatives(tx: Tx, versionId: string) {
  return tx.membership.findMany({
    where: {
      isRepresentative: true,
      user: { disabledAt: null },
      association: { status: "validated", signatures: { none: { versionId } } },
    },
    select: { associationId: true, association: { select: { name: true } }, user: { select: { email: true, name: true } } },
  });
}

async function allRepresentatives(tx: Tx) {
  return tx.membership.findMany({
    where: { isRepresentative: true, user: { disabledAt: null }, association: { status: "validated" } },
    select: { associationId: true, association: { select: { name: true } }, user: { select: { email: true, name: true } } },
  });
}

/**
 * One e-mail per representative, queued in the transaction of what causes them (the
 * publication, the reminder's audit line): they commit together, and the mail queue
 * delivers them after the answer, surviving a stop.
 */
export async function queueRepresentativeNotices(tx: Tx, kind: "new_version" | "reminder", version: number, versionId?: string) {
  const recipients = kind === "reminder" && versionId ? await unsignedRepresentatives(tx, versionId) : await allRepresentatives(tx);
  const versionsLink = absoluteUrl("/charte/versions");
  const { name: ccasName } = await loadPortalSettings(tx);
  const mails = recipients.map((r) => ({
    to: r.user.email,
    ...charterNoticeEmail({
      kind,
      version,
      associationName: r.association.name,
      recipientName: r.user.name,
      signLink: absoluteUrl(`/espace/associations/${r.associationId}/charte`),
      versionsLink,
      ccasName,
    }),
  }));
  for (const mail of mails) await enqueueMail(tx, { ...mail, bulk: true });
  return { emails: recipients.length, associations: new Set(recipients.map((r) => r.associationId)).size };
}

/** E-mails the representatives of every validated association that has not signed the current version. */
export async function sendSignatureReminders(actor: SessionUser) {
  const current = await currentCharterVersion();
  if (!current) throw charterRefusal("no_version", "Aucune charte n'est publiée : il n'y a rien à signer.");
  const sent = await writeTransaction(async (tx) => {
    const queued = await queueRepresentativeNotices(tx, "reminder", current.version!, current.id);
    await recordAudit(tx, {
      entityType: "charter",
      entityId: current.id,
      actorId: actor.id,
      action: "relance",
      comment: `${queued.emails} courriel(s), ${queued.associations} association(s)`,
    });
    return queued;
  });
  void kickMailQueue();
  return sent;
}
