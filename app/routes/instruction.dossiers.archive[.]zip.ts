// A ZIP of a selection of dossiers (POST: `dossierId` repeated, `pattern` for the folders' names):
// staff of the dossiers' calls, administrators. Any refusal is a French page and no archive at all.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { isDomainError } from "~/lib/domain-error";
import { fileResponse } from "~/lib/file-response.server";
import { formDataToObject, parseWith } from "~/lib/forms.server";
import { archiveRequestSchema } from "~/review/archive-names";
import { archiveRefusalPage } from "~/review/archive-refusal.server";
import { archiveFileName, archiveStream, prepareDossierArchive } from "~/review/dossier-archive.server";

/** Opened by its address (a bookmark, a reload): the archive is asked for from a page, so back to the dossiers. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return redirect("/instruction/dossiers");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const form = formDataToObject(await request.formData().catch(() => new FormData()));
  const back = typeof form.retour === "string" && form.retour.startsWith("/instruction/") ? form.retour : undefined;
  const parsed = parseWith(archiveRequestSchema, form);
  if (!parsed.ok) return archiveRefusalPage(400, Object.values(parsed.errors)[0] ?? "Demande d'archive invalide.", back);
  try {
    const plan = await prepareDossierArchive(user, parsed.data.dossierId, parsed.data.pattern);
    return fileResponse(archiveStream(plan), { filename: archiveFileName(), contentType: "application/zip" });
  } catch (error) {
    if (isDomainError(error)) return archiveRefusalPage(error.status, error.message, back);
    throw error;
  }
}
