// Private annotations on a dossier, by staff only.
import { writeTransaction } from "~/db.server";
import { requireDossierAccess, type Actor } from "./access.server";
import { RESENT_WITHIN_MS } from "./messages.server";

export async function addAnnotation(dossierId: string, actor: Actor, body: string) {
  await requireDossierAccess(actor, dossierId);
  await writeTransaction(async (tx) => {
    // The same note sent twice (a double click, a form sent again) is kept once.
    const same = await tx.annotation.findFirst({
      where: { dossierId, authorId: actor.id, body, createdAt: { gte: new Date(Date.now() - RESENT_WITHIN_MS) } },
      select: { id: true },
    });
    if (!same) await tx.annotation.create({ data: { dossierId, authorId: actor.id, body } });
  });
}
