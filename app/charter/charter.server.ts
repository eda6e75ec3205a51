// The municipal charter of social action: versions written and published by an
// administrator, signed by each association's legal representative.
// A published version never changes (here, and a database trigger refuses it too);
// signing or publishing changes the directory's badge, so both go through the search outbox.
import { createHash } from "node:crypto";
import { diffWordsWithSpace } from "diff";
import PDFDocument from "pdfkit";
import { enqueueSearchSync } from "../../search/sync";
import { syncSearchNow } from "~/associations/search-sync.server";
import type { SessionUser } from "~/accounts/auth.server";
import { currentCharterVersion } from "~/charter/charter-status.server";
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import type { CharterDraftInput } from "~/charter/schemas";

/** Over a hundred notices are queued inside the publication's transaction. */

export type CharterErrorCode = "no_version" | "not_current" | "not_representative" | "not_validated" | "not_draft" | "tampered";

export class CharterError extends Error {
  constructor(
    readonly code: CharterErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// ── Text, hash, rendering ──────────────────────────────────────────

/** The text a signature commits to: the title and the Markdown body, line endings normalised. */
export function charterText(version: { title: string; body: string }): string {
  return `${version.title.trim()}\n\n${version.body.replace(/\r\n?/g, "\n").trim()}\n`;
}

export function charterTextHash(version: { title: string; body: string }): string {
  return createHash("sha256").update(charterText(version), "utf8").digest("hex");
}

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Word-level differences between two texts, as plain strings (rendered with <ins>/<del>, never as HTML). */
export function diffTexts(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

// ── Versions ───────────────────────────────────────────────────────

export const versionSummarySelect = {
  id: true,
  version: true,
  title: true,
  changeNote: true,
  sha256: true,
  publishedAt: true,
} as const;

export async function getCurrentVersion() {
  const current = await currentCharterVersion();
  if (!current) return null;
  return prisma.charterVersion.findUnique({ where: { id: current.id }, select: { ...versionSummarySelect, body: true } });
}

export async function getPublishedVersion(version: number) {
  return prisma.charterVersion.findFirst({
    where: { version, publishedAt: { not: null } },
    select: { ...versionSummarySelect, body: true },
  });
}

export async function listPublishedVersions() {
  return prisma.charterVersion.findMany({
    where: { publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { ...versionSummarySelect, _count: { select: { signatures: true } } },
  });
}

export async function getDraft() {
  return prisma.charterVersion.findFirst({
    where: { publishedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, body: true, changeNote: true, createdAt: true },
  });
}

/** Saves the draft (there is at most one). A published version is never touched. */
export async function saveDraft(input: CharterDraftInput, actor: SessionUser) {
  const data = { title: input.title, body: input.body, changeNote: input.changeNote ?? null };
  const existing = await getDraft();
  if (existing) {
    const updated = await prisma.charterVersion.updateMany({ where: { id: existing.id, publishedAt: null }, data });
    if (updated.count !== 1) throw new CharterError("not_draft", "Ce brouillon vient d'être publié : il ne peut plus être modifié.");
    return { id: existing.id };
  }
  const created = await prisma.charterVersion.create({ data, select: { id: true } });
  await prisma.auditEvent.create({ data: { entityType: "charter", entityId: created.id, actorId: actor.id, action: "brouillon créé" } });
  return created;
}

/**
 * Publishes the draft as the next version: number, SHA-256 and date are fixed once and for all.
 * The previous version's signatories lose the badge (re-indexed), and every validated
 * association's representatives are asked to sign the new version.
 */
export async function publishDraft(draftId: string, actor: SessionUser) {
  const published = await writeTransaction(async (tx) => {
    const draft = await tx.charterVersion.findFirst({
      where: { id: draftId },
      select: { id: true, title: true, body: true, version: true, publishedAt: true },
    });
    if (!draft) throw new CharterError("not_draft", "Ce brouillon n'existe plus ou a déjà été publié.");
    // Published already (the same form sent twice): that one publication, no second notice.
    if (draft.publishedAt && draft.version !== null)
      return { id: draft.id, version: draft.version, title: draft.title, formerSigners: [] as string[], already: true, notified: null };
    const previous = await tx.charterVersion.findFirst({
      where: { publishedAt: { not: null } },
      orderBy: { version: "desc" },
      select: { id: true, version: true },
    });
    const version = (previous?.version ?? 0) + 1;
    const claimed = await tx.charterVersion.updateMany({
      where: { id: draft.id, publishedAt: null },
      data: { version, sha256: charterTextHash(draft), publishedAt: new Date(), publishedById: actor.id },
    });
    if (claimed.count !== 1) throw new CharterError("not_draft", "Ce brouillon vient d'être publié.");
    const formerSigners = previous
      ? (await tx.charterSignature.findMany({ where: { versionId: previous.id }, select: { associationId: true } })).map(
          (s) => s.associationId,
        )
      : [];
    await enqueueSearchSync(tx, formerSigners);
    await tx.auditEvent.create({
      data: { entityType: "charter", entityId: draft.id, actorId: actor.id, action: "publication", toState: `version ${version}` },
    });
    const notified = await queueRepresentativeNotices(tx, "new_version", version);
    return { id: draft.id, version, title: draft.title, formerSigners, already: false, notified };
  });
  if (published.already) return published;
  void kickMailQueue();
  if (published.formerSigners.length) await syncSearchNow(published.formerSigners);
  return published;
}

// ── Signatures ─────────────────────────────────────────────────────

export type SignArgs = {
  associationId: string;
  userId: string;
  versionId: string;
  signerName: string;
  signerRole: string;
  ip: string;
  userAgent: string;
};

/**
 * The legal representative signs the current version. The version posted must be the
 * current one: a page left open while a new version was published signs nothing.
 */
export async function signCharter(args: SignArgs) {
  const result = await writeTransaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { userId_associationId: { userId: args.userId, associationId: args.associationId } },
      select: { isRepresentative: true, association: { select: { status: true } } },
    });
    if (!membership?.isRepresentative) {
      throw new CharterError("not_representative", "Seul le ou la représentant·e légal·e de l'association peut signer la charte.");
    }
    if (membership.association.status !== "validated") {
      throw new CharterError("not_validated", "L'association pourra signer la charte une fois son inscription validée par le CCAS.");
    }
    const current = await tx.charterVersion.findFirst({
      where: { publishedAt: { not: null } },
      orderBy: { version: "desc" },
      select: { id: true, version: true, title: true, body: true, sha256: true },
    });
    if (!current) throw new CharterError("no_version", "Aucune charte n'est publiée pour le moment.");
    if (current.id !== args.versionId) {
      throw new CharterError(
        "not_current",
        `Cette version n'est plus celle en vigueur : la version ${current.version} a été publiée. Relisez-la avant de signer.`,
      );
    }
    const textSha256 = charterTextHash(current);
    if (textSha256 !== current.sha256)
      throw new CharterError("tampered", "Le texte de la charte ne correspond plus à son empreinte : signature impossible.");
    const existing = await tx.charterSignature.findUnique({
      where: { versionId_associationId: { versionId: current.id, associationId: args.associationId } },
      select: { id: true },
    });
    if (existing) return { signatureId: existing.id, version: current.version!, created: false };
    const signature = await tx.charterSignature.create({
      data: {
        versionId: current.id,
        associationId: args.associationId,
        userId: args.userId,
        signerName: args.signerName,
        signerRole: args.signerRole,
        ip: args.ip.slice(0, 100),
        userAgent: args.userAgent.slice(0, 500),
        textSha256,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        entityType: "charter",
        entityId: current.id,
        actorId: args.userId,
        action: "signature",
        toState: `version ${current.version}`,
        comment: `Association ${args.associationId}`,
      },
    });
    await enqueueSearchSync(tx, [args.associationId]);
    return { signatureId: signature.id, version: current.version!, created: true };
  });
  const sync = result.created ? await syncSearchNow([args.associationId]) : "synced";
  return { ...result, sync };
}

