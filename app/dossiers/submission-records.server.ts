// The deposits of a dossier with their two PDFs (attestation de dépôt, dossier as deposited), for the
// association's members (their own dossiers) and for staff (the calls they review; administrators all).
// The PDFs are drawn again from each deposit's stored snapshot: the same snapshot always gives the same
// bytes. A deposit made before snapshots existed has none, and no PDF is invented for it (decision 019).
import { prisma } from "~/db.server";
import { attestationFileName, attestationPdf } from "~/dossiers/attestation-pdf.server";
import { dossierFileName, dossierPdf } from "~/dossiers/dossier-pdf.server";
import { readSnapshot } from "~/dossiers/submission-snapshot";
import { SUBMISSION_KIND_LABELS } from "~/dossiers/submission-history";
import { notFoundError } from "~/lib/domain-error";
import { requireDossierAccess, type Actor } from "~/review/access.server";

export type DepositPdfKind = "attestation" | "dossier";

const submissionSelect = { id: true, kind: true, submittedAt: true, snapshot: true, sha256: true } as const;

type SubmissionRow = { id: string; kind: string; submittedAt: Date; snapshot: unknown; sha256: string | null };

/** The two PDFs of one deposit, or null when it has no snapshot (an earlier deposit). */
export async function depositPdf(row: SubmissionRow, which: DepositPdfKind, options: { compress?: boolean } = {}) {
  const snapshot = readSnapshot(row.snapshot);
  if (!snapshot || !row.sha256) return null;
  return which === "attestation"
    ? { filename: attestationFileName(snapshot), bytes: await attestationPdf(snapshot, row.sha256, options) }
    : { filename: dossierFileName(snapshot), bytes: await dossierPdf(snapshot, row.sha256, options) };
}

export type DepositRecord = {
  id: string;
  kind: string;
  kindLabel: string;
  submittedAt: Date;
  submittedByName: string | null;
  sha256: string | null;
  /** Null for a deposit made before the records existed. */
  files: { attestation: number; dossier: number } | null;
};

// The sizes the lists state, by deposit and fingerprint: a snapshot always renders to the same bytes.
const sizeCache = new Map<string, { attestation: number; dossier: number }>();

async function fileSizes(row: SubmissionRow) {
  const key = `${row.id}:${row.sha256}`;
  const known = sizeCache.get(key);
  if (known) return known;
  const [attestation, dossier] = await Promise.all([depositPdf(row, "attestation"), depositPdf(row, "dossier")]);
  if (!attestation || !dossier) return null;
  if (sizeCache.size > 2000) sizeCache.clear();
  const sizes = { attestation: attestation.bytes.length, dossier: dossier.bytes.length };
  sizeCache.set(key, sizes);
  return sizes;
}

async function records(rows: SubmissionRow[]): Promise<DepositRecord[]> {
  const out: DepositRecord[] = [];
  for (const row of rows) {
    const snapshot = readSnapshot(row.snapshot);
    const files = snapshot && row.sha256 ? await fileSizes(row) : null;
    out.push({
      id: row.id,
      kind: row.kind,
      kindLabel: SUBMISSION_KIND_LABELS[row.kind] ?? row.kind,
      submittedAt: row.submittedAt,
      submittedByName: snapshot?.depositedBy.name ?? null,
      sha256: snapshot ? row.sha256 : null,
      files,
    });
  }
  return out;
}

/** An association's member: the deposits of one of its own dossiers, oldest first (404 for anyone else's). */
export async function listDepositRecordsForMember(associationId: string, dossierId: string) {
  const dossier = await prisma.dossier.findFirst({ where: { id: dossierId, associationId }, select: { id: true } });
  if (!dossier) throw notFoundError();
  const rows = await prisma.dossierSubmission.findMany({
    where: { dossierId: dossier.id },
    orderBy: { submittedAt: "asc" },
    select: submissionSelect,
  });
  return records(rows);
}

/** Staff: the deposits of a dossier of a call they review (administrators: any), oldest first. */
export async function listDepositRecordsForStaff(user: Actor, dossierId: string) {
  const dossier = await requireDossierAccess(user, dossierId);
  const rows = await prisma.dossierSubmission.findMany({
    where: { dossierId: dossier.id },
    orderBy: { submittedAt: "asc" },
    select: submissionSelect,
  });
  return records(rows);
}

const NO_RECORD = "Attestation non disponible pour ce dépôt antérieur : il a été fait avant que les dépôts soient conservés.";

async function pdfOf(row: SubmissionRow | null, which: DepositPdfKind) {
  if (!row) throw notFoundError();
  const pdf = await depositPdf(row, which);
  if (!pdf) throw notFoundError(NO_RECORD);
  return pdf;
}

/** One PDF of one deposit of the association's own dossier. */
export async function getDepositPdfForMember(associationId: string, dossierId: string, submissionId: string, which: DepositPdfKind) {
  const row = await prisma.dossierSubmission.findFirst({
    where: { id: submissionId, dossierId, dossier: { associationId } },
    select: submissionSelect,
  });
  return pdfOf(row, which);
}

/** One PDF of one deposit of a dossier the staff member reviews. */
export async function getDepositPdfForStaff(user: Actor, dossierId: string, submissionId: string, which: DepositPdfKind) {
  const dossier = await requireDossierAccess(user, dossierId);
  const row = await prisma.dossierSubmission.findFirst({ where: { id: submissionId, dossierId: dossier.id }, select: submissionSelect });
  return pdfOf(row, which);
}
