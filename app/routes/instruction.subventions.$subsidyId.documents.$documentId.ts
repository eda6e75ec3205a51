import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { storedFileResponse } from "~/documents/document.server";
import { notFound } from "~/lib/http.server";
import { readAssociationDocument } from "~/subsidies/subsidy-documents.server";
import { getSubsidyForStaff } from "~/subsidies/reading.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const s = await getSubsidyForStaff(params.subsidyId ?? "");
  if (!s) throw notFound();
  const found = await readAssociationDocument(s.associationId, params.documentId ?? "");
  if (!found) throw notFound();
  return storedFileResponse(found);
}
