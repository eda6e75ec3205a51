// Conflicts of interest: a reviewer steps aside from a dossier.
import { writeTransaction } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { isCallReviewer, requireDossierAccess, reviewRefusal, type Actor } from "./access.server";

/** A reviewer steps aside: the declaration is kept and any score of theirs on the dossier is removed. */
export async function declareConflict(dossierId: string, actor: Actor, reason: string | null) {
  const dossier = await requireDossierAccess(actor, dossierId);
  if (!(await isCallReviewer(dossier.callId, actor.id)))
    throw reviewRefusal("Seul·e un·e instructeur·rice affecté·e à cet appel déclare un conflit d'intérêts.", { code: "not_reviewer" });
  await writeTransaction(async (tx) => {
    await tx.conflictOfInterest.upsert({
      where: { dossierId_reviewerId: { dossierId, reviewerId: actor.id } },
      create: { dossierId, reviewerId: actor.id, reason },
      update: { reason },
    });
    await tx.score.deleteMany({ where: { dossierId, reviewerId: actor.id } });
    await recordAudit(tx, { entityType: "dossier", entityId: dossierId, actorId: actor.id, action: "conflit_interets", comment: reason });
  });
}
