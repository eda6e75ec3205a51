// The steering domain's e-mails, as pure functions.
import { formatDate } from "~/lib/format";
import { theCcas } from "~/settings/ccas-name";
import type { Email } from "~/subsidies/emails";

type MeetingOfSubsidy = { year: number; heldOn: Date; subsidy: { number: string; purpose: string } };

/** The association hears that the record of its yearly review meeting is saved (and where to read it). */
export function reviewMeetingEmail(meeting: MeetingOfSubsidy, link: string, ccasName: string): Email {
  const ccas = theCcas(ccasName, { start: true });
  return {
    subject: `Dialogue de gestion ${meeting.year} – ${meeting.subsidy.number}`,
    text: `Bonjour,\n\n${ccas} a enregistré le compte rendu du dialogue de gestion ${meeting.year} de la convention pluriannuelle ${meeting.subsidy.number} (« ${meeting.subsidy.purpose} »), tenu le ${formatDate(meeting.heldOn)}.\n\nVous pouvez le lire, avec les objectifs de la convention : ${link}\n\n${ccas}`,
  };
}
