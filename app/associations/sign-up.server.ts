// Sign-up in two steps, like Démarches Simplifiées or GOV.UK: the form answers the same page
// whether or not the address already has an account, and what happens next arrives by e-mail.
// A new address gets a confirmation link; nothing (account, association) exists until it is
// followed. An address with an account gets a notice telling its owner how to sign in instead.
import { hashPassword } from "~/accounts/passwords.server";
import { hashToken, newToken } from "~/accounts/tokens.server";
import { NEW_ASSOCIATION_GEOCODE } from "~/associations/geocoding.server";
import { profileColumns, uniqueAssociationSlug, writeTaxonomy } from "~/associations/profile.server";
import { staffEmails } from "~/associations/recipients.server";
import { prisma, writeTransaction } from "~/db.server";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import type { SignUpInput } from "~/associations/schemas";
import { recordAudit } from "~/lib/audit.server";
import { claimableEntry, createClaim } from "~/rna/claims.server";
import { claimReceivedEmail, claimToReviewEmail } from "~/rna/emails";
import { getPortalSettings } from "~/settings/portal-settings.server";
import {
  associationToValidateEmail,
  SIGN_UP_CONFIRMATION_SUBJECT_START,
  SIGN_UP_NOTICE_SUBJECT,
  signUpConfirmationEmail,
  signUpNoticeEmail,
  signUpReceivedEmail,
} from "~/associations/emails";

export const SIGN_UP_TTL_MS = 24 * 60 * 60 * 1000;
/** Sign-up messages one address receives in an hour at most: the form cannot be used to flood a mailbox. */
export const SIGN_UP_MAILS_PER_HOUR = 3;

async function signUpMailsLastHour(email: string) {
  return prisma.emailMessage.count({
    where: {
      to: email,
      createdAt: { gte: new Date(Date.now() - 60 * 60 * 1000) },
      OR: [{ subject: SIGN_UP_NOTICE_SUBJECT }, { subject: { startsWith: SIGN_UP_CONFIRMATION_SUBJECT_START } }],
    },
  });
}

type StoredSignUp = Omit<SignUpInput, "password">;

/** The form's answer, the same in both cases: the page cannot tell who already has an account. */
export function signUpSentMessage(email: string) {
  return (
    `Si cette adresse n'est pas déjà inscrite, un courriel vient d'être envoyé à ${email} avec un lien pour confirmer ` +
    "l'inscription (valable 24 heures) : vérifiez votre messagerie. Si elle a déjà un compte, le courriel explique comment vous connecter."
  );
}

/** Step 1: the form. Both branches hash the password and send one message, so neither is quicker. */
export async function requestSignUp(input: SignUpInput): Promise<void> {
  const { password, ...stored } = input;
  const passwordHash = await hashPassword(password);
  const existing = await prisma.user.findUnique({ where: { email: input.personEmail }, select: { name: true } });
  // Past the hourly allowance, the same answer and no message, whether or not the address has an account.
  if ((await signUpMailsLastHour(input.personEmail)) >= SIGN_UP_MAILS_PER_HOUR) return;
  if (existing) {
    await sendMail({
      to: input.personEmail,
      ...signUpNoticeEmail({
        personName: existing.name,
        associationName: input.name,
        loginUrl: absoluteUrl("/connexion"),
        resetUrl: absoluteUrl("/mot-de-passe-oublie"),
      }),
    });
    return;
  }
  const { token, tokenHash } = newToken();
  await prisma.signUpRequest.create({
    data: {
      email: input.personEmail,
      tokenHash,
      data: stored satisfies StoredSignUp,
      passwordHash,
      expiresAt: new Date(Date.now() + SIGN_UP_TTL_MS),
    },
  });
  await sendMail({
    to: input.personEmail,
    ...signUpConfirmationEmail({
      personName: input.personName,
      associationName: input.name,
      confirmUrl: absoluteUrl(`/inscription/confirmer/${token}`),
    }),
  });
}

