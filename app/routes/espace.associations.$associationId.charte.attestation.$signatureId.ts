// The signature certificate (PDF): for the association's members and for CCAS staff.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser, requireAssociationMember } from "~/accounts/auth.server";
import { certificatePdf, getSignatureForCertificate } from "~/charter/attestation.server";
import { fileResponse } from "~/lib/file-response.server";
import { notFound } from "~/lib/http.server";
import { slugify } from "~/lib/slug";
import { getPortalSettings } from "~/settings/portal-settings.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const associationId = params.associationId ?? "";
  const user = await getUser(request);
  if (!user || (user.role !== "staff" && user.role !== "admin")) await requireAssociationMember(request, associationId);
  const signature = await getSignatureForCertificate({ signatureId: params.signatureId ?? "", associationId });
  if (!signature) throw notFound("Cette attestation n'existe pas.");
  const pdf = await certificatePdf(signature, await getPortalSettings());
  const filename = `attestation-charte-v${signature.version.version}-${slugify(signature.association.name) || "association"}.pdf`;
  return fileResponse(new Uint8Array(pdf), { filename, contentType: "application/pdf" });
}
