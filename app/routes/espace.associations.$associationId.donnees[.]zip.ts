import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRepresentative } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { fileResponse } from "~/lib/file-response.server";
import { slugify } from "~/lib/slug";
import { exportAssociationData } from "~/accounts/personal-data.server";

/** The association's data as a ZIP of JSON and files: its legal representative only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId, user } = await requireRepresentative(request, params.associationId ?? "");
  const association = await prisma.association.findUniqueOrThrow({ where: { id: associationId }, select: { name: true } });
  const zip = await exportAssociationData(associationId);
  await recordAudit(prisma, { entityType: "association", entityId: associationId, actorId: user.id, action: "export des données" });
  return fileResponse(new Uint8Array(zip), {
    filename: `donnees-${slugify(association.name)}-${new Date().toISOString().slice(0, 10)}.zip`,
    contentType: "application/zip",
  });
}
