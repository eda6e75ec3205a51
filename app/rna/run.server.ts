// Runs an RnaImport: reads its file as a stream, classifies each record, and resolves candidates in
// batches. An import writes each batch in one write transaction together with its checkpoint (the
// last record done) and the report so far: a batch is applied whole or not at all, and a run that
// stops (crash, restart) continues after the last committed batch. A dry run computes the same
// report and a preview, and writes no association. One run at a time across processes (a lease).
import type { Db } from "~/db.server";
import { claimLease, PROCESS_HOLDER, releaseLease, renewLease } from "~/lib/job-lease.server";
import { writeTransactionOn } from "~/lib/transaction";
import { loadPortalSettings } from "~/settings/portal-settings.server";
import { loadTaxonomy } from "~/settings/taxonomy.server";
import { applyPlan, loadExisting, planBatch } from "~/rna/batch.server";
import { classify, type Candidate, type RunContext } from "~/rna/classify";
import { communeIndex, fieldMatcher } from "~/rna/filters";
import { importFilePath } from "~/rna/imports.server";
import { NotAnRnaFileError, openWaldec } from "~/rna/parse.server";
import { LIST_CAP, PREVIEW_CAP, reportOf, type ImportReport, type PreviewLine } from "~/rna/report";

export const IMPORT_LEASE = "import RNA";
// Renewed after every batch: a run whose process died frees the lease this long after its last batch.
const LEASE_MS = 2 * 60_000;

export class ImportUnderwayError extends Error {
  constructor() {
    super("Un import RNA est déjà en cours : attendez qu'il se termine.");
    this.name = "ImportUnderwayError";
  }
}

export type RunOptions = {
  /** Candidates per write transaction. */
  batchSize?: number;
  /** Records between two checkpoints even when none of them is a candidate (progress, heartbeat). */
  checkpointEvery?: number;
  holder?: string;
  onProgress?: (progress: { records: number; bytes: number; totalBytes: number }) => void;
  /** After each committed batch (tests interrupt a run here). */
  afterBatch?: (batch: number) => void | Promise<void>;
  /** After an import's batch commits: make the directory's index follow (the portal's syncSearchNow). */
  syncSearch?: (associationIds: string[]) => Promise<unknown>;
};

/** The district given to imported entries (the RNA knows none): "toute-la-ville" if offered, else the first district offered. */
export function defaultDistrict(districts: { slug: string; retired: boolean }[]): string {
  const active = districts.filter((d) => !d.retired);
  return active.find((d) => d.slug === "toute-la-ville")?.slug ?? active[0]?.slug ?? "toute-la-ville";
}

export async function runImport(db: Db, importId: string, options: RunOptions = {}): Promise<ImportReport> {
  const holder = options.holder ?? PROCESS_HOLDER;
  const lease = () => ({ name: IMPORT_LEASE, holder, now: new Date(), forMs: LEASE_MS });
  if (!(await claimLease(db, lease()))) throw new ImportUnderwayError();
  try {
    return await run(db, importId, options, async () => {
      if (!(await renewLease(db, lease()))) throw new Error("import interrompu : son bail a expiré et un autre processus l'a repris");
    });
  } catch (error) {
    const refused = error instanceof NotAnRnaFileError;
    await db.rnaImport
      .update({
        where: { id: importId },
        data: {
          status: refused ? "refused" : "failed",
          error: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
          finishedAt: refused ? new Date() : null,
        },
      })
      .catch(() => {});
    throw error;
  } finally {
    await releaseLease(db, IMPORT_LEASE, holder).catch(() => {});
  }
}

