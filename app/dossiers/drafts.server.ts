// Starting a dossier on an open call: one per association and call, prefilled from the
// association's profile and its latest dossier.
import { associationIdentitySelect } from "~/associations/profile.server";
import type { SessionUser } from "~/accounts/auth.server";
import { callTimingSelect, isCallOpen } from "~/calls/call-status";
import { prisma, writeTransaction } from "~/db.server";
import { draftNumber } from "~/dossiers/dossier-number";
import { recordAudit } from "~/lib/audit.server";
import { notFoundError } from "~/lib/domain-error";
import { callNotOpen } from "~/dossiers/refusals";
import { parseDossierData, type DossierData } from "~/dossiers/dossier-data";
import type { DossierOnCall } from "~/dossiers/start-or-resume";

/** The identification step as the association's profile and the current member give it. */
async function prefillIdentification(associationId: string, actor: SessionUser) {
  const a = await prisma.association.findUniqueOrThrow({
    where: { id: associationId },
    select: {
      ...associationIdentitySelect,
      memberships: { where: { isRepresentative: true }, take: 1, select: { title: true, user: { select: { name: true } } } },
    },
  });
  const rep = a.memberships[0];
  return {
    name: a.name,
    acronym: a.acronym ?? "",
    rna: a.rna ?? "",
    siret: a.siret ?? "",
    address: a.address,
    postcode: a.postcode,
    city: a.city,
    email: a.email ?? "",
    phone: a.phone ?? "",
    representativeName: rep?.user.name ?? "",
    representativeRole: rep?.title ?? "",
    contactName: actor.name,
    contactEmail: actor.email,
    contactPhone: "",
  };
}

const dossierOnCallSelect = { id: true, number: true, state: true, correctionRequestedAt: true } as const;

/** The association's dossier on each of these calls (its latest one), by call id: the pages offer it instead of a start. */
export async function dossiersOnCalls(associationIds: string[], callIds: string[]) {
  if (!associationIds.length || !callIds.length) return new Map<string, DossierOnCall>();
  const rows = await prisma.dossier.findMany({
    where: { associationId: { in: associationIds }, callId: { in: callIds } },
    orderBy: { createdAt: "asc" },
    select: { ...dossierOnCallSelect, callId: true, associationId: true },
  });
  return new Map(rows.map((r) => [`${r.associationId}:${r.callId}`, r]));
}

/**
 * Starts a dossier on an open call. When the association already has one on that call, in
 * whatever state (a draft, a deposited dossier, one decided), nothing is created: the answer
 * names it (`created: false`) so the page can say which it is. What the association entered
 * once (relations, human resources, its own budget) is carried over from its latest dossier.
 */
export async function startDossier(associationId: string, callId: string, actor: SessionUser, now = new Date()) {
  const call = await prisma.call.findUnique({ where: { id: callId }, select: { id: true, ...callTimingSelect } });
  if (!call) throw notFoundError();
  const previous = await prisma.dossier.findFirst({ where: { associationId }, orderBy: { updatedAt: "desc" }, select: { data: true } });
  const reused = previous ? parseDossierData(previous.data) : {};
  const data: DossierData = {
    identification: await prefillIdentification(associationId, actor),
    ...(reused.administration ? { administration: reused.administration } : {}),
    ...(reused.reseaux ? { reseaux: reused.reseaux } : {}),
    ...(reused.ressources_humaines ? { ressources_humaines: reused.ressources_humaines } : {}),
    ...(reused.budget_association ? { budget_association: reused.budget_association } : {}),
  };
  // The look-up of a dossier in progress and the creation in one write transaction: the same
  // form sent twice at once makes one dossier, and the second request is sent to it.
  return writeTransaction(async (tx) => {
    const existing = await tx.dossier.findFirst({
      where: { associationId, callId },
      orderBy: { createdAt: "desc" },
      select: dossierOnCallSelect,
    });
    if (existing) return { ...existing, created: false as const };
    if (!isCallOpen(call, now)) throw callNotOpen();
    const created = await tx.dossier.create({
      data: {
        number: draftNumber(),
        callId,
        associationId,
        state: "brouillon",
        data,
        currentStep: "identification",
        createdById: actor.id,
        updatedById: actor.id,
      },
      select: dossierOnCallSelect,
    });
    await recordAudit(tx, { entityType: "dossier", entityId: created.id, actorId: actor.id, action: "creation", toState: "brouillon" });
    return { ...created, created: true as const };
  });
}
