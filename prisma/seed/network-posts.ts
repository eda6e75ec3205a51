// Demo needs and offers of the network: open ones from the two demo associations with accounts
// and from other associations, one fulfilled, one archived (past its last day), so that the
// network page, « Nos annonces » and every state have something to show.
import { calendarDayFromNow, createNetworkPost } from "../factories/network";
import type { SeedContext } from "./index";

const DAY = 24 * 3600_000;

export async function seedNetworkPosts({ db, users, demoAssociations, associationIds }: SeedContext) {
  const { epicerie, toitCommun } = demoAssociations;
  const others = associationIds.filter((id) => id !== epicerie && id !== toitCommun);
  await createNetworkPost(db, epicerie, {
    kind: "besoin",
    category: "benevoles",
    title: "Deux bénévoles le samedi matin pour la distribution",
    body: "Notre épicerie solidaire cherche deux bénévoles de 9 h à 12 h le samedi, pour l'accueil et la mise en rayon.",
    fieldSlug: "aide-alimentaire",
    districtSlug: "planoise",
    endsOn: calendarDayFromNow(45),
    authorId: users["presidente@epicerie-planoise.test"],
    createdAt: new Date(Date.now() - 2 * DAY),
  });
  await createNetworkPost(db, toitCommun, {
    kind: "offre",
    category: "locaux",
    title: "Salle de réunion disponible le mardi soir",
    body: "Une salle de 30 places, équipée d'un vidéoprojecteur, libre le mardi de 18 h à 21 h. Prêt gratuit aux associations du réseau.",
    fieldSlug: "hebergement-logement",
    districtSlug: "centre-ville-battant",
    endsOn: calendarDayFromNow(120),
    authorId: users["tresorier@toit-commun.test"],
    createdAt: new Date(Date.now() - DAY),
  });
  if (others[0])
    await createNetworkPost(db, others[0], {
      kind: "offre",
      category: "materiel",
      title: "Dix tables pliantes à prêter",
      body: "Tables pliantes de 1,80 m, à retirer sur place ; prêt pour une journée ou un week-end.",
      fieldSlug: "entraide-benevolat",
      districtSlug: "toute-la-ville",
      endsOn: calendarDayFromNow(60),
    });
  if (others[1])
    await createNetworkPost(db, others[1], {
      kind: "besoin",
      category: "competences",
      title: "Une personne pour animer un atelier numérique",
      body: "Nous cherchons une association qui sache animer un atelier d'initiation au smartphone pour des personnes âgées.",
      fieldSlug: "inclusion-numerique",
      districtSlug: "palente-orchamps",
      endsOn: calendarDayFromNow(30),
    });
  const fulfilled = await createNetworkPost(db, epicerie, {
    kind: "besoin",
    category: "alimentaire",
    title: "Un réfrigérateur pour les produits frais",
    body: "Notre réfrigérateur a lâché : nous cherchions un appareil d'occasion en état de marche.",
    endsOn: calendarDayFromNow(10),
    authorId: users["presidente@epicerie-planoise.test"],
    createdAt: new Date(Date.now() - 20 * DAY),
  });
  await db.networkPost.update({ where: { id: fulfilled.id }, data: { status: "fulfilled", fulfilledAt: new Date(Date.now() - 5 * DAY) } });
  const archived = await createNetworkPost(db, toitCommun, {
    kind: "besoin",
    category: "partenariat",
    title: "Partenaire pour la nuit de la solidarité",
    body: "Nous cherchions une association partenaire pour l'organisation de la nuit de la solidarité.",
    endsOn: calendarDayFromNow(-3),
    createdAt: new Date(Date.now() - 40 * DAY),
  });
  await db.networkPost.update({ where: { id: archived.id }, data: { status: "archived", archivedAt: new Date(Date.now() - 2 * DAY) } });
}
