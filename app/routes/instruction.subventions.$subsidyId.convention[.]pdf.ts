import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { domainLoader } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { generateConventionPdf } from "~/subsidies/convention-pdf.server";
import { getSubsidyForStaff } from "~/subsidies/reading.server";

/** The convention to sign; before the vote, the refusal's message on the error page (400). */
export function loader(args: LoaderFunctionArgs) {
  return domainLoader(load)(args);
}

async function load({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const s = await getSubsidyForStaff(params.subsidyId ?? "");
  if (!s) throw notFound("Cette subvention n'existe pas.");
  const { bytes, filename } = await generateConventionPdf(s.id);
  return fileResponse(new Uint8Array(bytes), { filename, contentType: "application/pdf" });
}
