// The whole dossier as deposited of one deposit, as a PDF: staff of the dossier's call, administrators.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { getDepositPdfForStaff } from "~/dossiers/submission-records.server";
import { fileResponse } from "~/lib/file-response.server";
import { domainLoader } from "~/lib/forms.server";

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const pdf = await getDepositPdfForStaff(user, params.dossierId ?? "", params.submissionId ?? "", "dossier");
  return fileResponse(new Uint8Array(pdf.bytes), { filename: pdf.filename, contentType: "application/pdf" });
}
