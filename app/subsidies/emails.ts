// The e-mails of the subsidy domain, as pure functions: what the association receives when staff
// validate its compte rendu financier or send it back for corrections.
import { formatDate } from "~/lib/format";

export type Email = { subject: string; text: string };

type ReportOfSubsidy = { financialYear: number; subsidy: { number: string; purpose: string } };

export function reportValidatedEmail(report: ReportOfSubsidy): Email {
  return {
    subject: `Compte rendu financier ${report.financialYear} validé – ${report.subsidy.number}`,
    text: `Bonjour,\n\nLe CCAS de Besançon a validé le compte rendu financier ${report.financialYear} de la subvention ${report.subsidy.number} (« ${report.subsidy.purpose} »).\n\nMerci.\n\nLe CCAS de Besançon`,
  };
}

export function reportCorrectionEmail(report: ReportOfSubsidy & { dueDate: Date }, message: string, link: string): Email {
  return {
    subject: `Compte rendu financier ${report.financialYear} à corriger – ${report.subsidy.number}`,
    text: `Bonjour,\n\nLe CCAS de Besançon vous demande de corriger le compte rendu financier ${report.financialYear} de la subvention ${report.subsidy.number} (« ${report.subsidy.purpose} ») :\n\n${message}\n\nÀ transmettre avant le ${formatDate(report.dueDate)} si possible. Pour le corriger : ${link}\n\nLe CCAS de Besançon`,
  };
}
