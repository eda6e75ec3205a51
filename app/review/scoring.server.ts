// A reviewer's scoring grid on a dossier.
import { prisma, writeTransaction } from "~/db.server";
import { isCallReviewer, requireDossierAccess, reviewRefusal, type Actor } from "./access.server";

/**
 * Saves a reviewer's grid. Only the call's reviewers score, only while the dossier is in
 * instruction, never with a declared conflict of interest; each value is 0 to 10.
 */
export async function saveScores(dossierId: string, actor: Actor, values: Record<string, number>, comment?: string | null) {
  const dossier = await requireDossierAccess(actor, dossierId);
  if (!(await isCallReviewer(dossier.callId, actor.id)))
    throw reviewRefusal("Seul·e un·e instructeur·rice affecté·e à cet appel peut noter ce dossier.", { code: "not_reviewer" });
  const conflict = await prisma.conflictOfInterest.findUnique({ where: { dossierId_reviewerId: { dossierId, reviewerId: actor.id } } });
  if (conflict)
    throw reviewRefusal("Vous avez déclaré un conflit d'intérêts sur ce dossier : vous ne pouvez pas le noter.", { code: "conflicted" });
  if (dossier.state !== "en_instruction") throw reviewRefusal("Le dossier se note quand il est en instruction.", { code: "wrong_state" });
  const criteria = await prisma.criterion.findMany({ where: { callId: dossier.callId }, select: { id: true, label: true } });
  for (const c of criteria) {
    const v = values[c.id];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 0 || v > 10)
      throw reviewRefusal(`${c.label} : la note est un entier de 0 à 10.`, { field: `score_${c.id}` });
  }
  await writeTransaction(async (tx) => {
    for (const c of criteria) {
      const value = values[c.id];
      if (value === undefined) continue;
      await tx.score.upsert({
        where: { dossierId_reviewerId_criterionId: { dossierId, reviewerId: actor.id, criterionId: c.id } },
        create: { dossierId, reviewerId: actor.id, criterionId: c.id, value, comment: comment ?? null },
        update: { value, comment: comment ?? null },
      });
    }
  });
}
