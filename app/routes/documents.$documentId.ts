// Downloads an association document: its members and CCAS staff only, always as an attachment.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/accounts/auth.server";
import { getDocumentForDownload, storedFileResponse } from "~/documents/document.server";
import { domainLoader } from "~/lib/forms.server";

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return storedFileResponse(await getDocumentForDownload(params.documentId ?? "", user));
}
