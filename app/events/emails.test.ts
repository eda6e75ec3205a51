import { describe, expect, it } from "vitest";
import { confirmAddressEmail, placeFreedEmail, registrationCancelledEmail, registrationConfirmedEmail, waitingListEmail } from "./emails";

// 5 December 2026, 14:00–17:30 in Paris.
const event = {
  title: "Rencontre annuelle",
  startsAt: new Date("2026-12-05T13:00:00Z"),
  endsAt: new Date("2026-12-05T16:30:00Z"),
  place: "Salle Proudhon",
  onlineUrl: null,
};
const cancelUrl = "https://portail.test/evenements/annulation/abc.sig";

describe("event e-mails", () => {
  it("confirms a place with when, where and the cancellation link", () => {
    expect(registrationConfirmedEmail({ name: "Léa", event, cancelUrl })).toEqual({
      subject: "Inscription confirmée : Rencontre annuelle",
      text: [
        "Bonjour Léa,",
        "",
        "Votre inscription à « Rencontre annuelle » est confirmée.",
        "Date : du 5 décembre 2026 à 14 h 00 au 5 décembre 2026 à 17 h 30 (heure de Paris)",
        "Lieu : Salle Proudhon",
        "",
        "L'invitation est jointe à ce message pour votre agenda.",
        "Si vous ne pouvez plus venir, libérez votre place pour une personne en liste d'attente :",
        cancelUrl,
      ].join("\n"),
    });
  });

  it("gives the waiting-list position", () => {
    const mail = waitingListEmail({ name: "Léa", event, position: 3, cancelUrl });
    expect(mail.subject).toBe("Liste d'attente : Rencontre annuelle");
    expect(mail.text).toContain("« Rencontre annuelle » est complet. Vous êtes inscrit·e en liste d'attente, en position 3.");
    expect(mail.text).toContain("Pour quitter la liste d'attente :\n" + cancelUrl);
    expect(mail.text).not.toContain("Lieu");
  });

  it("tells the first person waiting that a place is theirs, online when there is no place", () => {
    const mail = placeFreedEmail({ name: "Léa", event: { ...event, place: null, onlineUrl: "https://visio.test/r" }, cancelUrl });
    expect(mail.subject).toBe("Une place s'est libérée : Rencontre annuelle");
    expect(mail.text).toContain("Une place s'est libérée : votre inscription à « Rencontre annuelle » est maintenant confirmée.");
    expect(mail.text).toContain("En ligne : https://visio.test/r");
    expect(mail.text.endsWith(`libérez votre place :\n${cancelUrl}`)).toBe(true);
  });

  it("confirms a cancellation with the day of the event", () => {
    expect(registrationCancelledEmail({ name: "Léa", event })).toEqual({
      subject: "Inscription annulée : Rencontre annuelle",
      text: "Bonjour Léa,\n\nVotre inscription à « Rencontre annuelle » (samedi 5 décembre 2026) est annulée.",
    });
  });

  it("asks the public to confirm their address within 48 hours", () => {
    const mail = confirmAddressEmail({ name: "Camille", event, confirmUrl: "https://portail.test/evenements/confirmation/t" });
    expect(mail.subject).toBe("Confirmez votre inscription : Rencontre annuelle");
    expect(mail.text).toContain("Vous avez demandé à vous inscrire à « Rencontre annuelle » (samedi 5 décembre 2026).");
    expect(mail.text).toContain("ouvrez ce lien dans les 48 heures :\nhttps://portail.test/evenements/confirmation/t");
    expect(mail.text).toContain("aucune place ne vous est réservée");
  });
});
