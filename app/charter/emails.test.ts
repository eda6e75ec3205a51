import { describe, expect, it } from "vitest";
import { charterNoticeEmail } from "./emails";

const base = {
  associationName: "Les Colibris de Palente",
  recipientName: "Zoé Martin",
  signLink: "https://portail.test/espace/associations/a1/charte",
  versionsLink: "https://portail.test/charte/versions",
  ccasName: "CCAS de Besançon",
};

describe("charter e-mails", () => {
  it("announces the first version and asks the representative to sign it", () => {
    const email = charterNoticeEmail({ ...base, kind: "new_version", version: 1 });
    expect(email.subject).toBe("La charte municipale de l'action sociale est publiée : signature attendue");
    expect(email.text).toBe(
      [
        "Bonjour Zoé Martin,",
        "",
        "Le CCAS de Besançon publie la charte municipale de l'action sociale. La signer, c'est faire partie du réseau des associations de solidarité.",
        "",
        "En tant que représentant·e légal·e de « Les Colibris de Palente », vous pouvez la lire et la signer ici :",
        "https://portail.test/espace/associations/a1/charte",
        "",
        "Ce qui a changé : https://portail.test/charte/versions",
      ].join("\n"),
    );
  });

  it("asks for a new signature when a later version is published", () => {
    const email = charterNoticeEmail({ ...base, kind: "new_version", version: 3 });
    expect(email.subject).toBe("Charte de l'action sociale : version 3 publiée, nouvelle signature attendue");
    expect(email.text).toContain("La signature d'une version précédente reste enregistrée, mais « Les Colibris de Palente » n'apparaîtra");
  });

  it("reminds an association that has not signed the current version", () => {
    const email = charterNoticeEmail({ ...base, kind: "reminder", version: 2 });
    expect(email.subject).toBe("Rappel : Les Colibris de Palente n'a pas encore signé la charte de l'action sociale");
    expect(email.text).toContain(
      "La version 2 de la charte municipale de l'action sociale n'a pas encore été signée pour « Les Colibris de Palente ».",
    );
  });

  it("names the CCAS of the settings", () => {
    for (const version of [1, 2]) {
      const email = charterNoticeEmail({ ...base, ccasName: "CCAS de Dole", kind: "new_version", version });
      expect(email.text).toMatch(/^Le CCAS de Dole (publie|a publié) la/m);
      expect(`${email.subject}\n${email.text}`).not.toMatch(/Besançon/);
    }
  });
});
