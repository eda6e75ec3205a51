// Demo news of the CCAS (issue 18): two published news and a draft, written by the instructor, and
// one member who chose not to receive the news by e-mail. Nothing is e-mailed by the seed.
import { createNewsItem } from "../factories/news";
import type { SeedContext } from "./index";

const DAY = 86_400_000;

export async function seedNetworkNews({ db, users }: SeedContext) {
  const authorId = users["instructrice@ccas-besancon.test"];
  await createNewsItem(db, {
    authorId,
    published: new Date(Date.now() - 20 * DAY),
    title: "Rencontre annuelle des associations : réservez la date",
    body: [
      "La rencontre annuelle du réseau aura lieu au printemps.",
      "",
      "## Au programme",
      "",
      "- le bilan de l'année du projet social ;",
      "- des ateliers entre associations ;",
      "- la consultation sur vos attentes.",
      "",
      "Les inscriptions ouvriront sur la page des [événements](/evenements).",
    ].join("\n"),
  });
  await createNewsItem(db, {
    authorId,
    published: new Date(Date.now() - 3 * DAY),
    title: "Le réseau des associations est ouvert",
    body: [
      "Vous pouvez désormais publier vos **besoins** et vos **offres** (bénévoles, locaux, matériel…) et écrire aux autres associations depuis l'annuaire, sans que votre adresse soit communiquée.",
      "",
      "Réglez les courriels que vous recevez depuis votre compte, rubrique « Courriels du réseau ».",
    ].join("\n"),
  });
  await createNewsItem(db, {
    authorId,
    title: "Appel à projets 2027 : calendrier (brouillon)",
    body: "Le calendrier sera confirmé après le vote du budget.",
  });
  await db.mailOptOut.create({ data: { userId: users["benevole@epicerie-planoise.test"], list: "actualites" } });
}
