// The export of a selection of the call's table (resource route, posted by its bulk bar):
// CSV or XLSX through the one spreadsheet writer. Without a selection, back to the table.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { domainAction, domainLoader, formDataToObject, parseWith } from "~/lib/forms.server";
import { exportSelection } from "~/review/bulk.server";
import { selectionSchema } from "~/review/bulk-schemas";
import { isDomainError } from "~/lib/domain-error";

const tablePath = (callId: string) => `/instruction/appels/${callId}/dossiers`;

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  return redirect(tablePath(params.callId!));
}

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

async function post({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const callId = params.callId!;
  const values = formDataToObject(await request.formData());
  const parsed = parseWith(selectionSchema, values);
  if (!parsed.ok) return redirect(`${tablePath(callId)}?erreur=export`);
  const format = values.intent === "export_xlsx" ? "xlsx" : "csv";
  try {
    const file = await exportSelection(user, callId, parsed.data.dossierId, format);
    return fileResponse(new Uint8Array(file.body), { filename: file.filename, contentType: file.contentType });
  } catch (error) {
    // A selection outside the call: back to the table, which says so.
    if (isDomainError(error) && error.code === "selection_outside_call") return redirect(`${tablePath(callId)}?erreur=export`);
    throw error;
  }
}
