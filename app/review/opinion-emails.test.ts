import { describe, expect, it } from "vitest";
import { opinionAnsweredEmail, opinionReminderEmail, opinionRequestEmail } from "./opinion-emails";

const facts = {
  expertName: "Mme Dupont",
  question: "Le projet répond-il aux besoins du quartier ?",
  dueAt: new Date("2027-01-15T22:59:59.999Z"), // 15 January, 23:59 in Paris
  dossierNumber: "AAP-2027-0014",
  projectTitle: "Ateliers numériques",
  associationName: "Clic Solidaire",
  ccasName: "CCAS de Dole",
};
const link = "https://ccas.example/avis/secret";

describe("expert opinion e-mails", () => {
  it("asks the opinion with the question, the deadline in Paris and the personal link", () => {
    expect(opinionRequestEmail(facts, link)).toEqual({
      subject: "Demande d'avis : dossier AAP-2027-0014",
      text: [
        "Bonjour Mme Dupont,",
        "",
        "Le CCAS de Dole sollicite votre avis sur le dossier AAP-2027-0014 (« Ateliers numériques ») de Clic Solidaire.",
        "",
        "Question posée :",
        "Le projet répond-il aux besoins du quartier ?",
        "",
        "Merci de répondre avant le 15 janvier 2027. Le dossier et ses pièces sont consultables par ce lien personnel, sans compte à créer :",
        link,
        "",
        "Ce lien vous est propre : ne le transférez pas.",
      ].join("\n"),
    });
    expect(opinionRequestEmail({ ...facts, ccasName: "Ville de Dole" }, link).text).toContain("\nVille de Dole sollicite");
  });

  it("reminds before the deadline, after it, and says the new link replaces the old", () => {
    const soon = opinionReminderEmail(facts, "soon", link);
    expect(soon.subject).toBe("Rappel : avis attendu – dossier AAP-2027-0014");
    expect(soon.text).toContain("Votre avis est attendu avant le 15 janvier 2027.");
    expect(soon.text).toContain(`ce lien remplace celui des courriels précédents) :\n${link}`);
    const late = opinionReminderEmail(facts, "overdue", link);
    expect(late.subject).toBe("Avis en retard – dossier AAP-2027-0014");
    expect(late.text).toContain("La date limite (15 janvier 2027) est passée");
    expect(opinionReminderEmail(facts, "manual", link).subject).toBe(soon.subject);
  });

  it("tells the staff member who asked that the answer arrived", () => {
    expect(opinionAnsweredEmail(facts, "https://ccas.example/instruction/dossiers/d1#avis")).toEqual({
      subject: "Dossier AAP-2027-0014 : avis de Mme Dupont reçu",
      text: "Mme Dupont a donné son avis sur le dossier AAP-2027-0014.\n\nLe lire : https://ccas.example/instruction/dossiers/d1#avis",
    });
  });
});
