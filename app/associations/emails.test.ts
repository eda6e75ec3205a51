import { describe, expect, it } from "vitest";
import {
  associationRefusedEmail,
  associationToValidateEmail,
  associationValidatedEmail,
  memberInvitationEmail,
  SIGN_UP_CONFIRMATION_SUBJECT_START,
  SIGN_UP_NOTICE_SUBJECT,
  signUpConfirmationEmail,
  signUpNoticeEmail,
  signUpReceivedEmail,
} from "./emails";

const site = "https://portail.example";

describe("association e-mails", () => {
  it("asks a new address to confirm its sign-up", () => {
    const email = signUpConfirmationEmail({
      personName: "Zoé Martin",
      associationName: "Jardins partagés",
      confirmUrl: `${site}/inscription/confirmer/abc`,
    });
    expect(email.subject).toBe("Confirmez l'inscription de Jardins partagés");
    expect(email.subject.startsWith(SIGN_UP_CONFIRMATION_SUBJECT_START)).toBe(true);
    expect(email.text).toBe(
      [
        "Bonjour Zoé Martin,",
        "",
        "Pour confirmer votre adresse et enregistrer l'inscription de « Jardins partagés » au réseau des associations du CCAS,",
        `ouvrez ce lien (valable 24 heures) : ${site}/inscription/confirmer/abc`,
        "",
        "Si vous n'avez rien demandé, ignorez ce message : rien ne sera enregistré.",
      ].join("\n"),
    );
  });

  it("tells an address that already has an account how to sign in", () => {
    const email = signUpNoticeEmail({
      personName: "Zoé Martin",
      associationName: "Jardins partagés",
      loginUrl: `${site}/connexion`,
      resetUrl: `${site}/mot-de-passe-oublie`,
    });
    expect(email.subject).toBe(SIGN_UP_NOTICE_SUBJECT);
    expect(email.text).toContain("Bonjour Zoé Martin,");
    expect(email.text).toContain(
      "pour inscrire l'association « Jardins partagés ». Vous avez déjà un compte : rien n'a été créé ni modifié.",
    );
    expect(email.text).toContain(`Pour vous connecter : ${site}/connexion\nMot de passe oublié : ${site}/mot-de-passe-oublie`);
  });

  it("acknowledges a confirmed sign-up, and tells the administrators", () => {
    const received = signUpReceivedEmail({ personName: "Zoé", associationName: "Jardins partagés", spaceUrl: `${site}/espace` });
    expect(received.subject).toBe("Inscription de Jardins partagés reçue");
    expect(received.text).toContain("Nous avons bien reçu l'inscription de « Jardins partagés » au réseau des associations du CCAS.");
    expect(received.text.endsWith(`Votre espace : ${site}/espace`)).toBe(true);
    const toValidate = associationToValidateEmail({ associationName: "Jardins partagés", reviewUrl: `${site}/admin/associations` });
    expect(toValidate).toEqual({
      subject: "Nouvelle association à valider : Jardins partagés",
      text: `L'association « Jardins partagés » vient de s'inscrire.\n\nÀ valider : ${site}/admin/associations`,
    });
  });

  it("announces a validation with the directory link", () => {
    const email = associationValidatedEmail({
      associationName: "Jardins partagés",
      directoryUrl: `${site}/annuaire/jardins-partages`,
      spaceUrl: `${site}/espace`,
    });
    expect(email.subject).toBe("Jardins partagés est validée");
    expect(email.text).toContain(`Elle apparaît désormais dans l'annuaire : ${site}/annuaire/jardins-partages`);
    expect(email.text).toContain(`suivez vos démarches dans votre espace : ${site}/espace`);
  });

  it("gives the reason of a refusal", () => {
    const email = associationRefusedEmail({ associationName: "Jardins partagés", reason: "Objet hors champ.", spaceUrl: `${site}/espace` });
    expect(email.subject).toBe("Inscription de Jardins partagés refusée");
    expect(email.text).toContain("n'a pas été validée, pour le motif suivant :\n\nObjet hors champ.\n\n");
  });

  it("invites a new member with a link valid seven days", () => {
    const email = memberInvitationEmail({
      inviterName: "Awa Diallo",
      associationName: "Jardins partagés",
      invitationUrl: `${site}/invitation/xyz`,
    });
    expect(email.subject).toBe("Invitation à rejoindre Jardins partagés sur le portail du CCAS");
    expect(email.text).toContain("Awa Diallo vous invite à rejoindre l'espace de « Jardins partagés »");
    expect(email.text).toContain(`Pour accepter l'invitation (valable 7 jours) : ${site}/invitation/xyz`);
  });
});
