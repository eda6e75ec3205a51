import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAssociationMember } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { notFound } from "~/lib/http.server";
import { generateConventionPdf } from "~/subsidies/convention-pdf.server";
import { storedFileResponse } from "~/documents/document.server";
import { readAssociationDocument } from "~/subsidies/subsidy-documents.server";
import { getSubsidyForAssociation } from "~/subsidies/reading.server";

/** The signed convention when there is one, else the convention sent for signature. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const s = await getSubsidyForAssociation(associationId, params.subsidyId ?? "");
  if (!s || !s.convention || s.convention.status === "a_preparer") throw notFound();
  if (s.convention.signedDocumentId) {
    const found = await readAssociationDocument(associationId, s.convention.signedDocumentId);
    if (found) return storedFileResponse(found, `convention-signee-${s.number}.pdf`);
  }
  const { bytes, filename } = await generateConventionPdf(s.id);
  return fileResponse(new Uint8Array(bytes), { filename, contentType: "application/pdf" });
}
