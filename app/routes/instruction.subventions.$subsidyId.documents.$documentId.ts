import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { notFound } from "~/lib/http.server";
import { downloadResponse, readAssociationDocument } from "~/subsidies/subsidy-documents.server";
import { getSubsidyForStaff } from "~/subsidies/reading.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const s = await getSubsidyForStaff(params.subsidyId ?? "");
  if (!s) throw notFound();
  const found = await readAssociationDocument(s.associationId, params.documentId ?? "");
  if (!found) throw notFound();
  return downloadResponse(found.bytes, found.doc.originalName, found.doc.mimeType);
}
