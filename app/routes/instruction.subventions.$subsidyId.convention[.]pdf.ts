import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { badRequest, notFound } from "~/lib/http.server";
import { generateConventionPdf } from "~/subsidies/convention-pdf.server";
import { downloadResponse } from "~/subsidies/subsidy-documents.server";
import { getSubsidyForStaff } from "~/subsidies/reading.server";
import { SubsidyError } from "~/subsidies/errors";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const s = await getSubsidyForStaff(params.subsidyId ?? "");
  if (!s) throw notFound("Cette subvention n'existe pas.");
  try {
    const { bytes, filename } = await generateConventionPdf(s.id);
    return downloadResponse(bytes, filename, "application/pdf");
  } catch (error) {
    if (error instanceof SubsidyError) throw badRequest(error.message);
    throw error;
  }
}
