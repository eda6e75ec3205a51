import { describe, expect, it } from "vitest";
import {
  correctionReminderEmail,
  correctionRequestedEmail,
  decisionEmail,
  instructionStartedEmail,
  memberMessageEmail,
  staffMessageEmail,
} from "./emails";

const dossier = {
  number: "2027-014",
  projectTitle: "Ateliers numériques",
  associationName: "Clic Solidaire",
  callTitle: "Inclusion numérique 2027",
};
const url = "https://ccas.example/espace/associations/a1/dossiers/d1";

describe("instruction e-mails", () => {
  it("asks for corrections, naming the project, and links to the dossier", () => {
    expect(correctionRequestedEmail(dossier, "Le budget manque.", url)).toEqual({
      subject: "Dossier 2027-014 : corrections demandées",
      text: [
        "Bonjour,",
        "",
        "Le CCAS demande des corrections sur le dossier 2027-014 (« Ateliers numériques ») de Clic Solidaire :",
        "",
        "Le budget manque.",
        "",
        "Le dossier est de nouveau modifiable. Corrigez-le puis déposez-le à nouveau :",
        url,
      ].join("\n"),
    });
    expect(correctionRequestedEmail({ ...dossier, projectTitle: null }, "x", url).text).toContain("(« Inclusion numérique 2027 »)");
  });

  it("announces the start of instruction, naming the project, with the dossier's link", () => {
    expect(instructionStartedEmail(dossier, url)).toEqual({
      subject: "Dossier 2027-014 : passage en instruction",
      text: [
        "Bonjour,",
        "",
        "Le CCAS a commencé l'instruction du dossier 2027-014 (« Ateliers numériques ») de Clic Solidaire.",
        "Le dossier n'est plus modifiable. Vous serez prévenus par courriel de la décision ou d'une éventuelle demande de correction.",
        "",
        `Votre dossier : ${url}`,
      ].join("\n"),
    });
    expect(instructionStartedEmail({ ...dossier, projectTitle: null }, url).text).toContain("(« Inclusion numérique 2027 »)");
  });

  it("gives the reason and the due date of a correction request", () => {
    const dueAt = new Date("2026-12-14T23:00:00Z");
    expect(correctionRequestedEmail(dossier, "Le budget manque.", url, { reason: "incomplet", dueAt }).text).toBe(
      [
        "Bonjour,",
        "",
        "Le CCAS demande des corrections sur le dossier 2027-014 (« Ateliers numériques ») de Clic Solidaire :",
        "",
        "Motif : Dossier incomplet",
        "",
        "Le budget manque.",
        "",
        "Le dossier corrigé est à déposer avant le 15 décembre 2026.",
        "",
        "Le dossier est de nouveau modifiable. Corrigez-le puis déposez-le à nouveau :",
        url,
      ].join("\n"),
    );
  });

  it("reminds of a correction before its due date and once it is past, with the time left", () => {
    const request = { reason: "perime", dueAt: new Date("2026-12-14T23:00:00Z"), message: "L'attestation d'assurance a expiré." };
    const soon = correctionReminderEmail(dossier, request, "soon", url, new Date("2026-12-12T09:00:00Z"));
    expect(soon.subject).toBe("Dossier 2027-014 : corrections à déposer avant le 15 décembre 2026");
    expect(soon.text).toContain("à déposer avant le 15 décembre 2026 (encore 3 jours)");
    expect(soon.text).toContain("Motif de la demande : Pièce ou information périmée");
    expect(soon.text).toContain("L'attestation d'assurance a expiré.");
    expect(soon.text).toContain(url);
    const late = correctionReminderEmail(dossier, request, "overdue", url, new Date("2026-12-16T09:00:00Z"));
    expect(late.subject).toBe("Dossier 2027-014 : le délai de correction est dépassé");
    expect(late.text).toContain("(en retard de 2 jours)");
  });

  it("announces an acceptance with the amount, a refusal and a closing with their reason", () => {
    const accepted = decisionEmail(dossier, { decision: "accepte", amountCents: 750_000, reason: "Bravo." }, url);
    expect(accepted.subject).toBe("Dossier 2027-014 : décision du CCAS");
    expect(accepted.text).toBe(
      [
        "Bonjour,",
        "",
        "Appel à projets : Inclusion numérique 2027",
        "Votre dossier 2027-014 est accepté.",
        "Montant accordé : 7\u202f500,00\u00a0€.",
        "",
        "Bravo.",
        "",
        `Votre dossier : ${url}`,
      ].join("\n"),
    );
    expect(decisionEmail(dossier, { decision: "refuse", reason: "Hors champ." }, url).text).toContain(
      "Votre dossier 2027-014 est refusé.\n\nMotif : Hors champ.",
    );
    const closed = decisionEmail(dossier, { decision: "sans_suite", reason: null }, url).text;
    expect(closed).toContain("Votre dossier 2027-014 est classé sans suite.\n\nVotre dossier :");
    expect(closed).not.toContain("Motif");
  });

  it("tells reviewers of a member's message and members of the CCAS's", () => {
    expect(memberMessageEmail(dossier, "Lina Martin", "Voici le RIB.", "https://ccas.example/instruction/dossiers/d1#messagerie")).toEqual({
      subject: "Dossier 2027-014 : nouveau message de Clic Solidaire",
      text: "Lina Martin (Clic Solidaire) a écrit sur le dossier 2027-014 :\n\nVoici le RIB.\n\nRépondre : https://ccas.example/instruction/dossiers/d1#messagerie",
    });
    expect(staffMessageEmail(dossier, "Pouvez-vous préciser ?", url)).toEqual({
      subject: "Dossier 2027-014 : nouveau message du CCAS",
      text: `Bonjour,\n\nLe CCAS vous a écrit au sujet du dossier 2027-014 :\n\nPouvez-vous préciser ?\n\nRépondre : ${url}`,
    });
  });
});
