// Demo messagerie between associations: Toit Commun wrote to the Épicerie solidaire Planoise from
// its directory page and was answered; a third association's message waits unread in the
// Épicerie's messagerie, and the Épicerie's president has reported it to the CCAS.
import { createConversation } from "../factories/conversations";
import type { SeedContext } from "./index";

export async function seedNetworkMessages({ db, users, associationIds, demoAssociations }: SeedContext) {
  const { epicerie, toitCommun } = demoAssociations;
  const day = 24 * 3600_000;
  const now = Date.now();
  await createConversation(db, {
    fromAssociationId: toitCommun,
    toAssociationId: epicerie,
    subject: "Colis pour les familles hébergées",
    startedById: users["tresorier@toit-commun.test"],
    readByTo: true,
    messages: [
      {
        from: "from",
        authorId: users["tresorier@toit-commun.test"],
        at: new Date(now - 3 * day),
        body: "Bonjour,\nnous hébergeons cinq familles cet hiver. Pourriez-vous leur réserver des colis le jeudi ?",
      },
      {
        from: "to",
        authorId: users["presidente@epicerie-planoise.test"],
        at: new Date(now - 2 * day),
        body: "Bonjour, oui : passez le jeudi à partir de 14 h, nous préparerons cinq colis.",
      },
    ],
  });
  const other = associationIds.find((id) => id !== epicerie && id !== toitCommun);
  if (!other) return;
  const unwanted = await createConversation(db, {
    fromAssociationId: other,
    toAssociationId: epicerie,
    subject: "Offre commerciale",
    messages: [
      { from: "from", at: new Date(now - day), body: "Achetez nos calendriers publicitaires, prix de gros pour les associations !" },
    ],
  });
  await db.abuseReport.create({
    data: {
      reporterId: users["presidente@epicerie-planoise.test"],
      reporterAssociationId: epicerie,
      messageId: unwanted.messageIds[0],
      reason: "Démarchage commercial, sans rapport avec le réseau.",
    },
  });
}
