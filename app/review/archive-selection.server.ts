// The dossiers of a call that a ZIP of « all its dossiers » holds: every deposited one (not the drafts).
import { prisma } from "~/db.server";

export async function listDepositedDossierIds(callId: string): Promise<string[]> {
  const rows = await prisma.dossier.findMany({
    where: { callId, state: { not: "brouillon" } },
    orderBy: { number: "asc" },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
