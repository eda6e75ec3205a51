// The e-mails of the subsidy domain, as pure functions: what the association receives when staff
// validate its compte rendu financier or send it back for corrections.
import { formatDate } from "~/lib/format";
import { theCcas } from "~/settings/ccas-name";

export type Email = { subject: string; text: string };

type ReportOfSubsidy = { financialYear: number; subsidy: { number: string; purpose: string } };

/** `ccasName`: the CCAS's name from its settings ("CCAS de Dole"). */
export function reportValidatedEmail(report: ReportOfSubsidy, ccasName: string): Email {
  return {
    subject: `Compte rendu financier ${report.financialYear} validé – ${report.subsidy.number}`,
    text: `Bonjour,\n\n${theCcas(ccasName, { start: true })} a validé le compte rendu financier ${report.financialYear} de la subvention ${report.subsidy.number} (« ${report.subsidy.purpose} »).\n\nMerci.\n\n${theCcas(ccasName, { start: true })}`,
  };
}

export function reportCorrectionEmail(report: ReportOfSubsidy & { dueDate: Date }, message: string, link: string, ccasName: string): Email {
  const ccas = theCcas(ccasName, { start: true });
  return {
    subject: `Compte rendu financier ${report.financialYear} à corriger – ${report.subsidy.number}`,
    text: `Bonjour,\n\n${ccas} vous demande de corriger le compte rendu financier ${report.financialYear} de la subvention ${report.subsidy.number} (« ${report.subsidy.purpose} ») :\n\n${message}\n\nÀ transmettre avant le ${formatDate(report.dueDate)} si possible. Pour le corriger : ${link}\n\n${ccas}`,
  };
}
