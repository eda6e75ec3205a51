// The CCAS's news sent to the members of the network: the text as written (Markdown reads as
// plain text), a link to the page, and the link that stops these mailings.
import { lines, type Email } from "~/mail/email";

export function newsEmail(news: { title: string; body: string }, links: { newsUrl: string; unsubscribeUrl: string }): Email {
  return {
    subject: `Actualité du réseau : ${news.title}`,
    text: lines(
      news.title,
      "",
      news.body,
      "",
      `Lire l'actualité sur le portail : ${links.newsUrl}`,
      "",
      "Vous recevez ce courriel parce que vous êtes membre d'une association du réseau.",
      `Ne plus recevoir les actualités par courriel : ${links.unsubscribeUrl}`,
    ),
  };
}