async function run(db: Db, importId: string, options: RunOptions, keepLease: () => Promise<void>): Promise<ImportReport> {
  const { batchSize = 500, checkpointEvery = 10_000 } = options;
  const record = await db.rnaImport.findUniqueOrThrow({ where: { id: importId } });
  const dryRun = record.mode === "dry_run";
  const report = reportOf(record.checkpointRecord > 0 ? record.report : {});
  const preview: PreviewLine[] = record.checkpointRecord > 0 && Array.isArray(record.preview) ? (record.preview as PreviewLine[]) : [];
  await db.rnaImport.update({
    where: { id: importId },
    data: { status: "running", error: null, startedAt: record.startedAt ?? new Date(), heartbeatAt: new Date() },
  });

  const [settings, taxonomy, existingRows] = await Promise.all([
    loadPortalSettings(db),
    loadTaxonomy(db),
    db.association.findMany({ where: { rna: { not: null } }, select: { rna: true } }),
  ]);
  if (settings.communes.length === 0)
    throw new NotAnRnaFileError(
      "Aucune commune n'est configurée dans les paramètres du portail : l'import ne saurait pas quelles associations retenir. Renseignez les codes INSEE des communes servies, puis relancez.",
    );
  const context: RunContext = {
    communes: communeIndex(settings.communes),
    matchFields: fieldMatcher(taxonomy.active("field")),
    existing: new Set(existingRows.map((r) => r.rna!)),
    seen: new Set(),
  };
  const district = defaultDistrict(taxonomy.all("district"));

  const { encoding, records } = await openWaldec(importFilePath(record));
  await db.rnaImport.update({ where: { id: importId }, data: { encoding } });

  let pending: Candidate[] = [];
  let sinceCheckpoint = 0;
  let lastIndex = record.checkpointRecord;
  let lastBytes = record.processedBytes;
  let batches = 0;

  const flush = async () => {
    const now = new Date();
    const candidates = pending;
    pending = [];
    sinceCheckpoint = 0;
    const progress = () => ({
      checkpointRecord: lastIndex,
      processedBytes: lastBytes,
      report: { ...report },
      preview: preview.slice(0, PREVIEW_CAP),
      heartbeatAt: now,
    });
    if (dryRun) {
      const plan = planBatch(
        candidates,
        await loadExisting(
          db,
          candidates.map((c) => c.rna),
        ),
        report,
        now,
      );
      preview.push(...plan.preview.slice(0, PREVIEW_CAP - preview.length));
      await db.rnaImport.update({ where: { id: importId }, data: progress() });
    } else {
      const touched = await writeTransactionOn(db, async (tx) => {
        const plan = planBatch(
          candidates,
          await loadExisting(
            tx,
            candidates.map((c) => c.rna),
          ),
          report,
          now,
        );
        const ids = await applyPlan(tx, plan, { district, now });
        await tx.rnaImport.update({ where: { id: importId }, data: progress() });
        return ids;
      });
      for (const c of candidates) context.existing.add(c.rna);
      if (touched.length && options.syncSearch) await options.syncSearch(touched);
    }
    await keepLease();
    options.onProgress?.({ records: lastIndex, bytes: lastBytes, totalBytes: record.sizeBytes });
    await options.afterBatch?.(++batches);
  };

  // The report is copied into each checkpoint: a batch that fails to commit leaves the stored one as it was.
  const snapshot = () => JSON.stringify(report);
  let committed = snapshot();
  for await (const item of records) {
    if (item.index <= record.checkpointRecord) {
      // Done before the interruption: only the duplicate check needs to see it again.
      classify(item, context);
      continue;
    }
    const classified = classify(item, context);
    report.records++;
    if (classified.kind === "malformed") {
      report.malformed++;
      if (report.malformedList.length < LIST_CAP) report.malformedList.push({ line: classified.line, reason: classified.reason });
    } else if (classified.kind === "skip") report.skipped[classified.reason]++;
    else pending.push(classified.candidate);
    lastIndex = item.index;
    lastBytes = item.bytes;
    sinceCheckpoint++;
    if (pending.length >= batchSize || sinceCheckpoint >= checkpointEvery) {
      try {
        await flush();
        committed = snapshot();
      } catch (error) {
        Object.assign(report, JSON.parse(committed));
        throw error;
      }
    }
  }
  await flush();
  await db.rnaImport.update({
    where: { id: importId },
    data: { status: "done", finishedAt: new Date(), processedBytes: record.sizeBytes, heartbeatAt: new Date() },
  });
  return report;
}
