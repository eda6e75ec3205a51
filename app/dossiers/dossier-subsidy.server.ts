// The subsidy an accepted dossier created, for the association's dossier page (its own dossiers only).
import { prisma } from "~/db.server";

export async function getSubsidyOfDossierForMember(associationId: string, dossierId: string) {
  return prisma.subsidy.findFirst({
    where: { dossierId, associationId },
    select: { id: true, number: true, votedCents: true, proposedCents: true, financialYear: true },
  });
}
