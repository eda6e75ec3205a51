// Dossiers ("candidatures" to a call for projects), the association's side: start, fill
// step by step (drafts, autosave), attach documents, sign, submit. Every query a member
// makes is scoped by `{ id, associationId }`. The review side reads through getDossierForStaff.
import type { SessionUser } from "~/accounts/auth.server";
import { isCallOpen, parseRequiredAttachments } from "~/calls/call.server";
import { DOSSIER_STATE_LABELS } from "~/calls/call-status";
import { prisma, writeTransaction } from "~/db.server";
import { draftNumber, isDraftNumber, nextDossierNumber } from "~/dossiers/dossier-number";
import { formatEuros } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { labelOf } from "~/associations/taxonomy";
import { absoluteUrl, sendMail } from "~/mail/mail.server";
import { buildReceiptPdf } from "~/dossiers/receipt.server";
import {
  budgetTotals,
  documentKindLabel,
  DOSSIER_STEP_DEFS,
  DOSSIER_STEPS,
  parseEurosToCentsSafe,
  pickStepValues,
  stepDef,
  stepSchema,
  type AmountBounds,
  type StepKey,
} from "~/dossiers/schemas";

export { DOSSIER_STEPS };
export type { StepKey };

export { DOSSIER_STATE_LABELS };

export const EDITABLE_STATES = ["brouillon", "en_construction"];

export type DossierData = Partial<Record<StepKey, Record<string, string | string[]>>>;

export function parseDossierData(json: string): DossierData {
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" ? (value as DossierData) : {};
  } catch {
    return {};
  }
}

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
      status: true,
      opensAt: true,
      closesAt: true,
      minAmountCents: true,
      maxAmountCents: true,
      requiredAttachments: true,
    },
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
  if (!dossier) throw notFound();
  return { ...dossier, parsed: parseDossierData(dossier.data), hasDraftNumber: isDraftNumber(dossier.number) };
}

export type MemberDossier = Awaited<ReturnType<typeof getDossierForMember>>;

export function boundsOf(call: { minAmountCents: number; maxAmountCents: number }): AmountBounds {
  return { minAmountCents: call.minAmountCents, maxAmountCents: call.maxAmountCents };
}

export function isEditable(dossier: { state: string }) {
  return EDITABLE_STATES.includes(dossier.state);
}

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