/** What the association's charter page shows: the current text and the association's signatures. */
export async function getAssociationCharter(associationId: string) {
  const [current, association, signatures, representatives] = await Promise.all([
    getCurrentVersion(),
    prisma.association.findUnique({ where: { id: associationId }, select: { id: true, name: true, status: true } }),
    prisma.charterSignature.findMany({
      where: { associationId },
      orderBy: { signedAt: "desc" },
      select: {
        id: true,
        signerName: true,
        signerRole: true,
        signedAt: true,
        textSha256: true,
        version: { select: { id: true, version: true } },
      },
    }),
    prisma.membership.findMany({
      where: { associationId, isRepresentative: true, user: { disabledAt: null } },
      select: { title: true, user: { select: { name: true } } },
    }),
  ]);
  const currentSignature = current ? (signatures.find((s) => s.version.id === current.id) ?? null) : null;
  return {
    current,
    association,
    signatures,
    currentSignature,
    representatives: representatives.map((r) => ({ name: r.user.name, title: r.title })),
  };
}

/** Public list: the associations that signed the current version. */
export async function listCurrentSignatories() {
  const current = await currentCharterVersion();
  if (!current) return { version: null, signatories: [] };
  const signatures = await prisma.charterSignature.findMany({
    where: { versionId: current.id, association: { status: "validated" } },
    orderBy: { association: { name: "asc" } },
    select: { signedAt: true, association: { select: { name: true, slug: true, district: true } } },
  });
  return { version: current.version, signatories: signatures.map((s) => ({ ...s.association, signedAt: s.signedAt })) };
}

