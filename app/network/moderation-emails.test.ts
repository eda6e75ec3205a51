// The moderation and alert e-mails' wording: the CCAS named from its settings, the reason given,
// French agreement and counts without « (s) ».
import { describe, expect, it } from "vitest";
import { alertDigestEmail } from "./alert-emails";
import { postHiddenEmail, reportOutcomeEmail } from "./moderation-emails";
import { formatDay } from "./post-labels";

describe("moderation e-mails", () => {
  it("tells the author association why its post was hidden, naming the CCAS in the sentence", () => {
    const mail = postHiddenEmail({ title: "Tables", reason: "Vente interdite.", ccasName: "CCAS de Dole" }, "https://x.test/p");
    expect(mail.subject).toBe("Votre annonce « Tables » a été masquée");
    expect(mail.text).toContain("Le CCAS de Dole a masqué votre annonce « Tables »");
    expect(mail.text).toContain("Motif : Vente interdite.");
    expect(mail.text).toContain("contactez le CCAS de Dole.");
  });

  it("tells the reporter the outcome, with the resolution only when there is one", () => {
    const upheld = reportOutcomeEmail({ upheld: true, what: "post", resolution: null, ccasName: "CCAS de Dole" });
    expect(upheld.text).toContain("Le CCAS de Dole a masqué l'annonce que vous aviez signalée.");
    expect(upheld.text).not.toContain("Précision");
    const dismissed = reportOutcomeEmail({ upheld: false, what: "message", resolution: "Rien d'abusif.", ccasName: "CCAS de Dole" });
    expect(dismissed.subject).toBe("Votre signalement a été classé sans suite");
    expect(dismissed.text).toContain("de ne pas masquer le message.");
    expect(dismissed.text).toContain("Précision du CCAS : Rien d'abusif.");
  });

  it("counts the digest's posts in words and dates « 1er »", () => {
    const post = {
      kind: "Besoin",
      title: "T",
      association: "A",
      district: "Planoise",
      endsOn: formatDay(new Date("2026-12-01T00:00:00Z")),
      url: "u",
    };
    const one = alertDigestEmail({ recipientName: "Inès", posts: [post], alertsUrl: "a", unsubscribeUrl: "d" });
    expect(one.subject).toBe("Réseau des associations : 1 nouvelle annonce pour vos alertes");
    expect(one.text).toContain("jusqu'au 1er décembre 2026");
    expect(one.text).toContain("1 nouvelle annonce du réseau correspond à vos alertes");
    const two = alertDigestEmail({ recipientName: "Inès", posts: [post, post], alertsUrl: "a", unsubscribeUrl: "d" });
    expect(two.subject).toBe("Réseau des associations : 2 nouvelles annonces pour vos alertes");
    expect(two.text).toContain("correspondent");
  });
});
