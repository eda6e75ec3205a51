// The daily digest of the network's new posts matching a member's alert (a pure function).
import { lines, type Email } from "~/mail/email";
import { countOf } from "./moderation-labels";

export type DigestPost = { kind: string; title: string; association: string; district: string; endsOn: string; url: string };

export function alertDigestEmail(d: { recipientName: string; posts: DigestPost[]; alertsUrl: string; unsubscribeUrl: string }): Email {
  const count = countOf(d.posts.length, "nouvelle annonce", "nouvelles annonces");
  return {
    subject: `Réseau des associations : ${count} pour vos alertes`,
    text: lines(
      `Bonjour ${d.recipientName},`,
      "",
      `${count} du réseau correspond${d.posts.length > 1 ? "ent" : ""} à vos alertes :`,
      ...d.posts.flatMap((p) => [
        "",
        `- ${p.kind} : ${p.title}`,
        `  ${p.association} · ${p.district} · jusqu'au ${p.endsOn}`,
        `  ${p.url}`,
      ]),
      "",
      `Modifier vos alertes : ${d.alertsUrl}`,
      `Ne plus recevoir ces courriels : ${d.unsubscribeUrl}`,
    ),
  };
}
