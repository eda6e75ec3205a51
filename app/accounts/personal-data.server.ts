// Personal data: an association's export (a ZIP of JSON and its files), a person's account
// deletion, and the retention periods applied by the scheduled cleanup (docs/retention.md).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
import { prisma, writeTransaction } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { getEnv } from "~/env.server";
import { ofCcas } from "~/settings/ccas-name";
import { getPortalSettings } from "~/settings/portal-settings.server";
import { networkPostsForExport, purgeClosedPosts } from "~/network/post-lifecycle.server";
import { conversationsForExport, purgeOldConversations } from "~/network/conversation-retention.server";
import { purgeHandledAbuseReports } from "~/network/moderation.server";
import { associationConsultationAnswers, forgetConsultationRespondents } from "~/network/consultation-answers.server";
import { purgeOldNews } from "~/network/news.server";

const DAY = 24 * 60 * 60 * 1000;

/** How long each kind of record is kept once it no longer serves (see docs/retention.md). */
export const RETENTION = {
  loginAttemptsDays: 30,
  expiredSessionsDays: 0,
  usedOrExpiredPasswordResetsDays: 7,
  usedOrExpiredSignUpRequestsDays: 7,
  expiredInvitationsDays: 30,
  emailLogDays: 365,
  unconfirmedRegistrationsDays: 7,
  completedSearchJobsDays: 7,
} as const;

export async function retentionCleanup(now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const [loginAttempts, sessions, passwordResets, invitations, emails, registrations, searchJobs, signUpRequests] = await Promise.all([
    prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: before(RETENTION.loginAttemptsDays) } } }),
    prisma.session.deleteMany({ where: { expiresAt: { lt: before(RETENTION.expiredSessionsDays) } } }),
    prisma.passwordReset.deleteMany({
      where: {
        OR: [
          { usedAt: { lt: before(RETENTION.usedOrExpiredPasswordResetsDays) } },
          { expiresAt: { lt: before(RETENTION.usedOrExpiredPasswordResetsDays) } },
        ],
      },
    }),
    prisma.invitation.deleteMany({ where: { expiresAt: { lt: before(RETENTION.expiredInvitationsDays) } } }),
    prisma.emailMessage.deleteMany({ where: { createdAt: { lt: before(RETENTION.emailLogDays) } } }),
    prisma.registration.deleteMany({
      where: { status: "en_attente_confirmation", createdAt: { lt: before(RETENTION.unconfirmedRegistrationsDays) } },
    }),
    prisma.searchSyncJob.deleteMany({ where: { doneAt: { lt: before(RETENTION.completedSearchJobsDays) } } }),
    prisma.signUpRequest.deleteMany({
      where: {
        OR: [
          { confirmedAt: { lt: before(RETENTION.usedOrExpiredSignUpRequestsDays) } },
          { expiresAt: { lt: before(RETENTION.usedOrExpiredSignUpRequestsDays) } },
        ],
      },
    }),
  ]);
  const networkPosts = await purgeClosedPosts(now);
  const conversations = await purgeOldConversations(now);
  const abuseReports = await purgeHandledAbuseReports(now);
  return {
    abuseReports,
    networkPosts,
    conversations,
    consultationRespondents: await forgetConsultationRespondents(now),
    loginAttempts: loginAttempts.count,
    sessions: sessions.count,
    passwordResets: passwordResets.count,
    invitations: invitations.count,
    emails: emails.count,
    registrations: registrations.count,
    searchJobs: searchJobs.count,
    signUpRequests: signUpRequests.count,
    news: await purgeOldNews(now),
  };
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * Everything the portal holds about an association, as its representative may download it:
 * what it entered and what the CCAS decided, never staff-private notes or scores.
 */
