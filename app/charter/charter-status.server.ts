// The charter's current version, and whether an association signed it: the directory's badge.
// The one reader of "current": the highest published version (the search index asks it too).
import { prisma, type Db } from "~/db.server";
import type { Tx } from "~/lib/transaction";

export async function currentCharterVersion(db: Pick<Db | Tx, "charterVersion"> = prisma) {
  return db.charterVersion.findFirst({
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
