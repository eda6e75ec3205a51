// Downloads an association document: its members and CCAS staff only, always as an attachment.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/accounts/auth.server";
import { contentDisposition, getDocumentForDownload } from "~/documents/document.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const document = await getDocumentForDownload(params.documentId ?? "", user);
  return new Response(document.bytes, {
    headers: {
      "Content-Type": document.mimeType,
      "Content-Length": String(document.bytes.length),
      "Content-Disposition": contentDisposition(document.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
