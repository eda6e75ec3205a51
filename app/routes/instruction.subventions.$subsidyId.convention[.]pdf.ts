import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { badRequest, notFound } from "~/lib/http.server";
import { generateConventionPdf } from "~/subsidies/subsidy-convention.server";
import { fileResponse } from "~/lib/file-response.server";
import { getSubsidyForStaff, SubsidyError } from "~/subsidies/subsidy.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const s = await getSubsidyForStaff(params.subsidyId ?? "");
  if (!s) throw notFound("Cette subvention n'existe pas.");
  try {
    const { bytes, filename } = await generateConventionPdf(s.id);
    return fileResponse(new Uint8Array(bytes), { filename, contentType: "application/pdf" });
  } catch (error) {
    if (error instanceof SubsidyError) throw badRequest(error.message);
    throw error;
  }
}
