// Whether an association signed the charter's current version: the directory's badge.
import { prisma } from "~/db.server";

export async function currentCharterVersion() {
  return prisma.charterVersion.findFirst({
    where: { publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });
}

export async function isCharterSigner(associationId: string): Promise<boolean> {
  const current = await currentCharterVersion();
  if (!current) return false;
  const signature = await prisma.charterSignature.findUnique({
    where: { versionId_associationId: { versionId: current.id, associationId } },
    select: { id: true },
  });
  return Boolean(signature);
}
