// The charter's e-mails, as pure functions: the call to sign at each publication, and the reminder.
import { theCcas } from "~/settings/ccas-name";

export type Email = { subject: string; text: string };

export type CharterNotice = {
  kind: "new_version" | "reminder";
  version: number;
  associationName: string;
  recipientName: string;
  /** The association's charter page, where the representative signs. */
  signLink: string;
  /** The public history of the versions. */
  versionsLink: string;
  /** The CCAS's name from its settings ("CCAS de Dole"). */
  ccasName: string;
};

export function charterNoticeEmail({
  kind,
  version,
  associationName,
  recipientName,
  signLink,
  versionsLink,
  ccasName,
}: CharterNotice): Email {
  const isFirst = version === 1;
  const ccas = theCcas(ccasName, { start: true });
  const subject =
    kind === "reminder"
      ? `Rappel : ${associationName} n'a pas encore signé la charte de l'action sociale`
      : isFirst
        ? "La charte municipale de l'action sociale est publiée : signature attendue"
        : `Charte de l'action sociale : version ${version} publiée, nouvelle signature attendue`;
  const intro =
    kind === "reminder"
      ? `La version ${version} de la charte municipale de l'action sociale n'a pas encore été signée pour « ${associationName} ».`
      : isFirst
        ? `${ccas} publie la charte municipale de l'action sociale. La signer, c'est faire partie du réseau des associations de solidarité.`
        : `${ccas} a publié la version ${version} de la charte municipale de l'action sociale. La signature d'une version précédente reste enregistrée, mais « ${associationName} » n'apparaîtra de nouveau comme signataire qu'après avoir signé cette version.`;
  return {
    subject,
    text: [
      `Bonjour ${recipientName},`,
      "",
      intro,
      "",
      `En tant que représentant·e légal·e de « ${associationName} », vous pouvez la lire et la signer ici :`,
      signLink,
      "",
      `Ce qui a changé : ${versionsLink}`,
    ].join("\n"),
  };
}