async function pendingRequest(token: string) {
  return prisma.signUpRequest.findFirst({
    where: { tokenHash: hashToken(token), confirmedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, data: true, passwordHash: true },
  });
}

/** What the confirmation page shows before the person confirms. */
export async function findSignUpRequest(token: string) {
  const request = await pendingRequest(token);
  if (!request) return null;
  const stored = request.data as StoredSignUp;
  return { email: request.email, associationName: stored.name };
}

export type ConfirmSignUpResult =
  | {
      ok: true;
      userId: string;
      association: { id: string; name: string };
      /** a takeover of an RNA entry, not a new association */ claim: boolean;
    }
  | { ok: false; reason: "invalid" | "email_taken" };

/**
 * Step 2: the link was followed, so the person holds the mailbox. Creates the account, the
 * association (pending the CCAS's validation) and the representative membership, once.
 */
export async function confirmSignUp(token: string): Promise<ConfirmSignUpResult> {
  const request = await pendingRequest(token);
  if (!request) return { ok: false, reason: "invalid" };
  const stored = request.data as StoredSignUp;
  const result = await writeTransaction(async (tx): Promise<ConfirmSignUpResult> => {
    // The claim comes first: it takes the write lock, and a second click finds the link used.
    const claimed = await tx.signUpRequest.updateMany({
      where: { id: request.id, confirmedAt: null },
      data: { confirmedAt: new Date() },
    });
    if (claimed.count !== 1) return { ok: false, reason: "invalid" };
    // An account made meanwhile (another sign-up confirmed, an invitation accepted) wins.
    if (await tx.user.findUnique({ where: { email: request.email }, select: { id: true } })) return { ok: false, reason: "email_taken" };
    const user = await tx.user.create({
      data: { email: request.email, name: stored.personName, passwordHash: request.passwordHash, role: "member" },
      select: { id: true },
    });
    // The RNA number of an unclaimed imported entry: a request to take it over, checked by an administrator.
    const entry = await claimableEntry(stored.rna, tx);
    if (entry) {
      await createClaim(tx, { associationId: entry.id, userId: user.id, stored });
      return { ok: true, userId: user.id, association: { id: entry.id, name: entry.name }, claim: true };
    }
    const association = await tx.association.create({
      data: {
        ...profileColumns(stored),
        ...NEW_ASSOCIATION_GEOCODE,
        slug: await uniqueAssociationSlug(stored.name, tx),
        status: "pending",
      },
      select: { id: true, name: true },
    });
    await writeTaxonomy(tx, association.id, stored);
    await tx.membership.create({
      data: { userId: user.id, associationId: association.id, isRepresentative: true, title: stored.personTitle },
    });
    await recordAudit(tx, {
      entityType: "association",
      entityId: association.id,
      actorId: user.id,
      action: "inscription",
      toState: "pending",
    });
    return { ok: true, userId: user.id, association, claim: false };
  });
  if (!result.ok) return result;
  if (result.claim) {
    const { name: ccasName } = await getPortalSettings();
    const associationName = result.association.name;
    await sendMail({
      to: request.email,
      ...claimReceivedEmail({ ccasName, personName: stored.personName, associationName, spaceUrl: absoluteUrl("/espace") }),
    });
    const toReview = claimToReviewEmail({ associationName, personName: stored.personName, reviewUrl: absoluteUrl("/admin/rna/reprises") });
    for (const to of await staffEmails("admin")) await sendMail({ to, ...toReview });
    return result;
  }

  const associationName = result.association.name;
  await sendMail({
    to: request.email,
    ...signUpReceivedEmail({ personName: stored.personName, associationName, spaceUrl: absoluteUrl("/espace") }),
  });
  const toValidate = associationToValidateEmail({ associationName, reviewUrl: absoluteUrl("/admin/associations") });
  for (const to of await staffEmails("admin")) await sendMail({ to, ...toValidate });
  return result;
}
