// What CCAS staff are told when a member reports a message or a post as abusive: who reported,
// the reason and a link to the moderation page; the reported text stays on the portal.
import { lines, type Email } from "~/mail/email";

export function abuseReportStaffEmail(
  r: { what: "message" | "post"; reporterAssociationName: string; reportedAssociationName: string; reason: string },
  moderationUrl: string,
): Email {
  const what = r.what === "message" ? "un message" : "une annonce";
  return {
    subject: `Signalement : ${what} de ${r.reportedAssociationName}`,
    text: lines(
      "Bonjour,",
      "",
      `${r.reporterAssociationName} signale ${what} de ${r.reportedAssociationName} sur le réseau des associations.`,
      "",
      "Motif donné :",
      r.reason,
      "",
      `Examiner le signalement : ${moderationUrl}`,
    ),
  };
}
