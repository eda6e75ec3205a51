// Reading dossiers, the association's side: one dossier (scoped by `{ id, associationId }`),
// the association's list, the deposit history, the latest correction request.
import { callTimingSelect } from "~/calls/call-status";
import { prisma } from "~/db.server";
import { isDraftNumber } from "~/dossiers/dossier-number";
import { notFoundError } from "~/lib/domain-error";
import { parseDossierData } from "~/dossiers/dossier-data";

const dossierMemberSelect = {
  id: true,
  number: true,
  state: true,
  data: true,
  currentStep: true,
  projectTitle: true,
  requestedCents: true,
  declarationSignedAt: true,
  declarationSignerId: true,
  submittedAt: true,
  correctionRequestedAt: true,
  updatedAt: true,
  associationId: true,
  call: {
    select: {
      id: true,
      slug: true,
      title: true,
      ...callTimingSelect,
      financialYear: true,
      minAmountCents: true,
      maxAmountCents: true,
      requiredAttachments: true,
      indicators: { orderBy: { position: "asc" }, select: { id: true, name: true, targetRequired: true } },
    },
  },
  indicators: {
    orderBy: { position: "asc" },
    select: { id: true, callIndicatorId: true, name: true, kind: true, unit: true, target: true },
  },
  attachments: {
    select: {
      id: true,
      kind: true,
      document: { select: { id: true, kind: true, label: true, originalName: true, size: true, mimeType: true } },
    },
  },
} as const;

/** One dossier of this association, or 404 (another association's dossier does not exist for you). */
export async function getDossierForMember(associationId: string, dossierId: string, db: Pick<typeof prisma, "dossier"> = prisma) {
  const dossier = await db.dossier.findFirst({ where: { id: dossierId, associationId }, select: dossierMemberSelect });
  if (!dossier) throw notFoundError();
  return { ...dossier, parsed: parseDossierData(dossier.data), hasDraftNumber: isDraftNumber(dossier.number) };
}

export type MemberDossier = Awaited<ReturnType<typeof getDossierForMember>>;

export async function listAssociationDossiers(associationId: string) {
  const rows = await prisma.dossier.findMany({
    where: { associationId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      number: true,
      state: true,
      projectTitle: true,
      requestedCents: true,
      submittedAt: true,
      updatedAt: true,
      currentStep: true,
      call: { select: { title: true, slug: true } },
    },
  });
  return rows.map((r) => ({ ...r, displayNumber: isDraftNumber(r.number) ? null : r.number }));
}

/** Every deposit of a dossier, oldest first: « Déposé le … ; redéposé le … ». */
export async function listSubmissions(dossierId: string) {
  return prisma.dossierSubmission.findMany({
    where: { dossierId },
    orderBy: { submittedAt: "asc" },
    select: { kind: true, submittedAt: true },
  });
}
