// The wording of the dossier e-mails, as pure functions (no database, browser-safe).
import { formatEuros } from "~/lib/format";

export type DepositAcknowledgement = {
  submitterName: string;
  number: string;
  associationName: string;
  callTitle: string;
  projectTitle: string;
  requestedCents: number;
  /** A re-deposit after the CCAS asked for corrections. */
  resubmission: boolean;
  /** The dossier's page in the association's space, as an absolute address. */
  dossierUrl: string;
};

/** To the person who deposited: the attestation de dépôt in PDF goes with it. */
export function depositAcknowledgementEmail(d: DepositAcknowledgement) {
  return {
    subject: `Accusé de réception du dossier ${d.number}`,
    text: [
      `Bonjour ${d.submitterName},`,
      "",
      d.resubmission
        ? `Le dossier ${d.number} corrigé de « ${d.associationName} » a bien été déposé de nouveau.`
        : `Le dossier ${d.number} de « ${d.associationName} » a bien été déposé.`,
      `Appel à projets : ${d.callTitle}`,
      `Projet : ${d.projectTitle}`,
      `Montant demandé au CCAS : ${formatEuros(d.requestedCents)}`,
      "",
      "Il reste modifiable jusqu'au début de son instruction par le CCAS. L'attestation de dépôt est jointe en PDF ; elle reste téléchargeable sur la page du dossier.",
      "",
      `Votre dossier : ${d.dossierUrl}`,
    ].join("\n"),
  };
}
