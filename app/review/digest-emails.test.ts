import { describe, expect, it } from "vitest";
import { dailyDigestEmail } from "./digest-emails";

const options = {
  recipientName: "Inès",
  ccasName: "CCAS de Dole",
  day: new Date("2027-03-02T06:30:00Z"),
  unsubscribeUrl: "https://ccas.example/instruction/resume/desabonnement/u1.sig",
  settingsUrl: "https://ccas.example/espace/compte",
};

describe("daily digest e-mail", () => {
  it("lists each kind of news with its link, only the kinds that have some, and the one-click unsubscribe link", () => {
    const email = dailyDigestEmail(
      {
        deposits: [{ text: "AAP-2027-0001 – Clic : nouveau dossier déposé", url: "https://ccas.example/instruction/dossiers/d1" }],
        messages: [],
        corrections: [],
        opinions: [
          { text: "AAP-2027-0002 – Lire : avis de Mme Dupont reçu", url: "https://ccas.example/instruction/dossiers/d2#avis" },
          { text: "AAP-2027-0003 – Jouer : avis de M. Martin reçu", url: "https://ccas.example/instruction/dossiers/d3#avis" },
        ],
      },
      options,
    );
    expect(email.subject).toBe("Instruction : résumé du mardi 2 mars 2027 (3 nouveautés)");
    expect(email.text).toBe(
      [
        "Bonjour Inès,",
        "",
        "Depuis votre dernier résumé, sur les appels à projets que vous instruisez :",
        "",
        "Nouveaux dossiers déposés (1) :",
        "- AAP-2027-0001 – Clic : nouveau dossier déposé",
        "  https://ccas.example/instruction/dossiers/d1",
        "",
        "Avis reçus (2) :",
        "- AAP-2027-0002 – Lire : avis de Mme Dupont reçu",
        "  https://ccas.example/instruction/dossiers/d2#avis",
        "- AAP-2027-0003 – Jouer : avis de M. Martin reçu",
        "  https://ccas.example/instruction/dossiers/d3#avis",
        "",
        "—",
        "Résumé quotidien de l'instruction (CCAS de Dole).",
        "Ne plus le recevoir, en un clic : https://ccas.example/instruction/resume/desabonnement/u1.sig",
        "Ou depuis votre compte : https://ccas.example/espace/compte",
      ].join("\n"),
    );
    expect(email.text).not.toContain("messages");
  });
});
