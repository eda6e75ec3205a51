// Demo moderation and alerts of the network: a post hidden by the CCAS (its reason shown to Toit
// Commun), a message reported and waiting in /instruction/reseau, a report classed without
// follow-up, the Épicerie's president's alert on food aid in Planoise, and a volunteer who left
// the alerts' mailing list.
import type { SeedContext } from "./index";
import { createNetworkPost } from "../factories/network";

const DAY = 24 * 3600_000;

export async function seedNetworkModeration(ctx: SeedContext) {
  const { db, users, demoAssociations } = ctx;
  const staffId = users["instructrice@ccas-besancon.test"];
  const president = users["presidente@epicerie-planoise.test"];
  const volunteer = users["benevole@epicerie-planoise.test"];
  const treasurer = users["tresorier@toit-commun.test"];
  const now = Date.now();

  const hidden = await createNetworkPost(db, demoAssociations.toitCommun, {
    kind: "offre",
    category: "materiel",
    title: "Vente de matelas neufs à prix associatif",
    body: "Nous revendons un lot de matelas, 80 € pièce, paiement à la livraison.",
    authorId: treasurer,
    createdAt: new Date(now - 6 * DAY),
  });
  await db.networkPost.update({
    where: { id: hidden.id },
    data: {
      hiddenAt: new Date(now - 5 * DAY),
      hiddenReason: "Les annonces du réseau ne servent pas à vendre : proposez un don ou un prêt.",
      hiddenById: staffId,
    },
  });
  const need = await createNetworkPost(db, demoAssociations.epicerie, {
    kind: "besoin",
    category: "benevoles",
    title: "Deux bénévoles pour la collecte de décembre",
    authorId: president,
    createdAt: new Date(now - 3 * DAY),
  });
  await db.abuseReport.create({
    data: {
      reporterId: treasurer,
      reporterAssociationId: demoAssociations.toitCommun,
      postId: need.id,
      reason: "Cette annonce est publiée deux fois.",
      status: "dismissed",
      resolution: "Une seule annonce en ligne : la seconde a été retirée par l'association.",
      handledById: staffId,
      handledAt: new Date(now - 2 * DAY),
      createdAt: new Date(now - 3 * DAY),
    },
  });

  const conversation = await db.conversation.create({
    data: {
      postId: need.id,
      fromAssociationId: demoAssociations.toitCommun,
      toAssociationId: demoAssociations.epicerie,
      subject: need.title,
      startedById: treasurer,
      lastMessageAt: new Date(now - DAY),
    },
  });
  const message = await db.conversationMessage.create({
    data: {
      conversationId: conversation.id,
      associationId: demoAssociations.toitCommun,
      authorId: treasurer,
      body: "Nous pouvons venir samedi, mais seulement si vous nous prêtez votre camion en échange, sinon rien.",
      createdAt: new Date(now - DAY),
    },
  });
  await db.abuseReport.create({
    data: {
      reporterId: president,
      reporterAssociationId: demoAssociations.epicerie,
      messageId: message.id,
      reason: "Le ton est insistant et la demande n'a rien à voir avec l'annonce.",
      createdAt: new Date(now - DAY / 2),
    },
  });

  await db.networkAlert.create({
    data: { userId: president, fields: ["aide-alimentaire"], districts: ["planoise"], kinds: [], lastSentAt: new Date(now - DAY) },
  });
  await db.networkAlert.create({ data: { userId: volunteer, fields: [], districts: [], kinds: ["offre"] } });
  await db.mailOptOut.create({ data: { userId: volunteer, list: "alertes-reseau" } });
}
