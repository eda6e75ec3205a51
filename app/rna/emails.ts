// What the RNA side of the directory writes: the takeover ("reprise") of an imported entry by the
// association that signs up with its number. The CCAS's name comes from the settings (a parameter).
import { lines, type Email } from "~/mail/email";

export const CLAIM_MATCH_NOTICE =
  "Cette association figure déjà dans l'annuaire : votre inscription sera une demande de reprise de la fiche, vérifiée par le CCAS.";

/** To the person, once their address is confirmed. */
export function claimReceivedEmail(input: { ccasName: string; personName: string; associationName: string; spaceUrl: string }): Email {
  return {
    subject: `Demande de reprise de la fiche ${input.associationName} reçue`,
    text: lines(
      `Bonjour ${input.personName},`,
      "",
      `« ${input.associationName} » figure déjà dans l'annuaire du ${input.ccasName}, d'après le Répertoire national des associations (RNA).`,
      "Votre inscription est donc une demande de reprise de cette fiche : un·e administrateur·rice va la vérifier.",
      "Une fois la demande acceptée, vous serez le ou la représentant·e légal·e de l'association sur le portail et pourrez mettre sa fiche à jour.",
      "",
      `Votre espace : ${input.spaceUrl}`,
    ),
  };
}

/** To the administrators: a takeover to check. */
export function claimToReviewEmail(input: { associationName: string; personName: string; reviewUrl: string }): Email {
  return {
    subject: `Demande de reprise de fiche à vérifier : ${input.associationName}`,
    text: lines(
      `${input.personName} demande à reprendre la fiche « ${input.associationName} », importée du RNA.`,
      "",
      `À vérifier : ${input.reviewUrl}`,
    ),
  };
}

export function claimAcceptedEmail(input: { ccasName: string; associationName: string; spaceUrl: string; directoryUrl: string }): Email {
  return {
    subject: `Reprise de la fiche ${input.associationName} acceptée`,
    text: lines(
      "Bonjour,",
      "",
      `Le ${input.ccasName} a accepté votre demande : vous êtes désormais le ou la représentant·e légal·e de « ${input.associationName} » sur le portail.`,
      `Sa fiche dans l'annuaire : ${input.directoryUrl}`,
      "",
      `Complétez-la et suivez vos démarches dans votre espace : ${input.spaceUrl}`,
    ),
  };
}

export function claimRefusedEmail(input: { ccasName: string; associationName: string; reason: string; contact: string | null }): Email {
  return {
    subject: `Reprise de la fiche ${input.associationName} refusée`,
    text: lines(
      "Bonjour,",
      "",
      `Le ${input.ccasName} n'a pas accepté votre demande de reprise de la fiche « ${input.associationName} », pour le motif suivant :`,
      "",
      input.reason,
      "",
      input.contact ? `Pour en parler : ${input.contact}` : "Pour en parler, contactez le CCAS.",
    ),
  };
}
