// The wording of the daily digest of the review desk, as a pure function of what it lists.
import { formatLongDate } from "~/lib/format";
import type { Email } from "./emails";

export type DigestItem = { text: string; url: string };
export type DigestContent = { deposits: DigestItem[]; messages: DigestItem[]; corrections: DigestItem[]; opinions: DigestItem[] };

const SECTIONS: { key: keyof DigestContent; title: string }[] = [
  { key: "deposits", title: "Nouveaux dossiers déposés" },
  { key: "messages", title: "Nouveaux messages des associations" },
  { key: "corrections", title: "Corrections reçues (dossiers déposés à nouveau)" },
  { key: "opinions", title: "Avis reçus" },
];

export function dailyDigestEmail(
  content: DigestContent,
  o: { recipientName: string; ccasName: string; day: Date; unsubscribeUrl: string; settingsUrl: string },
): Email {
  const count = SECTIONS.reduce((n, s) => n + content[s.key].length, 0);
  const lines = [`Bonjour ${o.recipientName},`, "", `Depuis votre dernier résumé, sur les appels à projets que vous instruisez :`];
  for (const { key, title } of SECTIONS) {
    const items = content[key];
    if (!items.length) continue;
    lines.push("", `${title} (${items.length}) :`);
    for (const i of items) lines.push(`- ${i.text}`, `  ${i.url}`);
  }
  lines.push(
    "",
    "—",
    `Résumé quotidien de l'instruction (${o.ccasName}).`,
    `Ne plus le recevoir, en un clic : ${o.unsubscribeUrl}`,
    `Ou depuis votre compte : ${o.settingsUrl}`,
  );
  return {
    subject: `Instruction : résumé du ${formatLongDate(o.day)} (${count} ${count > 1 ? "nouveautés" : "nouveauté"})`,
    text: lines.join("\n"),
  };
}
