// The association space's links to its dossiers.
import { DOSSIER_STATE_LABELS } from "~/dossiers/dossier-states";
import { prisma } from "~/db.server";
import { isDraftNumber } from "~/dossiers/dossier-number";

/** The association space's link list (registered in member-space.server.ts). */
export async function dossierSpaceLinks(associationId: string) {
  const dossiers = await prisma.dossier.findMany({
    where: { associationId },
    orderBy: { updatedAt: "desc" },
    take: 10,
    select: { id: true, number: true, state: true, projectTitle: true, call: { select: { title: true } } },
  });
  return [
    {
      href: `/espace/associations/${associationId}/dossiers`,
      label: "Dossiers de candidature aux appels à projets",
      note: dossiers.length ? `${dossiers.length} dossier(s)` : "aucun dossier",
    },
    ...dossiers.map((d) => ({
      href: `/espace/associations/${associationId}/dossiers/${d.id}`,
      label: `${isDraftNumber(d.number) ? "Dossier" : d.number} – ${d.projectTitle ?? d.call.title}`,
      note: DOSSIER_STATE_LABELS[d.state] ?? d.state,
    })),
    { href: `/espace/associations/${associationId}/documents`, label: "Documents de l'association (statuts, RIB, comptes…)" },
  ];
}