export async function exportAssociationData(associationId: string): Promise<Uint8Array> {
  const association = await prisma.association.findUniqueOrThrow({
    where: { id: associationId },
    include: { fields: { select: { slug: true } }, publics: { select: { slug: true } } },
  });
  const ccas = await getPortalSettings();
  const [members, invitations, documents, dossiers, subsidies, signatures, registrations, audit] = await Promise.all([
    prisma.membership.findMany({
      where: { associationId },
      select: { isRepresentative: true, title: true, createdAt: true, user: { select: { name: true, email: true, createdAt: true } } },
    }),
    prisma.invitation.findMany({ where: { associationId }, select: { email: true, createdAt: true, expiresAt: true, acceptedAt: true } }),
    prisma.document.findMany({ where: { associationId } }),
    prisma.dossier.findMany({
      where: { associationId },
      select: {
        number: true,
        state: true,
        data: true,
        projectTitle: true,
        requestedCents: true,
        proposedCents: true,
        decisionReason: true,
        submittedAt: true,
        decidedAt: true,
        createdAt: true,
        updatedAt: true,
        call: { select: { title: true } },
        messages: { select: { fromStaff: true, body: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        attachments: { select: { kind: true, document: { select: { originalName: true } } } },
      },
    }),
    prisma.subsidy.findMany({ where: { associationId }, include: { years: true, convention: true, instalments: true, reports: true } }),
    prisma.charterSignature.findMany({ where: { associationId }, include: { version: { select: { version: true, title: true } } } }),
    prisma.registration.findMany({ where: { associationId }, include: { event: { select: { title: true, startsAt: true } } } }),
    prisma.auditEvent.findMany({ where: { entityType: "association", entityId: associationId }, orderBy: { createdAt: "asc" } }),
  ]);
  const networkPosts = await networkPostsForExport(associationId);

  const files: Zippable = {};
  for (const doc of documents) {
    const file = path.join(getEnv().UPLOAD_DIR, doc.storedName);
    if (existsSync(file)) files[`${doc.id}-${doc.originalName.replace(/[\\/]/g, "_")}`] = new Uint8Array(readFileSync(file));
  }
  const archive: Zippable = {
    "LISEZMOI.txt": strToU8(
      [
        `Données de « ${association.name} » sur le portail du réseau des associations ${ofCcas(ccas.name)}.`,
        `Export du ${new Date().toISOString()}.`,
        "Montants en centimes d'euro, dates en UTC (ISO 8601).",
        "Les notes internes et les notations des instructeur·rices du CCAS ne font pas partie des données de l'association.",
      ].join("\n"),
    ),
    "association.json": json(association),
    "membres.json": json(members),
    "invitations.json": json(invitations),
    "documents.json": json(documents.map(({ storedName: _stored, ...doc }) => doc)),
    "dossiers.json": json(dossiers),
    "subventions.json": json(subsidies),
    "charte.json": json(signatures),
    "inscriptions.json": json(registrations),
    "historique.json": json(audit),
    "reseau-annonces.json": json(networkPosts),
    "conversations.json": json(await conversationsForExport(associationId)),
    "consultations.json": json(await associationConsultationAnswers(associationId)),
    ...(Object.keys(files).length ? { documents: files } : {}),
  };
  return zipSync(archive, { level: 6 });
}

export type DeletionRefusal = { ok: false; reason: string };

/**
 * Deletes a person's account (sessions, memberships, tokens go with it). The association's
 * own records stay: dossiers and subsidies are public accounting records. A representative
 * who leaves members behind must first hand over the role.
 */
export async function deleteOwnAccount(userId: string): Promise<{ ok: true } | DeletionRefusal> {
  const memberships = await prisma.membership.findMany({
    where: { userId, isRepresentative: true },
    select: { associationId: true, association: { select: { name: true } } },
  });
  for (const m of memberships) {
    const others = await prisma.membership.count({ where: { associationId: m.associationId, userId: { not: userId } } });
    const otherReps = await prisma.membership.count({
      where: { associationId: m.associationId, userId: { not: userId }, isRepresentative: true },
    });
    if (others > 0 && otherReps === 0) {
      return {
        ok: false,
        reason: `Vous êtes le ou la seul·e représentant·e légal·e de « ${m.association.name} », qui a d'autres membres : contactez le CCAS pour désigner un·e autre représentant·e avant de supprimer votre compte.`,
      };
    }
  }
  await writeTransaction(async (tx) => {
    await recordAudit(tx, { entityType: "user", entityId: userId, actorId: userId, action: "suppression du compte" });
    await tx.user.delete({ where: { id: userId } });
  });
  return { ok: true };
}
