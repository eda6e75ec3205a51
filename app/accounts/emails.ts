// What the accounts domain writes: password reset links, and the invitation of a new CCAS colleague.
import { lines, type Email } from "~/mail/email";

export function passwordResetEmail(input: { name: string; resetUrl: string }): Email {
  return {
    subject: "Réinitialisation de votre mot de passe",
    text: lines(
      `Bonjour ${input.name},`,
      "",
      "Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :",
      input.resetUrl,
      "",
      "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
    ),
  };
}

/** A staff account was created: its owner chooses a password through a single-use link. */
export function staffInvitationEmail(input: {
  name: string;
  inviterName: string;
  roleLabel: string;
  setPasswordUrl: string;
  forgotPasswordUrl: string;
}): Email {
  return {
    subject: "Votre compte sur le portail du réseau des associations",
    text: lines(
      `Bonjour ${input.name},`,
      "",
      `${input.inviterName} a créé votre compte (${input.roleLabel}) sur le portail du CCAS.`,
      `Choisissez votre mot de passe avec ce lien, valable une heure : ${input.setPasswordUrl}`,
      `Passé ce délai, utilisez « Mot de passe oublié » : ${input.forgotPasswordUrl}`,
    ),
  };
}
