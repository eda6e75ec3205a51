// The e-mails of the network's moderation, as pure functions: the author association told that
// its post was hidden (and why), the reporter told what became of their report.
import { lines, type Email } from "~/mail/email";
import { theCcas } from "~/settings/ccas-name";

export function postHiddenEmail(p: { title: string; reason: string; ccasName: string }, postUrl: string): Email {
  return {
    subject: `Votre annonce « ${p.title} » a été masquée`,
    text: lines(
      "Bonjour,",
      "",
      `${theCcas(p.ccasName, { start: true })} a masqué votre annonce « ${p.title} » sur le portail du réseau : les autres associations ne la voient plus.`,
      "",
      `Motif : ${p.reason}`,
      "",
      `Voir l'annonce : ${postUrl}`,
      "",
      `Pour toute question, contactez ${theCcas(p.ccasName)}.`,
    ),
  };
}

export function reportOutcomeEmail(r: { upheld: boolean; what: "post" | "message"; resolution: string | null; ccasName: string }): Email {
  const target = r.what === "post" ? "l'annonce" : "le message";
  const reported = r.what === "post" ? "l'annonce que vous aviez signalée" : "le message que vous aviez signalé";
  return {
    subject: r.upheld ? "Votre signalement : le contenu a été masqué" : "Votre signalement a été classé sans suite",
    text: lines(
      "Bonjour,",
      "",
      r.upheld
        ? `Merci pour votre signalement. ${theCcas(r.ccasName, { start: true })} a masqué ${reported}.`
        : `Merci pour votre signalement. ${theCcas(r.ccasName, { start: true })} l'a examiné et a décidé de ne pas masquer ${target}.`,
      ...(r.resolution ? ["", `Précision du CCAS : ${r.resolution}`] : []),
    ),
  };
}