/** The identification step as the association's profile and the current member give it. */
async function prefillIdentification(associationId: string, actor: SessionUser) {
  const a = await prisma.association.findUniqueOrThrow({
    where: { id: associationId },
    select: {
      name: true,
      acronym: true,
      rna: true,
      siret: true,
      address: true,
      postcode: true,
      city: true,
      email: true,
      phone: true,
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

export class DossierError extends Error {}

/**
 * Starts a dossier on an open call, or returns the association's dossier already in
 * progress on it. What the association entered once (relations, human resources, its
 * own budget) is carried over from its latest dossier.
 */
export async function startDossier(associationId: string, callId: string, actor: SessionUser, now = new Date()) {
  const call = await prisma.call.findUnique({ where: { id: callId }, select: { id: true, status: true, opensAt: true, closesAt: true } });
  if (!call) throw notFound();
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
      where: { associationId, callId, state: { in: ["brouillon", "en_construction", "en_instruction"] } },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    if (!isCallOpen(call, now))
      throw new DossierError(
        "Cet appel à projets n'est pas ouvert aux candidatures : la date de clôture est passée ou il n'est pas encore ouvert.",
      );
    const created = await tx.dossier.create({
      data: {
        number: draftNumber(),
        callId,
        associationId,
        state: "brouillon",
        data: JSON.stringify(data),
        currentStep: "identification",
        createdById: actor.id,
        updatedById: actor.id,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: { entityType: "dossier", entityId: created.id, actorId: actor.id, action: "creation", toState: "brouillon" },
    });
    return { id: created.id, created: true };
  });
}

function denormalised(data: DossierData) {
  const title = data.projet?.title;
  const ccas = data.budget_projet?.p74_ccas;
  const requested = typeof ccas === "string" && ccas.trim() ? parseEurosToCentsSafe(ccas) : null;
  return { projectTitle: typeof title === "string" && title.trim() ? title.trim().slice(0, 300) : null, requestedCents: requested };
}

export type SaveResult = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Saves a step's values as typed. `validate` checks the step (and reports errors) but the
 * values are kept either way: nothing typed is lost. The declaration is the representative's.
 */
export async function saveStep(
  access: { associationId: string; user: SessionUser; isRepresentative: boolean },
  dossierId: string,
  step: StepKey,
  input: Record<string, unknown>,
  { validate, nextStep }: { validate: boolean; nextStep?: StepKey },
): Promise<SaveResult> {
  // Read and write in one transaction that takes the write lock first: saves of other steps
  // of the same dossier at the same moment each read what the previous one wrote (no lost step).
  return writeTransaction(async (tx) => {
    await tx.dossier.updateMany({ where: { id: dossierId, associationId: access.associationId }, data: { updatedAt: new Date() } });
    const dossier = await getDossierForMember(access.associationId, dossierId, tx);
    if (!isEditable(dossier)) throw new DossierError("Ce dossier est en cours d'instruction : il n'est plus modifiable.");
    if (step === "declaration" && !access.isRepresentative) {
      throw new DossierError("Seul·e le ou la représentant·e légal·e de l'association peut signer la déclaration sur l'honneur.");
    }
    const values = pickStepValues(step, input);
    const data: DossierData = { ...dossier.parsed, [step]: values };
    let errors: Record<string, string> | null = null;
    if (validate) {
      const result = stepSchema(step, boundsOf(dossier.call)).safeParse(values);
      if (!result.success) {
        errors = {};
        for (const issue of result.error.issues) errors[issue.path.join(".") || "_form"] ??= issue.message;
      }
    }
    const signing = step === "declaration" && validate && !errors;
    await tx.dossier.update({
      where: { id: dossier.id, associationId: access.associationId },
      data: {
        data: JSON.stringify(data),
        currentStep: !errors && nextStep ? nextStep : step,
        updatedById: access.user.id,
        ...denormalised(data),
        ...(signing ? { declarationSignedAt: new Date(), declarationSignerId: access.user.id } : {}),
        ...(step === "declaration" && !signing ? { declarationSignedAt: null, declarationSignerId: null } : {}),
      },
    });
    return errors ? { ok: false, errors } : { ok: true };
  });
}

export async function setCurrentStep(associationId: string, dossierId: string, step: StepKey) {
  await prisma.dossier.updateMany({ where: { id: dossierId, associationId }, data: { currentStep: step } });
}

// ── Completeness ───────────────────────────────────────────────────

export type StepStatus = { key: StepKey; label: string; complete: boolean; started: boolean; errors: string[] };

export function missingAttachmentKinds(dossier: Pick<MemberDossier, "call" | "attachments">): string[] {
  const attached = new Set(dossier.attachments.map((a) => a.kind));
  return parseRequiredAttachments(dossier.call.requiredAttachments).filter((k) => !attached.has(k));
}

export function dossierCompleteness(dossier: Pick<MemberDossier, "parsed" | "call" | "attachments" | "declarationSignedAt">): StepStatus[] {
  return DOSSIER_STEP_DEFS.map((def) => {
    if (def.key === "pieces") {
      const missing = missingAttachmentKinds(dossier);
      return {
        key: def.key,
        label: def.label,
        started: dossier.attachments.length > 0,
        complete: missing.length === 0,
        errors: missing.map((k) => `Pièce obligatoire manquante : ${documentKindLabel(k)}.`),
      };
    }
    const values = dossier.parsed[def.key];
    const result = stepSchema(def.key, boundsOf(dossier.call)).safeParse(values ?? {});
    const errors = result.success ? [] : [...new Set(result.error.issues.map((i) => i.message))];
    if (def.key === "declaration" && result.success && !dossier.declarationSignedAt) errors.push("La déclaration n'est pas signée.");
    return {
      key: def.key,
      label: def.label,
      started: Boolean(values && Object.keys(values).length),
      complete: errors.length === 0,
      errors,
    };
  });
}

// ── Submission ─────────────────────────────────────────────────────

export type SubmitResult =
  | { ok: true; number: string; resubmission: boolean; submittedAt: Date }
  | { ok: true; already: true; number: string; submittedAt: Date | null }
  | { ok: false; message: string; steps?: StepStatus[] };

function closedMessage(closesAt: Date) {
  return `L'appel à projets est clos depuis le ${closesAt.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" })} : le dossier ne peut plus être déposé.`;
}

/**
 * Deposits a draft, or re-deposits a dossier the CCAS sent back for correction. One write
 * transaction reads the dossier and its call, checks the closing instant by the server's clock
 * at that moment, and moves the state conditionally (`update … where state = expected`): of
 * several requests at once exactly one deposits (one history row, one receipt); the others see
 * the dossier deposited and get `already`. The closing time binds every deposit except the
 * re-deposit the CCAS asked for; the first deposit time (`submittedAt`) is never overwritten.
 * `now` is for tests: by default the time is taken inside the transaction.
 */
export async function submitDossier(
  access: { associationId: string; user: SessionUser; isRepresentative: boolean },
  dossierId: string,
  now?: Date,
): Promise<SubmitResult> {
  const deposit = () =>
    writeTransaction(async (tx) => {
      const at = now ?? new Date();
      const dossier = await getDossierForMember(access.associationId, dossierId, tx);
      const resubmission = dossier.state === "en_construction" && dossier.correctionRequestedAt !== null;
      if (dossier.state !== "brouillon" && !resubmission) {
        if (dossier.state === "en_construction")
          return { ok: true as const, already: true as const, number: dossier.number, submittedAt: dossier.submittedAt };
        return { ok: false as const, message: "Ce dossier est déjà en instruction : il ne peut plus être déposé." };
      }
      if (!resubmission && !isCallOpen(dossier.call, at)) return { ok: false as const, message: closedMessage(dossier.call.closesAt) };
      if (!access.isRepresentative)
        return { ok: false as const, message: "Seul·e le ou la représentant·e légal·e de l'association peut déposer le dossier." };
      const steps = dossierCompleteness(dossier);
      const incomplete = steps.filter((s) => !s.complete);
      if (incomplete.length)
        return { ok: false as const, message: `Le dossier est incomplet : ${incomplete.map((s) => s.label).join(", ")}.`, steps };

      const number = isDraftNumber(dossier.number) ? await nextDossierNumber(tx, at.getFullYear()) : dossier.number;
      const updated = await tx.dossier.updateMany({
        where: resubmission
          ? {
              id: dossier.id,
              associationId: access.associationId,
              state: "en_construction",
              correctionRequestedAt: dossier.correctionRequestedAt,
            }
          : // The closing instant again in the statement itself, so no other writer can slip between.
            {
              id: dossier.id,
              associationId: access.associationId,
              state: "brouillon",
              call: { is: { status: "publie", opensAt: { lte: at }, closesAt: { gt: at } } },
            },
        data: {
          number,
          state: "en_construction",
          submittedAt: dossier.submittedAt ?? at,
          correctionRequestedAt: null,
          updatedById: access.user.id,
        },
      });
      if (updated.count !== 1) throw new DossierRaceError();
      await tx.dossierSubmission.create({
        data: { dossierId: dossier.id, kind: resubmission ? "redepot" : "depot", submittedAt: at, submittedById: access.user.id },
      });
      await tx.auditEvent.create({
        data: {
          entityType: "dossier",
          entityId: dossier.id,
          actorId: access.user.id,
          action: resubmission ? "redepot" : "depot",
          fromState: dossier.state,
          toState: "en_construction",
        },
      });
      return { ok: true as const, number, resubmission, submittedAt: at };
    });
  const outcome = await retryOnNumberClash(deposit).catch(async (error) => {
    // Another process changed the dossier between the read and the write: answer as it is now.
    if (!(error instanceof DossierRaceError)) throw error;
    const current = await getDossierForMember(access.associationId, dossierId);
    if (current.state === "en_construction" && current.correctionRequestedAt === null && current.submittedAt) {
      return { ok: true as const, already: true as const, number: current.number, submittedAt: current.submittedAt };
    }
    return {
      ok: false as const,
      message: isCallOpen(current.call) ? "Le dossier a changé entre-temps : rechargez la page." : closedMessage(current.call.closesAt),
    };
  });
  if (outcome.ok && !("already" in outcome)) await sendAcknowledgement(dossierId, access.user, outcome.resubmission, outcome.submittedAt);
  return outcome;
}

class DossierRaceError extends Error {}

/** Dossier numbers are unique: a number taken by another process in the meantime means another try. */
async function retryOnNumberClash<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt < 5 && String(error).includes("Unique constraint")) continue;
      throw error;
    }
  }
}

