// The file an expert joined to an opinion, for the staff who reach the dossier.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { storedFileResponse } from "~/documents/document.server";
import { domainLoader } from "~/lib/forms.server";
import { getOpinionFileForStaff } from "~/review/opinions.server";

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return storedFileResponse(await getOpinionFileForStaff(user, params.dossierId ?? "", params.opinionId ?? ""));
}
