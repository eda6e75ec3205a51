// The wording of the e-mails of expert opinions (avis), as pure functions: to the person
// consulted (the request, the reminders) and to the staff who asked (the answer arrived).
import { formatDate } from "~/lib/format";
import { theCcas } from "~/settings/ccas-name";
import type { Email } from "./emails";

export type OpinionFacts = {
  expertName: string;
  question: string;
  dueAt: Date;
  dossierNumber: string;
  projectTitle: string | null;
  associationName: string;
  ccasName: string;
};

const about = (o: OpinionFacts) => `le dossier ${o.dossierNumber} (« ${o.projectTitle ?? "sans titre"} ») de ${o.associationName}`;

/** To the person consulted: what is asked, by when, and the personal link to answer. */
export function opinionRequestEmail(o: OpinionFacts, link: string): Email {
  return {
    subject: `Demande d'avis : dossier ${o.dossierNumber}`,
    text: [
      `Bonjour ${o.expertName},`,
      "",
      `${theCcas(o.ccasName, { start: true })} sollicite votre avis sur ${about(o)}.`,
      "",
      "Question posée :",
      o.question,
      "",
      `Merci de répondre avant le ${formatDate(o.dueAt)}. Le dossier et ses pièces sont consultables par ce lien personnel, sans compte à créer :`,
      link,
      "",
      "Ce lien vous est propre : ne le transférez pas.",
    ].join("\n"),
  };
}

export type ReminderKind = "soon" | "overdue" | "manual";

/** To the person consulted, not yet answered: before the deadline, once it passed, or at the staff's request. */
export function opinionReminderEmail(o: OpinionFacts, kind: ReminderKind, link: string): Email {
  const when =
    kind === "overdue"
      ? `La date limite (${formatDate(o.dueAt)}) est passée, mais votre avis reste attendu et peut encore être donné.`
      : `Votre avis est attendu avant le ${formatDate(o.dueAt)}.`;
  return {
    subject: `${kind === "overdue" ? "Avis en retard" : "Rappel : avis attendu"} – dossier ${o.dossierNumber}`,
    text: [
      `Bonjour ${o.expertName},`,
      "",
      `${theCcas(o.ccasName, { start: true })} vous a demandé votre avis sur ${about(o)}.`,
      when,
      "",
      "Question posée :",
      o.question,
      "",
      "Pour répondre (ce lien remplace celui des courriels précédents) :",
      link,
    ].join("\n"),
  };
}

/** To the staff member who asked: the answer is in the dossier. */
export function opinionAnsweredEmail(o: Pick<OpinionFacts, "expertName" | "dossierNumber">, dossierUrl: string): Email {
  return {
    subject: `Dossier ${o.dossierNumber} : avis de ${o.expertName} reçu`,
    text: [`${o.expertName} a donné son avis sur le dossier ${o.dossierNumber}.`, "", `Le lire : ${dossierUrl}`].join("\n"),
  };
}