/** Every deposit of a dossier, oldest first: « Déposé le … ; redéposé le … ». */
export async function listSubmissions(dossierId: string) {
  return prisma.dossierSubmission.findMany({
    where: { dossierId },
    orderBy: { submittedAt: "asc" },
    select: { kind: true, submittedAt: true },
  });
}

async function sendAcknowledgement(dossierId: string, submitter: SessionUser, resubmission: boolean, depositedAt: Date) {
  const d = await prisma.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      associationId: true,
      projectTitle: true,
      requestedCents: true,
      submittedAt: true,
      association: { select: { name: true } },
      call: { select: { title: true } },
      attachments: { select: { kind: true, document: { select: { originalName: true } } } },
    },
  });
  const pdf = await buildReceiptPdf({
    number: d.number,
    associationName: d.association.name,
    callTitle: d.call.title,
    projectTitle: d.projectTitle ?? "",
    requestedCents: d.requestedCents ?? 0,
    submittedAt: depositedAt,
    submitterName: submitter.name,
    attachments: d.attachments.map((a) => `${documentKindLabel(a.kind)} : ${a.document.originalName}`),
    resubmission,
  });
  await sendMail({
    to: submitter.email,
    subject: `Accusé de réception du dossier ${d.number}`,
    text: [
      `Bonjour ${submitter.name},`,
      "",
      resubmission
        ? `Le dossier ${d.number} corrigé de « ${d.association.name} » a bien été déposé de nouveau.`
        : `Le dossier ${d.number} de « ${d.association.name} » a bien été déposé.`,
      `Appel à projets : ${d.call.title}`,
      `Projet : ${d.projectTitle ?? ""}`,
      `Montant demandé au CCAS : ${formatEuros(d.requestedCents ?? 0)}`,
      "",
      "Il reste modifiable jusqu'au début de son instruction par le CCAS. L'accusé de réception est joint en PDF.",
      "",
      `Votre dossier : ${absoluteUrl(`/espace/associations/${d.associationId}/dossiers/${d.id}`)}`,
    ].join("\n"),
    attachments: [{ filename: `accuse-reception-${d.number}.pdf`, content: pdf, contentType: "application/pdf" }],
  });
}

