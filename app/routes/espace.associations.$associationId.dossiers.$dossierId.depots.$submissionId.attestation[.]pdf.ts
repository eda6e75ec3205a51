// The attestation de dépôt of one deposit, as a PDF: the association's members, its own dossiers only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAssociationMember } from "~/accounts/auth.server";
import { getDepositPdfForMember } from "~/dossiers/submission-records.server";
import { fileResponse } from "~/lib/file-response.server";
import { domainLoader } from "~/lib/forms.server";

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const pdf = await getDepositPdfForMember(associationId, params.dossierId ?? "", params.submissionId ?? "", "attestation");
  return fileResponse(new Uint8Array(pdf.bytes), { filename: pdf.filename, contentType: "application/pdf" });
}
