// The export file itself (resource route): CSV or XLSX, columns from ?colonnes=…, staff of the call only.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { domainLoader, parseWith } from "~/lib/forms.server";
import { exportCallDossiers } from "~/review/exports.server";
import { exportSchema } from "~/review/schemas";

// Wrapped at call time, never at module level: the browser build keeps module-level calls
// and has no forms.server.
export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const url = new URL(request.url);
  const parsed = parseWith(exportSchema, {
    format: url.searchParams.get("format") ?? "csv",
    colonnes: url.searchParams.getAll("colonnes"),
  });
  if (!parsed.ok) throw redirect(`/instruction/appels/${params.callId}/export?erreur=colonnes`);
  const file = await exportCallDossiers(user, params.callId!, parsed.data.format, parsed.data.colonnes);
  return fileResponse(new Uint8Array(file.body), { filename: file.filename, contentType: file.contentType });
}