/** Staff view: for each validated association, what it signed, and whether the current version. */
export async function charterOverview() {
  const current = await currentCharterVersion();
  const associations = await prisma.association.findMany({
    where: { status: "validated" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      signatures: {
        orderBy: { signedAt: "desc" },
        select: { id: true, signerName: true, signerRole: true, signedAt: true, version: { select: { id: true, version: true } } },
      },
      memberships: { where: { isRepresentative: true }, select: { user: { select: { name: true, email: true } } } },
    },
  });
  const rows = associations.map((a) => {
    const currentSignature = current ? (a.signatures.find((s) => s.version.id === current.id) ?? null) : null;
    return {
      id: a.id,
      name: a.name,
      slug: a.slug,
      representatives: a.memberships.map((m) => m.user.name),
      hasRepresentative: a.memberships.length > 0,
      currentSignature,
      lastSignature: a.signatures[0] ?? null,
    };
  });
  const signed = rows.filter((r) => r.currentSignature).length;
  return { current, rows, signed, unsigned: rows.length - signed };
}

async function unsignedRepresentatives(tx: Tx, versionId: string) {
  return tx.membership.findMany({
    where: {
      isRepresentative: true,
      user: { disabledAt: null },
      association: { status: "validated", signatures: { none: { versionId } } },
    },
    select: { associationId: true, association: { select: { name: true } }, user: { select: { email: true, name: true } } },
  });
}

async function allRepresentatives(tx: Tx) {
  return tx.membership.findMany({
    where: { isRepresentative: true, user: { disabledAt: null }, association: { status: "validated" } },
    select: { associationId: true, association: { select: { name: true } }, user: { select: { email: true, name: true } } },
  });
}

/**
 * One e-mail per representative, queued in the transaction of what causes them (the
 * publication, the reminder's audit line): they commit together, and the mail queue
 * delivers them after the answer, surviving a stop.
 */
async function queueRepresentativeNotices(tx: Tx, kind: "new_version" | "reminder", version: number, versionId?: string) {
  const recipients = kind === "reminder" && versionId ? await unsignedRepresentatives(tx, versionId) : await allRepresentatives(tx);
  const isFirst = version === 1;
  const mails = recipients.map((r) => {
    const link = absoluteUrl(`/espace/associations/${r.associationId}/charte`);
    const subject =
      kind === "reminder"
        ? `Rappel : ${r.association.name} n'a pas encore signé la charte de l'action sociale`
        : isFirst
          ? "La charte municipale de l'action sociale est publiée : signature attendue"
          : `Charte de l'action sociale : version ${version} publiée, nouvelle signature attendue`;
    const intro =
      kind === "reminder"
        ? `La version ${version} de la charte municipale de l'action sociale n'a pas encore été signée pour « ${r.association.name} ».`
        : isFirst
          ? `Le CCAS de Besançon publie la charte municipale de l'action sociale. La signer, c'est faire partie du réseau des associations de solidarité.`
          : `Le CCAS de Besançon a publié la version ${version} de la charte municipale de l'action sociale. La signature d'une version précédente reste enregistrée, mais « ${r.association.name} » n'apparaîtra de nouveau comme signataire qu'après avoir signé cette version.`;
    return {
      to: r.user.email,
      subject,
      text: [
        `Bonjour ${r.user.name},`,
        "",
        intro,
        "",
        `En tant que représentant·e légal·e de « ${r.association.name} », vous pouvez la lire et la signer ici :`,
        link,
        "",
        `Ce qui a changé : ${absoluteUrl("/charte/versions")}`,
      ].join("\n"),
    };
  });
  for (const mail of mails) await enqueueMail(tx, { ...mail, bulk: true });
  return { emails: recipients.length, associations: new Set(recipients.map((r) => r.associationId)).size };
}

