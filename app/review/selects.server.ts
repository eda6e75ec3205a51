// The fields of a dossier every review list shows (queue, ranking, one dossier).
import type { Prisma } from "~/db.server";

export const dossierLineSelect = {
  id: true,
  number: true,
  state: true,
  projectTitle: true,
  requestedCents: true,
  proposedCents: true,
  submittedAt: true,
} satisfies Prisma.DossierSelect;
