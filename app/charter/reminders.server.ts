// The e-mails asking representatives to sign: at each publication, and the staff's reminders.
import type { SessionUser } from "~/accounts/auth.server";
import { CharterError } from "~/charter/errors";
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
  const isFirst = version === 1;
  const mails = recipients.map((r) => {
    const link = absoluteUrl(`/espace/associations/${r.associationId}/charte`);
    const subject =
      kind === "reminder"
        ? `Rappel : ${r.association.name} n'a pas encore signé la charte de l'action sociale`
        : isFirst
          ? "La charte municipale de l'action sociale est publiée : signature attendue"
          : `Charte de l'action sociale : version ${version} publiée, nouvelle signature attendue`;
    const intro =
      kind === "reminder"
        ? `La version ${version} de la charte municipale de l'action sociale n'a pas encore été signée pour « ${r.association.name} ».`
        : isFirst
          ? `Le CCAS de Besançon publie la charte municipale de l'action sociale. La signer, c'est faire partie du réseau des associations de solidarité.`
          : `Le CCAS de Besançon a publié la version ${version} de la charte municipale de l'action sociale. La signature d'une version précédente reste enregistrée, mais « ${r.association.name} » n'apparaîtra de nouveau comme signataire qu'après avoir signé cette version.`;
    return {
      to: r.user.email,
      subject,
      text: [
        `Bonjour ${r.user.name},`,
        "",
        intro,
        "",
        `En tant que représentant·e légal·e de « ${r.association.name} », vous pouvez la lire et la signer ici :`,
        link,
        "",
        `Ce qui a changé : ${absoluteUrl("/charte/versions")}`,
      ].join("\n"),
    };
  });
  for (const mail of mails) await enqueueMail(tx, { ...mail, bulk: true });
  return { emails: recipients.length, associations: new Set(recipients.map((r) => r.associationId)).size };
}

/** E-mails the representatives of every validated association that has not signed the current version. */
export async function sendSignatureReminders(actor: SessionUser) {
  const current = await currentCharterVersion();
  if (!current) throw new CharterError("no_version", "Aucune charte n'est publiée : il n'y a rien à signer.");
  const sent = await writeTransaction(async (tx) => {
    const queued = await queueRepresentativeNotices(tx, "reminder", current.version!, current.id);
    await tx.auditEvent.create({
      data: {
        entityType: "charter",
        entityId: current.id,
        actorId: actor.id,
        action: "relance",
        comment: `${queued.emails} courriel(s), ${queued.associations} association(s)`,
      },
    });
    return queued;
  });
  void kickMailQueue();
  return sent;
}
