// What the association domain writes: sign-up, validation, refusal, invitations.
import { lines, type Email } from "~/mail/email";

export const SIGN_UP_NOTICE_SUBJECT = "Tentative d'inscription avec votre adresse";
export const SIGN_UP_CONFIRMATION_SUBJECT_START = "Confirmez l'inscription de ";

/** To an address that already has an account, when someone signs up with it. */
export function signUpNoticeEmail(input: { personName: string; associationName: string; loginUrl: string; resetUrl: string }): Email {
  return {
    subject: SIGN_UP_NOTICE_SUBJECT,
    text: lines(
      `Bonjour ${input.personName},`,
      "",
      `Quelqu'un, peut-être vous, a essayé de créer un compte sur le portail des associations du CCAS avec votre adresse,`,
      `pour inscrire l'association « ${input.associationName} ». Vous avez déjà un compte : rien n'a été créé ni modifié.`,
      "",
      `Pour vous connecter : ${input.loginUrl}`,
      `Mot de passe oublié : ${input.resetUrl}`,
      "",
      "Pour ajouter une autre association à votre compte, contactez le CCAS. Si vous n'êtes pas à l'origine de cette",
      "demande, ignorez ce message : votre compte reste tel quel.",
    ),
  };
}

/** The link that confirms a sign-up (step 1 of 2). */
export function signUpConfirmationEmail(input: { personName: string; associationName: string; confirmUrl: string }): Email {
  return {
    subject: `${SIGN_UP_CONFIRMATION_SUBJECT_START}${input.associationName}`,
    text: lines(
      `Bonjour ${input.personName},`,
      "",
      `Pour confirmer votre adresse et enregistrer l'inscription de « ${input.associationName} » au réseau des associations du CCAS,`,
      `ouvrez ce lien (valable 24 heures) : ${input.confirmUrl}`,
      "",
      "Si vous n'avez rien demandé, ignorez ce message : rien ne sera enregistré.",
    ),
  };
}

/** The sign-up is confirmed: it waits for an administrator. */
export function signUpReceivedEmail(input: { personName: string; associationName: string; spaceUrl: string }): Email {
  return {
    subject: `Inscription de ${input.associationName} reçue`,
    text: lines(
      `Bonjour ${input.personName},`,
      "",
      `Nous avons bien reçu l'inscription de « ${input.associationName} » au réseau des associations du CCAS.`,
      "Un·e administrateur·rice du CCAS va la vérifier. Vous recevrez un courriel dès qu'elle sera validée ;",
      "l'association apparaîtra alors dans l'annuaire public.",
      "",
      `Votre espace : ${input.spaceUrl}`,
    ),
  };
}

/** To the administrators: a new association to validate. */
export function associationToValidateEmail(input: { associationName: string; reviewUrl: string }): Email {
  return {
    subject: `Nouvelle association à valider : ${input.associationName}`,
    text: `L'association « ${input.associationName} » vient de s'inscrire.\n\nÀ valider : ${input.reviewUrl}`,
  };
}

export function associationValidatedEmail(input: { associationName: string; directoryUrl: string; spaceUrl: string }): Email {
  return {
    subject: `${input.associationName} est validée`,
    text: lines(
      "Bonjour,",
      "",
      `L'inscription de « ${input.associationName} » au réseau des associations du CCAS est validée.`,
      `Elle apparaît désormais dans l'annuaire : ${input.directoryUrl}`,
      "",
      `Complétez son profil et suivez vos démarches dans votre espace : ${input.spaceUrl}`,
    ),
  };
}

export function associationRefusedEmail(input: { associationName: string; reason: string; spaceUrl: string }): Email {
  return {
    subject: `Inscription de ${input.associationName} refusée`,
    text: lines(
      "Bonjour,",
      "",
      `L'inscription de « ${input.associationName} » au réseau des associations du CCAS n'a pas été validée, pour le motif suivant :`,
      "",
      input.reason,
      "",
      `Vous pouvez corriger le profil depuis votre espace et nous contacter : ${input.spaceUrl}`,
    ),
  };
}

/** A member of an association invites someone into its space. */
export function memberInvitationEmail(input: { inviterName: string; associationName: string; invitationUrl: string }): Email {
  return {
    subject: `Invitation à rejoindre ${input.associationName} sur le portail du CCAS`,
    text: lines(
      "Bonjour,",
      "",
      `${input.inviterName} vous invite à rejoindre l'espace de « ${input.associationName} » sur le portail du réseau des associations du CCAS.`,
      "",
      `Pour accepter l'invitation (valable 7 jours) : ${input.invitationUrl}`,
    ),
  };
}
