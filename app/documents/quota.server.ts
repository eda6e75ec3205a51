// The storage quota of an association: what its documents take, against what it may keep.
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { DomainError } from "~/lib/domain-error";
import { formatFileSize } from "~/lib/format";

/** Total storage quota of one association (ASSOCIATION_STORAGE_QUOTA_MB, 200 Mo by default). */
export function storageQuotaBytes() {
  return Math.floor(getEnv().ASSOCIATION_STORAGE_QUOTA_MB * 1024 * 1024);
}

/** "12,3 Mo", "840 Ko" under one megabyte, "0 Ko" for a space where nothing is stored yet. */
export function formatMegabytes(bytes: number) {
  return bytes === 0 ? "0 Ko" : formatFileSize(bytes);
}

type DocumentDb = Pick<typeof prisma, "document">;

/** Space the association's stored documents take, against its quota. */
export async function associationStorage(associationId: string, db: DocumentDb = prisma) {
  const sum = await db.document.aggregate({ where: { associationId }, _sum: { size: true } });
  const used = sum._sum.size ?? 0;
  const quota = storageQuotaBytes();
  return { used, quota, left: Math.max(0, quota - used) };
}

/** A French message when a file of `size` bytes would not fit in the association's quota, else null. */
export async function quotaProblem(associationId: string, size: number, db: DocumentDb = prisma): Promise<string | null> {
  const { used, quota, left } = await associationStorage(associationId, db);
  if (used + size <= quota) return null;
  return `Ce fichier (${formatMegabytes(size)}) dépasse l'espace de stockage restant de l'association : ${formatMegabytes(used)} utilisés sur ${formatMegabytes(quota)}, il reste ${formatMegabytes(left)}. Supprimez des documents devenus inutiles puis réessayez.`;
}

/** The refusal of a file that would pass the quota (status 400), beside `field`; null when it fits. */
export async function overQuota(associationId: string, size: number, field: string, db: DocumentDb = prisma) {
  const problem = await quotaProblem(associationId, size, db);
  return problem ? new DomainError(problem, { code: "over_quota", field }) : null;
}

/** The client of an interactive transaction (or the client itself) as far as documents need it. */
export type DocumentTx = Pick<typeof prisma, "document" | "$executeRaw">;

/**
 * Takes the association's storage lock for the rest of the transaction, so that the quota
 * check and the insert that follow cannot interleave with another upload of the same
 * association (two uploads near the quota must not both pass: check-then-insert is a race).
 * It is the same mechanism as the dossier step saves: the transaction writes first.
 * - SQLite: the first write of a transaction takes the database's single write lock, held until
 *   commit; another process's transaction waits (busy timeout) and then reads the committed sum.
 *   (In one process the driver adapter already runs interactive transactions one at a time.)
 * - PostgreSQL: the UPDATE takes a row lock on this association, held until commit; a second
 *   upload of the same association waits on it, and under READ COMMITTED its SUM, a new
 *   statement, then sees the first upload's row. Other associations are not held up.
 */
export async function lockAssociationStorage(tx: DocumentTx, associationId: string) {
  await tx.$executeRaw`UPDATE "Association" SET "updatedAt" = "updatedAt" WHERE "id" = ${associationId}`;
}
