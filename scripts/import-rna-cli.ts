// `npm run import:rna -- <fichier.csv> [--dry-run]`: imports an RNA "waldec" file into the directory
// (app/rna/). Progress on stderr, the report on stdout at the end. A run of the same file after an
// interruption continues where it stopped. Exit code 0 when done, 2 when the file is refused (not an
// RNA file, no commune configured), 1 on any other failure.
// The directory's index follows through the search outbox: a running portal replays it within
// seconds (or MEILI_HOST, when set, is updated after every batch).
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { getEnv, setEnv } from "../app/env.server";

const USAGE = "Usage : npm run import:rna -- <fichier.csv> [--dry-run]";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--dry-run");
  if (files.length !== 1 || unknown.length) {
    console.error(USAGE);
    return 1;
  }
  const filePath = path.resolve(files[0]!);
  if (!existsSync(filePath) || !statSync(filePath).isFile()) {
    console.error(`Fichier introuvable : ${filePath}`);
    return 1;
  }
  setEnv({ DATABASE_URL: getEnv().DATABASE_URL });
  const { prisma, configureSqlite, databaseProvider } = await import("../app/db.server");
  if (databaseProvider() === "sqlite") await configureSqlite(prisma);
  const { syncSearchNow } = await import("../app/associations/search-sync.server");
  const { createImportRecord, fileIdentity, findUnfinished } = await import("../app/rna/imports.server");
  const { runImport } = await import("../app/rna/run.server");
  const { NotAnRnaFileError } = await import("../app/rna/parse.server");
  const { reportLines, CHANGE_LABELS } = await import("../app/rna/report");

  const mode = dryRun ? "dry_run" : "apply";
  const identity = await fileIdentity(filePath);
  const unfinished = await findUnfinished(prisma, identity.sha256, mode);
  const record = unfinished ?? (await createImportRecord(prisma, { mode, fileName: path.basename(filePath), filePath, ...identity }));
  if (unfinished?.checkpointRecord)
    console.error(`Reprise de l'import interrompu de ce fichier après la ligne de données n°${unfinished.checkpointRecord}.`);
  const started = Date.now();
  const width = 30;
  try {
    const report = await runImport(prisma, record.id, {
      syncSearch: syncSearchNow,
      onProgress: ({ records, bytes, totalBytes }) => {
        const ratio = totalBytes ? Math.min(1, bytes / totalBytes) : 1;
        const bar = "█".repeat(Math.round(ratio * width)).padEnd(width, "░");
        process.stderr.write(`\r${dryRun ? "Simulation" : "Import"} RNA ${bar} ${Math.round(ratio * 100)} % (${records} lignes)`);
      },
    });
    process.stderr.write(`\nTerminé en ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    console.log(dryRun ? "Simulation (rien n'a été écrit) :" : "Import terminé :");
    for (const line of reportLines(report)) console.log(line);
    if (dryRun) {
      const stored = await prisma.rnaImport.findUniqueOrThrow({ where: { id: record.id }, select: { preview: true } });
      const preview = Array.isArray(stored.preview)
        ? (stored.preview as { line: number; rna: string; name: string; change: keyof typeof CHANGE_LABELS }[])
        : [];
      if (preview.length) console.log("Aperçu des changements :");
      for (const p of preview) console.log(`  - ligne ${p.line}, ${p.rna} ${p.name} : ${CHANGE_LABELS[p.change]}`);
    }
    return 0;
  } catch (error) {
    process.stderr.write("\n");
    if (error instanceof NotAnRnaFileError) {
      console.error(`Fichier refusé : ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Import RNA impossible : ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
