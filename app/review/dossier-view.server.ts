// One dossier as a reviewer sees it: sections, attachments, identity, grid, notes, thread, history.
import { associationIdentitySelect } from "~/associations/profile.server";
import { prisma, type Prisma } from "~/db.server";
import { getDossierForStaff } from "~/dossiers/staff-view.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { requireDossierAccess, type Actor } from "./access.server";
import { userNames } from "./names.server";
import { scoreSummary } from "./scores";
import { dossierLineSelect } from "./selects.server";

const reviewDossierSelect = {
  ...dossierLineSelect,
  decisionReason: true,
  submissions: { select: { kind: true, submittedAt: true }, orderBy: { submittedAt: "asc" } },
  instructionStartedAt: true,
  decidedAt: true,
  declarationSignedAt: true,
  createdAt: true,
  updatedAt: true,
  call: {
    select: {
      id: true,
      title: true,
      envelopeCents: true,
      criteria: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          label: true,
          description: true,
          weight: true,
          indicators: { select: { indicator: { select: { name: true, position: true } } } },
        },
      },
      reviewers: { select: { userId: true } },
    },
  },
  association: {
    select: {
      id: true,
      ...associationIdentitySelect,
      socialObject: true,
      fields: { select: { slug: true } },
      memberships: { select: { isRepresentative: true, title: true, user: { select: { name: true, email: true } } } },
    },
  },
  annotations: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, authorId: true } },
  scores: { select: { criterionId: true, reviewerId: true, value: true, comment: true } },
  conflicts: { select: { reviewerId: true, reason: true, declaredAt: true } },
  messages: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, fromStaff: true, authorId: true } },
} satisfies Prisma.DossierSelect;

/** Everything a reviewer sees of a dossier: sections, attachments, identity, grid, notes, thread, history. */
export async function getDossierForReview(user: Actor, dossierId: string) {
  await requireDossierAccess(user, dossierId);
  const [dossier, content, taxonomy] = await Promise.all([
    prisma.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: reviewDossierSelect }),
    // The sections with their labels and values as the applicant side defines them.
    getDossierForStaff(dossierId),
    getTaxonomy(),
  ]);
  const history = await prisma.auditEvent.findMany({
    where: { entityType: "dossier", entityId: dossierId },
    orderBy: { createdAt: "asc" },
    select: { id: true, action: true, fromState: true, toState: true, comment: true, createdAt: true, actorId: true },
  });
  const reviewerIds = dossier.call.reviewers.map((r) => r.userId);
  const names = await userNames([
    ...reviewerIds,
    ...dossier.annotations.map((a) => a.authorId),
    ...dossier.messages.map((m) => m.authorId),
    ...dossier.scores.map((s) => s.reviewerId),
    ...history.map((h) => h.actorId),
  ]);
  const conflictedIds = dossier.conflicts.map((c) => c.reviewerId);
  const summary = scoreSummary(dossier.call.criteria, dossier.scores, reviewerIds, conflictedIds);
  const isReviewer = reviewerIds.includes(user.id);
  const conflicted = conflictedIds.includes(user.id);
  const { annotations, messages, scores, conflicts, ...rest } = dossier;
  const fieldLabels = rest.association.fields.map((f) => taxonomy.label("field", f.slug));
  return {
    dossier: { ...rest, association: { ...rest.association, fieldLabels } },
    sections: content?.sections ?? [],
    budget: content?.budget ?? null,
    declarationSignerName: content?.declarationSignerName ?? null,
    attachments: content?.attachments ?? [],
    annotations: annotations.map((a) => ({ ...a, authorName: names.get(a.authorId) ?? "—" })),
    messages: messages.map((m) => ({ ...m, authorName: names.get(m.authorId) ?? "—" })),
    conflicts: conflicts.map((c) => ({ ...c, reviewerName: names.get(c.reviewerId) ?? "—" })),
    myScores: scores.filter((s) => s.reviewerId === user.id),
    scoreSummary: {
      average: summary.average,
      reviewers: summary.reviewers.map((r) => ({ ...r, name: names.get(r.reviewerId) ?? "—" })),
    },
    history: history.map((h) => ({ ...h, actorName: h.actorId ? (names.get(h.actorId) ?? "—") : "Système" })),
    me: { isReviewer, conflicted, canScore: isReviewer && !conflicted && dossier.state === "en_instruction" },
  };
}
