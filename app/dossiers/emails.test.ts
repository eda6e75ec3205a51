import { describe, expect, it } from "vitest";
import { depositAcknowledgementEmail } from "./emails";

const sample = {
  submitterName: "Claire Martin",
  number: "AAP-2026-0007",
  associationName: "Les Jardins de Planoise",
  callTitle: "Lutte contre l'isolement 2026",
  projectTitle: "Jardins partagés",
  requestedCents: 8_000_00,
  resubmission: false,
  dossierUrl: "https://portail.example/espace/associations/a1/dossiers/d1",
};

describe("deposit acknowledgement", () => {
  it("names the dossier, the call, the project and the amount, with the dossier's address", () => {
    const { subject, text } = depositAcknowledgementEmail(sample);
    expect(subject).toBe("Accusé de réception du dossier AAP-2026-0007");
    expect(text.split("\n")).toEqual([
      "Bonjour Claire Martin,",
      "",
      "Le dossier AAP-2026-0007 de « Les Jardins de Planoise » a bien été déposé.",
      "Appel à projets : Lutte contre l'isolement 2026",
      "Projet : Jardins partagés",
      "Montant demandé au CCAS : 8\u202f000,00\u00a0€",
      "",
      "Il reste modifiable jusqu'au début de son instruction par le CCAS. L'attestation de dépôt est jointe en PDF ; elle reste téléchargeable sur la page du dossier.",
      "",
      "Votre dossier : https://portail.example/espace/associations/a1/dossiers/d1",
    ]);
  });

  it("says a corrected dossier was deposited again", () => {
    const { text } = depositAcknowledgementEmail({ ...sample, resubmission: true });
    expect(text).toContain("Le dossier AAP-2026-0007 corrigé de « Les Jardins de Planoise » a bien été déposé de nouveau.");
  });
});
