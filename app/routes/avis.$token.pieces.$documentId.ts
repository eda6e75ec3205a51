// An attachment of the dossier, downloaded by the expert through the personal link.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { storedFileResponse } from "~/documents/document.server";
import { notFound } from "~/lib/http.server";
import { getAttachmentForExpert, INVALID_OPINION_LINK } from "~/review/opinion-links.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const file = await getAttachmentForExpert(params.token ?? "", params.documentId ?? "");
  if (!file) throw notFound(INVALID_OPINION_LINK);
  const response = storedFileResponse(file);
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
