import { describe, expect, it } from "vitest";
import { reportCorrectionEmail, reportValidatedEmail } from "./emails";

const report = {
  financialYear: 2026,
  dueDate: new Date("2027-06-30T21:59:59Z"),
  subsidy: { number: "SUB-2026-0007", purpose: "Épicerie mobile" },
};

describe("subsidy e-mails", () => {
  it("tells the association its compte rendu is validated", () => {
    expect(reportValidatedEmail(report, "CCAS de Besançon")).toEqual({
      subject: "Compte rendu financier 2026 validé – SUB-2026-0007",
      text: "Bonjour,\n\nLe CCAS de Besançon a validé le compte rendu financier 2026 de la subvention SUB-2026-0007 (« Épicerie mobile »).\n\nMerci.\n\nLe CCAS de Besançon",
    });
  });

  it("asks for corrections with the staff's message, the due date and the link", () => {
    const email = reportCorrectionEmail(
      report,
      "Joignez le relevé bancaire.",
      "https://portail.test/espace/associations/a1/subventions/s1",
      "CCAS de Besançon",
    );
    expect(email.subject).toBe("Compte rendu financier 2026 à corriger – SUB-2026-0007");
    expect(email.text).toBe(
      "Bonjour,\n\nLe CCAS de Besançon vous demande de corriger le compte rendu financier 2026 de la subvention SUB-2026-0007 (« Épicerie mobile ») :\n\nJoignez le relevé bancaire.\n\nÀ transmettre avant le 30 juin 2027 si possible. Pour le corriger : https://portail.test/espace/associations/a1/subventions/s1\n\nLe CCAS de Besançon",
    );
  });

  it("speaks in the name of the CCAS of the settings", () => {
    const emails = [
      reportValidatedEmail(report, "CCAS de Dole"),
      reportCorrectionEmail(report, "Joignez le relevé.", "https://portail.test/x", "CCAS de Dole"),
    ];
    for (const email of emails) {
      expect(email.text).toMatch(/^Bonjour,\n\nLe CCAS de Dole (a validé|vous demande)/);
      expect(email.text).toMatch(/\n\nLe CCAS de Dole$/);
      expect(`${email.subject}\n${email.text}`).not.toMatch(/Besançon/);
    }
  });
});
