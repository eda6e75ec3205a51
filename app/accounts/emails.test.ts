import { describe, expect, it } from "vitest";
import { passwordResetEmail, staffInvitationEmail } from "./emails";

describe("account e-mails", () => {
  it("sends a reset link valid one hour, once", () => {
    expect(passwordResetEmail({ name: "Zoé Martin", resetUrl: "https://portail.example/mot-de-passe/abc" })).toEqual({
      subject: "Réinitialisation de votre mot de passe",
      text: [
        "Bonjour Zoé Martin,",
        "",
        "Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :",
        "https://portail.example/mot-de-passe/abc",
        "",
        "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
      ].join("\n"),
    });
  });

  it("invites a new colleague to choose a password", () => {
    const email = staffInvitationEmail({
      name: "Alex Collègue",
      inviterName: "Camille Admin",
      roleLabel: "Agent du CCAS",
      setPasswordUrl: "https://portail.example/mot-de-passe/xyz",
      forgotPasswordUrl: "https://portail.example/mot-de-passe-oublie",
    });
    expect(email.subject).toBe("Votre compte sur le portail du réseau des associations");
    expect(email.text).toBe(
      [
        "Bonjour Alex Collègue,",
        "",
        "Camille Admin a créé votre compte (Agent du CCAS) sur le portail du CCAS.",
        "Choisissez votre mot de passe avec ce lien, valable une heure : https://portail.example/mot-de-passe/xyz",
        "Passé ce délai, utilisez « Mot de passe oublié » : https://portail.example/mot-de-passe-oublie",
      ].join("\n"),
    );
  });
});