/** The latest correction request from the CCAS, when the dossier is back with the association. */
export async function getLatestCorrectionRequest(dossierId: string) {
  const event = await prisma.auditEvent.findFirst({
    where: {
      entityType: "dossier",
      entityId: dossierId,
      toState: "en_construction",
      fromState: { in: ["en_instruction", "en_construction"] },
      action: { notIn: ["depot", "redepot"] },
    },
    orderBy: { createdAt: "desc" },
    select: { comment: true, createdAt: true },
  });
  return event ? { message: event.comment ?? "", requestedAt: event.createdAt } : null;
}

// ── Attachments ────────────────────────────────────────────────────

export async function attachDocument(associationId: string, dossierId: string, documentId: string, kind: string) {
  const dossier = await getDossierForMember(associationId, dossierId);
  if (!isEditable(dossier)) throw new DossierError("Ce dossier n'est plus modifiable.");
  const document = await prisma.document.findFirst({ where: { id: documentId, associationId }, select: { id: true } });
  if (!document) throw notFound();
  await prisma.dossierAttachment.upsert({
    where: { dossierId_documentId: { dossierId: dossier.id, documentId } },
    create: { dossierId: dossier.id, documentId, kind },
    update: { kind },
  });
}

export async function detachDocument(associationId: string, dossierId: string, attachmentId: string) {
  const dossier = await getDossierForMember(associationId, dossierId);
  if (!isEditable(dossier)) throw new DossierError("Ce dossier n'est plus modifiable.");
  await prisma.dossierAttachment.deleteMany({ where: { id: attachmentId, dossierId: dossier.id } });
}