/** E-mails the representatives of every validated association that has not signed the current version. */
export async function sendSignatureReminders(actor: SessionUser) {
  const current = await currentCharterVersion();
  if (!current) throw new CharterError("no_version", "Aucune charte n'est publiée : il n'y a rien à signer.");
  const sent = await writeTransaction(async (tx) => {
    const queued = await queueRepresentativeNotices(tx, "reminder", current.version!, current.id);
    await tx.auditEvent.create({
      data: {
        entityType: "charter",
        entityId: current.id,
        actorId: actor.id,
        action: "relance",
        comment: `${queued.emails} courriel(s), ${queued.associations} association(s)`,
      },
    });
    return queued;
  });
  void kickMailQueue();
  return sent;
}

// ── Certificate ────────────────────────────────────────────────────

/** A signature of this association (scoped: another association's id finds nothing). */
export async function getSignatureForCertificate(where: { signatureId: string; associationId: string }) {
  return prisma.charterSignature.findFirst({
    where: { id: where.signatureId, associationId: where.associationId },
    select: {
      id: true,
      signerName: true,
      signerRole: true,
      signedAt: true,
      textSha256: true,
      version: { select: { version: true, title: true, publishedAt: true } },
      association: { select: { name: true, rna: true, siret: true, city: true } },
    },
  });
}

type CertificateSignature = NonNullable<Awaited<ReturnType<typeof getSignatureForCertificate>>>;

export function certificatePdf(signature: CertificateSignature): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 56,
      info: { Title: `Attestation de signature de la charte – ${signature.association.name}`, Author: "CCAS de Besançon" },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);

    doc.font("Helvetica").fontSize(10).fillColor("#444").text("Centre communal d'action sociale de Besançon");
    doc.moveDown(1.5);
    doc.font("Helvetica-Bold").fontSize(18).fillColor("#000").text("Attestation de signature");
    doc.font("Helvetica").fontSize(13).text(`${signature.version.title} – version ${signature.version.version}`);
    doc.moveDown(1.5);
    const line = (label: string, value: string) => {
      doc.font("Helvetica-Bold").fontSize(11).text(`${label} : `, { continued: true });
      doc.font("Helvetica").text(value);
      doc.moveDown(0.3);
    };
    line("Association", signature.association.name);
    if (signature.association.rna) line("N° RNA", signature.association.rna);
    if (signature.association.siret) line("SIRET", signature.association.siret);
    line("Signataire", signature.signerName);
    line("Qualité", signature.signerRole);
    line(
      "Version signée",
      `version ${signature.version.version}${signature.version.publishedAt ? `, publiée le ${formatDateTime(signature.version.publishedAt)}` : ""}`,
    );
    line("Signée le", `${formatDateTime(signature.signedAt)} (heure de Paris) – ${signature.signedAt.toISOString()} UTC`);
    line("Référence", signature.id);
    doc.moveDown(0.5);
    doc.font("Helvetica-Bold").fontSize(11).text("Empreinte SHA-256 du texte signé :");
    doc.font("Courier").fontSize(9.5).text(signature.textSha256);
    doc.moveDown(1.5);
    doc
      .font("Helvetica")
      .fontSize(10)
      .fillColor("#333")
      .text(
        `${signature.signerName}, ${signature.signerRole} de l'association « ${signature.association.name} », ` +
          "a déclaré avoir lu la charte municipale de l'action sociale et engagé l'association à en respecter les valeurs " +
          "et les engagements. L'empreinte ci-dessus identifie exactement le texte signé : elle se vérifie sur la page de la charte, " +
          "dans l'historique des versions.",
      );
    doc.end();
  });
}

// ── The association's space ────────────────────────────────────────

export async function charterSpaceLinks(associationId: string) {
  const current = await currentCharterVersion();
  if (!current) return [];
  const signatures = await prisma.charterSignature.findMany({
    where: { associationId },
    orderBy: { signedAt: "desc" },
    select: { version: { select: { id: true, version: true } } },
  });
  const signedCurrent = signatures.some((s) => s.version.id === current.id);
  const note = signedCurrent
    ? `signée (version ${current.version})`
    : signatures.length
      ? `à signer (version ${current.version} ; version ${signatures[0].version.version} signée)`
      : `à signer (version ${current.version})`;
  return [{ href: `/espace/associations/${associationId}/charte`, label: "Charte de l'action sociale", note }];
}
