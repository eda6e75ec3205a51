// The staff actions on one subsidy: vote, convention, schedule, payments, financial reports.
import { prisma } from "~/db.server";
import { isDomainError } from "~/lib/domain-error";
import { formDataToObject, fieldError, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { conventionSignedSchema, correctionSchema, paymentSchema, scheduleSchema, voteSchema } from "~/subsidies/schemas";
import { markConventionSent, markConventionSigned, openConvention } from "~/subsidies/conventions.server";
import { readUpload } from "~/subsidies/subsidy-documents.server";
import { recordPayment, setSchedule } from "~/subsidies/payments.server";
import { recordVote } from "~/subsidies/vote.server";
import { requestReportCorrection, validateReport } from "~/subsidies/reports.server";
import { subsidyRefusal } from "~/subsidies/errors";
import { attachmentSchema } from "~/steering/social-project-schemas";
import { setSubsidyAttachment } from "~/steering/subsidy-attachment.server";
import { handleSteeringIntent } from "./steering-actions.server";

export async function handleStaffSubsidyAction(request: Request, subsidyId: string, actor: { id: string }) {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return invalid({ errors: { _form: "Le formulaire envoyé est illisible. Réessayez." }, values: {} });
  }
  const values = formDataToObject(formData);
  const intent = String(values.intent ?? "");
  const back = `/instruction/subventions/${subsidyId}`;
  const withIntent = <T extends { ok: false; errors: Record<string, string>; values: Record<string, unknown> }>(f: T) =>
    invalid({ ...f, values: { ...f.values, intent } });
  try {
    switch (intent) {
      case "vote": {
        const parsed = parseWith(voteSchema, values);
        if (!parsed.ok) return withIntent(parsed);
        await recordVote(subsidyId, parsed.data, actor);
        return redirectWithFlash(back, "Le vote est enregistré.");
      }
      case "attachment": {
        const parsed = parseWith(attachmentSchema, values);
        if (!parsed.ok) return withIntent(parsed);
        const attached = await setSubsidyAttachment(subsidyId, parsed.data.attachment, actor);
        return redirectWithFlash(
          back,
          attached.label
            ? `La subvention est rattachée au projet social (${attached.label}).`
            : "La subvention n'est plus rattachée au projet social.",
        );
      }
      case "open_convention":
        await openConvention(subsidyId, actor);
        return redirectWithFlash(back, "La convention est à préparer.");
      case "convention_sent":
        await markConventionSent(subsidyId, actor);
        return redirectWithFlash(back, "La convention est marquée comme envoyée à l'association.");
      case "convention_signed": {
        const parsed = parseWith(conventionSignedSchema, values);
        if (!parsed.ok) return withIntent(parsed);
        await markConventionSigned(subsidyId, { signedAt: parsed.data.signedAt, file: await readUpload(formData.get("file")) }, actor);
        return redirectWithFlash(back, "La convention signée est enregistrée : les versements sont possibles.");
      }
      case "schedule": {
        const parsed = parseWith(scheduleSchema, values);
        if (!parsed.ok) return withIntent(parsed);
        await setSchedule(subsidyId, parsed.data, actor);
        return redirectWithFlash(back, "L'échéancier est enregistré.");
      }
      case "payment": {
        const parsed = parseWith(paymentSchema, values);
        if (!parsed.ok) return withIntent(parsed);
        await recordPayment(
          subsidyId,
          { instalmentId: parsed.data.instalmentId, paidAt: parsed.data.paidAt, amountCents: parsed.data.amount },
          actor,
        );
        return redirectWithFlash(back, "Le versement est enregistré.");
      }
      case "report_validate": {
        await validateReportOf(subsidyId, String(values.reportId ?? ""), actor);
        return redirectWithFlash(back, "Le compte rendu financier est validé ; l'association est prévenue.");
      }
      case "report_correction": {
        const parsed = parseWith(correctionSchema, values);
        if (!parsed.ok) return withIntent(parsed);
        await correctionOf(subsidyId, String(values.reportId ?? ""), parsed.data.message, actor);
        return redirectWithFlash(back, "La demande de correction est envoyée à l'association.", "info");
      }
      default:
        return (await handleSteeringIntent(intent, values, subsidyId, actor)) ?? unknownIntent({ intent });
    }
  } catch (error) {
    // The refusal beside its field, with everything typed (a multipart form included).
    if (isDomainError(error)) return fieldError(error.field, error.message, { ...values, intent }, error.status);
    throw error;
  }
}

async function reportOfSubsidy(subsidyId: string, reportId: string) {
  const report = await prisma.financialReport.findFirst({ where: { id: reportId, subsidyId }, select: { id: true } });
  if (!report) throw subsidyRefusal("report_not_found", "Compte rendu introuvable pour cette subvention.");
  return report.id;
}

async function validateReportOf(subsidyId: string, reportId: string, actor: { id: string }) {
  await validateReport(await reportOfSubsidy(subsidyId, reportId), actor);
}

async function correctionOf(subsidyId: string, reportId: string, message: string, actor: { id: string }) {
  await requestReportCorrection(await reportOfSubsidy(subsidyId, reportId), message, actor);
}