// ── The review side's view ────────────────────────────────────────

export type StaffField = { name: string; label: string; value: string };
export type StaffSection = { key: StepKey; label: string; fields: StaffField[] };

function displayValue(field: NonNullable<ReturnType<typeof stepDef>>["fields"][number], raw: unknown): string {
  if (raw === undefined || raw === null || raw === "") return "";
  const list = Array.isArray(raw) ? raw.map(String) : [String(raw)];
  switch (field.kind) {
    case "money": {
      const cents = parseEurosToCentsSafe(list[0]);
      return cents === null ? list[0] : formatEuros(cents);
    }
    case "multi":
    case "select":
      return list.map((v) => field.options?.find((o) => o.value === v)?.label ?? v).join(", ");
    case "checkbox":
      return list[0] === "on" ? "Oui" : "Non";
    case "date": {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(list[0]);
      return m ? `${m[3]}/${m[2]}/${m[1]}` : list[0];
    }
    default:
      return list.join(", ");
  }
}

/** Every section with labels, for the review screens; null when the dossier does not exist. */
export async function getDossierForStaff(dossierId: string) {
  const d = await prisma.dossier.findUnique({
    where: { id: dossierId },
    select: {
      id: true,
      number: true,
      state: true,
      data: true,
      projectTitle: true,
      requestedCents: true,
      submittedAt: true,
      declarationSignedAt: true,
      declarationSignerId: true,
      associationId: true,
      association: { select: { id: true, name: true, slug: true, rna: true, siret: true, district: true } },
      call: { select: { id: true, title: true, slug: true, minAmountCents: true, maxAmountCents: true, requiredAttachments: true } },
      attachments: {
        select: {
          id: true,
          kind: true,
          document: { select: { id: true, label: true, originalName: true, mimeType: true, size: true, createdAt: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!d) return null;
  const data = parseDossierData(d.data);
  const sections: StaffSection[] = DOSSIER_STEP_DEFS.filter((s) => s.key !== "pieces").map((def) => ({
    key: def.key,
    label: def.label,
    fields: def.fields.map((f) => ({ name: f.name, label: f.label, value: displayValue(f, data[def.key]?.[f.name]) })),
  }));
  const totals = budgetTotals(data.budget_projet ?? {});
  const signer = d.declarationSignerId
    ? await prisma.user.findUnique({ where: { id: d.declarationSignerId }, select: { name: true } })
    : null;
  return {
    id: d.id,
    number: d.number,
    state: d.state,
    stateLabel: DOSSIER_STATE_LABELS[d.state] ?? d.state,
    projectTitle: d.projectTitle,
    requestedCents: d.requestedCents,
    submittedAt: d.submittedAt,
    declarationSignedAt: d.declarationSignedAt,
    declarationSignerName: signer?.name ?? null,
    association: { ...d.association, districtLabel: labelOf("district", d.association.district) },
    call: d.call,
    sections,
    budget: { ...totals, ccasSharePercent: totals.incomeCents ? Math.round((totals.ccasCents / totals.incomeCents) * 1000) / 10 : 0 },
    attachments: d.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: documentKindLabel(a.kind),
      documentId: a.document.id,
      label: a.document.label,
      originalName: a.document.originalName,
      mimeType: a.document.mimeType,
      size: a.document.size,
      downloadUrl: `/documents/${a.document.id}`,
    })),
  };
}

export type StaffDossier = NonNullable<Awaited<ReturnType<typeof getDossierForStaff>>>;

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
