// Imports run in the background of the portal process that received them; the page polls their
// record. A run cut short (the process stopped) is picked up again by the job "imports RNA en
// attente" (server/jobs.ts) once its lease has lapsed, and continues from its checkpoint.
import { syncSearchNow } from "~/associations/search-sync.server";
import { prisma, writeTransaction } from "~/db.server";
import { isDomainError } from "~/lib/domain-error";
import { createImportRecord, getImport } from "~/rna/imports.server";
import { ImportUnderwayError, runImport } from "~/rna/run.server";
import { DomainError, notFoundError } from "~/lib/domain-error";

// A run's heartbeat is renewed after every batch; older than this, it was interrupted.
const STALE_MS = 3 * 60_000;

export function startImport(importId: string, log: (message: string) => void = console.warn) {
  void runImport(prisma, importId, { syncSearch: syncSearchNow }).catch((error: unknown) => {
    if (error instanceof ImportUnderwayError) return; // another run holds the lease; the job will start this one
    if (isDomainError(error)) return;
    log(`Import RNA ${importId} : ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** The job: the oldest import waiting, or interrupted, is run (one at a time across processes). */
export async function resumeWaitingImports(log: (message: string) => void) {
  const next = await prisma.rnaImport.findFirst({
    where: {
      OR: [
        { status: "queued", createdAt: { lt: new Date(Date.now() - 10_000) } },
        { status: "running", heartbeatAt: { lt: new Date(Date.now() - STALE_MS) } },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!next) return;
  try {
    await runImport(prisma, next.id, { syncSearch: syncSearchNow });
  } catch (error) {
    if (error instanceof ImportUnderwayError) return;
    log(`Import RNA ${next.id} : ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** "Appliquer cet import": an import of the file a dry run read (or its unfinished one), started now. */
export async function applyDryRun(dryRunId: string, createdById: string) {
  const dry = await getImport(prisma, dryRunId);
  if (!dry || dry.mode !== "dry_run") throw notFoundError();
  if (dry.status !== "done")
    throw new DomainError("La simulation n'est pas terminée : attendez son rapport.", { code: "not_done", status: 409 });
  const id = await writeTransaction(async (tx) => {
    const unfinished = await tx.rnaImport.findFirst({
      where: { sha256: dry.sha256, mode: "apply", status: { in: ["queued", "running", "failed"] } },
      select: { id: true },
    });
    if (unfinished) return unfinished.id;
    const created = await createImportRecord(tx as unknown as typeof prisma, {
      mode: "apply",
      fileName: dry.fileName,
      storedName: dry.storedName ?? undefined,
      filePath: dry.filePath ?? undefined,
      sha256: dry.sha256,
      sizeBytes: dry.sizeBytes,
      createdById,
    });
    return created.id;
  });
  startImport(id);
  return id;
}

/** "Reprendre": a failed run continues from its checkpoint. */
export async function resumeImport(importId: string) {
  const record = await prisma.rnaImport.findUnique({ where: { id: importId }, select: { status: true } });
  if (!record) throw notFoundError();
  if (record.status !== "failed" && record.status !== "queued")
    throw new DomainError("Cet import n'est pas interrompu.", { code: "not_failed", status: 409 });
  startImport(importId);
}
