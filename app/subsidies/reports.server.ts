// The compte rendu financier: due, overdue, submitted by the association, validated or sent back by staff.
import { prisma, writeTransaction, type Tx } from "~/db.server";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { storeUploads } from "~/documents/storing.server";
import type { ReportData } from "~/subsidies/schemas";
import { reportCorrectionEmail, reportValidatedEmail } from "~/subsidies/emails";
import { loadPortalSettings } from "~/settings/portal-settings.server";
import { subsidyRefusal } from "~/subsidies/errors";
import { OPEN_REPORT_STATUSES } from "~/subsidies/rules";
import { recordAudit } from "~/lib/audit.server";
import { reportAttachmentFiles, type Upload } from "~/subsidies/subsidy-documents.server";
import { saveIndicatorResults } from "~/steering/report-indicators.server";
import type { IndicatorResultInput } from "~/steering/report-schema";

/**
 * True when the association has a compte rendu financier past its due date and not
 * submitted (or sent back for corrections): a new request should not be granted before.
 */
export async function hasOverdueReport(associationId: string, now = new Date()): Promise<boolean> {
  const count = await prisma.financialReport.count({
    where: { subsidy: { associationId }, status: { in: [...OPEN_REPORT_STATUSES] }, dueDate: { lt: now } },
  });
  return count > 0;
}

/** The association's overdue reports (for a warning that names them). */
export async function listOverdueReports(associationId: string, now = new Date()) {
  return prisma.financialReport.findMany({
    where: { subsidy: { associationId }, status: { in: [...OPEN_REPORT_STATUSES] }, dueDate: { lt: now } },
    select: { id: true, financialYear: true, dueDate: true, status: true, subsidy: { select: { id: true, number: true, purpose: true } } },
    orderBy: { dueDate: "asc" },
  });
}

/**
 * The association submits its compte rendu financier, with the values achieved for its indicators
 * (IndicatorResult rows, written in the same transaction). Scoped by association: another
 * association's report is "not found" (null).
 */
export async function submitReport(
  associationId: string,
  reportId: string,
  data: Omit<ReportData, "attachmentIds">,
  attachments: Upload[],
  actor: { id: string },
  results: IndicatorResultInput[] = [],
) {
  const report = await prisma.financialReport.findFirst({
    where: { id: reportId, subsidy: { associationId } },
    include: { subsidy: { select: { id: true, number: true, purpose: true } } },
  });
  if (!report) return null;
  if (!(OPEN_REPORT_STATUSES as readonly string[]).includes(report.status)) {
    throw subsidyRefusal("report_submitted", "Ce compte rendu a déjà été transmis : il ne peut plus être modifié.");
  }
  const previous = (report.data ?? {}) as Partial<ReportData>;
  // The files and their rows, then the report, in one transaction (documents/storing.server.ts).
  return storeUploads(
    attachments,
    {
      associationId,
      kind: "compte_rendu",
      label: `Compte rendu financier ${report.financialYear} – ${report.subsidy.number}`,
      uploadedById: actor.id,
      accept: reportAttachmentFiles(),
    },
    async (tx, documents) => {
      const full: ReportData = { ...data, attachmentIds: [...(previous.attachmentIds ?? []), ...documents.map((d) => d.id)] };
      await tx.financialReport.update({
        where: { id: report.id },
        data: { status: "soumis", submittedAt: new Date(), data: full },
      });
      await saveIndicatorResults(tx, report, results);
      await recordAudit(tx, {
        entityType: "report",
        entityId: report.id,
        actorId: actor.id,
        action: "submitted",
        fromState: report.status,
        toState: "soumis",
      });
      return report;
    },
  );
}

/** Who hears about the association's subsidy: its representatives and its own address. */
export async function associationRecipients(associationId: string, db: Pick<Tx, "association"> = prisma): Promise<string[]> {
  const association = await db.association.findUnique({
    where: { id: associationId },
    select: {
      email: true,
      memberships: { where: { isRepresentative: true }, select: { user: { select: { email: true, disabledAt: true } } } },
    },
  });
  if (!association) return [];
  const emails = association.memberships.filter((m) => !m.user.disabledAt).map((m) => m.user.email);
  if (association.email) emails.push(association.email);
  return [...new Set(emails)];
}

/** Reads the report under the write lock: two staff deciding at once make one decision, one e-mail. */
async function submittedReport(tx: Tx, reportId: string, refusal: string) {
  const report = await tx.financialReport.findUnique({ where: { id: reportId }, include: { subsidy: true } });
  if (!report) throw subsidyRefusal("report_not_found", "Compte rendu introuvable.");
  if (report.status !== "soumis") throw subsidyRefusal("report_not_submitted", refusal);
  return report;
}

export async function validateReport(reportId: string, actor: { id: string }) {
  await writeTransaction(async (tx) => {
    const report = await submittedReport(tx, reportId, "Seul un compte rendu transmis par l'association peut être validé.");
    await tx.financialReport.update({
      where: { id: reportId },
      data: { status: "valide", validatedAt: new Date(), correctionMessage: null },
    });
    await recordAudit(tx, {
      entityType: "report",
      entityId: reportId,
      actorId: actor.id,
      action: "validated",
      fromState: "soumis",
      toState: "valide",
    });
    // Queued with the decision: committed together, never lost to a crash in between.
    const { name } = await loadPortalSettings(tx);
    for (const to of await associationRecipients(report.subsidy.associationId, tx)) {
      await enqueueMail(tx, { to, ...reportValidatedEmail(report, name) });
    }
  });
  void kickMailQueue();
}

export async function requestReportCorrection(reportId: string, message: string, actor: { id: string }) {
  await writeTransaction(async (tx) => {
    const report = await submittedReport(
      tx,
      reportId,
      "Seul un compte rendu transmis par l'association peut être renvoyé pour correction.",
    );
    await tx.financialReport.update({ where: { id: reportId }, data: { status: "a_corriger", correctionMessage: message } });
    await recordAudit(tx, {
      entityType: "report",
      entityId: reportId,
      actorId: actor.id,
      action: "correction_requested",
      fromState: "soumis",
      toState: "a_corriger",
      comment: message,
    });
    const link = absoluteUrl(`/espace/associations/${report.subsidy.associationId}/subventions/${report.subsidyId}`);
    const { name } = await loadPortalSettings(tx);
    for (const to of await associationRecipients(report.subsidy.associationId, tx)) {
      await enqueueMail(tx, { to, ...reportCorrectionEmail(report, message, link, name) });
    }
  });
  void kickMailQueue();
}
