// The wording of the e-mails of instruction, as pure functions: the modules that send them
// give the dossier's facts and the absolute links, and queue what these return.
import { formatDate, formatEuros } from "~/lib/format";
import { correctionReasonLabel, timeLeftText } from "./correction-reasons";

export type Email = { subject: string; text: string };

type DossierFacts = { number: string; projectTitle: string | null; associationName: string; callTitle: string };

/** What a correction request says besides its message: why, and by when. */
export type CorrectionTerms = { reason: string; dueAt: Date };

/** To the association's members: the dossier is open again, with what to correct (why and by when). */
export function correctionRequestedEmail(d: DossierFacts, message: string, dossierUrl: string, terms?: CorrectionTerms): Email {
  return {
    subject: `Dossier ${d.number} : corrections demandées`,
    text: [
      "Bonjour,",
      "",
      `Le CCAS demande des corrections sur le dossier ${d.number} (« ${d.projectTitle ?? d.callTitle} ») de ${d.associationName} :`,
      ...(terms ? ["", `Motif : ${correctionReasonLabel(terms.reason)}`] : []),
      "",
      message,
      "",
      ...(terms ? [`Le dossier corrigé est à déposer avant le ${formatDate(terms.dueAt)}.`, ""] : []),
      "Le dossier est de nouveau modifiable. Corrigez-le puis déposez-le à nouveau :",
      dossierUrl,
    ].join("\n"),
  };
}

/** To the association's members: the CCAS has started instructing the dossier, which can no longer be edited. */
export function instructionStartedEmail(d: DossierFacts, dossierUrl: string): Email {
  return {
    subject: `Dossier ${d.number} : passage en instruction`,
    text: [
      "Bonjour,",
      "",
      `Le CCAS a commencé l'instruction du dossier ${d.number} (« ${d.projectTitle ?? d.callTitle} ») de ${d.associationName}.`,
      "Le dossier n'est plus modifiable. Vous serez prévenus par courriel de la décision ou d'une éventuelle demande de correction.",
      "",
      `Votre dossier : ${dossierUrl}`,
    ].join("\n"),
  };
}

/**
 * To the association's members: a reminder of a pending correction request, a few days before
 * its due date ("soon") or once it is past ("overdue").
 */
export function correctionReminderEmail(
  d: DossierFacts,
  request: CorrectionTerms & { message: string },
  kind: "soon" | "overdue",
  dossierUrl: string,
  now = new Date(),
): Email {
  const due = formatDate(request.dueAt);
  return {
    subject:
      kind === "soon"
        ? `Dossier ${d.number} : corrections à déposer avant le ${due}`
        : `Dossier ${d.number} : le délai de correction est dépassé`,
    text: [
      "Bonjour,",
      "",
      kind === "soon"
        ? `Le CCAS attend toujours le dossier ${d.number} (« ${d.projectTitle ?? d.callTitle} ») corrigé : il est à déposer avant le ${due} (${timeLeftText(request.dueAt, now)}).`
        : `Le dossier ${d.number} (« ${d.projectTitle ?? d.callTitle} ») corrigé était à déposer avant le ${due} (${timeLeftText(request.dueAt, now)}). Déposez-le dès que possible, ou écrivez au CCAS dans la messagerie du dossier.`,
      "",
      `Motif de la demande : ${correctionReasonLabel(request.reason)}`,
      "",
      request.message,
      "",
      "Votre dossier :",
      dossierUrl,
    ].join("\n"),
  };
}

export type DecisionWording =
  { decision: "accepte"; amountCents: number; reason: string | null } | { decision: "refuse" | "sans_suite"; reason: string | null };

/** To the association's members: the CCAS's decision, with the amount or the reason. */
export function decisionEmail(d: Pick<DossierFacts, "number" | "callTitle">, input: DecisionWording, dossierUrl: string): Email {
  const { reason } = input;
  const lines =
    input.decision === "accepte"
      ? [`Votre dossier ${d.number} est accepté.`, `Montant accordé : ${formatEuros(input.amountCents)}.`, ...(reason ? ["", reason] : [])]
      : input.decision === "refuse"
        ? [`Votre dossier ${d.number} est refusé.`, "", `Motif : ${reason}`]
        : [`Votre dossier ${d.number} est classé sans suite.`, ...(reason ? ["", `Motif : ${reason}`] : [])];
  return {
    subject: `Dossier ${d.number} : décision du CCAS`,
    text: ["Bonjour,", "", `Appel à projets : ${d.callTitle}`, ...lines, "", `Votre dossier : ${dossierUrl}`].join("\n"),
  };
}

/** To the call's reviewers: a member of the association wrote on the dossier. */
export function memberMessageEmail(
  d: Pick<DossierFacts, "number" | "associationName">,
  authorName: string,
  body: string,
  replyUrl: string,
): Email {
  return {
    subject: `Dossier ${d.number} : nouveau message de ${d.associationName}`,
    text: [`${authorName} (${d.associationName}) a écrit sur le dossier ${d.number} :`, "", body, "", `Répondre : ${replyUrl}`].join("\n"),
  };
}

/** To the association's members: the CCAS wrote on the dossier. */
export function staffMessageEmail(d: Pick<DossierFacts, "number">, body: string, replyUrl: string): Email {
  return {
    subject: `Dossier ${d.number} : nouveau message du CCAS`,
    text: ["Bonjour,", "", `Le CCAS vous a écrit au sujet du dossier ${d.number} :`, "", body, "", `Répondre : ${replyUrl}`].join("\n"),
  };
}
