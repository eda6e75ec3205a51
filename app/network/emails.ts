// The network's messages relayed by e-mail: the text and a link back to the portal, never the
// writer's address (the reply goes through the portal).
import { lines, type Email } from "~/mail/email";

export function relayedMessageEmail(
  m: { fromAssociationName: string; subject: string; body: string; postTitle: string | null },
  conversationUrl: string,
): Email {
  return {
    subject: `${m.fromAssociationName} vous a écrit : ${m.subject}`,
    text: lines(
      "Bonjour,",
      "",
      m.postTitle
        ? `${m.fromAssociationName} répond à votre annonce « ${m.postTitle} » sur le portail du réseau :`
        : `${m.fromAssociationName} vous a écrit par le portail du réseau :`,
      "",
      m.body,
      "",
      `Lire la conversation et répondre : ${conversationUrl}`,
      "",
      "Ne répondez pas à ce courriel : votre réponse passe par le portail, qui ne communique l'adresse de personne.",
    ),
  };
}
