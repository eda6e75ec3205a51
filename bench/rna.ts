// `npm run bench -- --only rna`: a département-sized RNA waldec file (BENCH_RNA_ROWS rows, 300 000 by
// default, most of them in other communes) generated as a stream, then imported twice by a process
// of its own (bench/rna-child.ts) into a fresh SQLite database: the first import, then the same
// file again (every entry unchanged). Goals: under 60 s and a peak memory under 300 MB.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "../scripts/migrate";
import { writeLargeWaldecFile } from "../app/rna/test-support";
import type { ImportReport } from "../app/rna/report";

const ROWS = Number(process.env.BENCH_RNA_ROWS ?? 300_000);
const ROOT = path.resolve(".tmp/bench-rna");

type ChildResult = { report: ImportReport; seconds: number; peakRssMb: number; wallSeconds: number };

function importInChild(filePath: string, env: NodeJS.ProcessEnv): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The same heap cap as `npm run import:rna` (package.json): V8 otherwise grows its heap lazily far past what the import keeps.
    const child = spawn(process.execPath, ["--max-old-space-size=192", "--import", "tsx", "bench/rna-child.ts", filePath], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`import RNA du benchmark : code de sortie ${code}`));
      resolve({
        ...(JSON.parse(out.trim().split("\n").at(-1)!) as Omit<ChildResult, "wallSeconds">),
        wallSeconds: (performance.now() - started) / 1000,
      });
    });
  });
}

export async function benchRnaImport(log: (line: string) => void): Promise<{ section: string[]; summary: [string, string][] }> {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  const databaseUrl = `file:${path.join(ROOT, "portail.db")}`;
  await migrateDatabase(databaseUrl);
  const filePath = path.join(ROOT, "rna_waldec_bench.csv");
  log(`Génération d'un fichier RNA de ${ROWS.toLocaleString("fr-FR")} lignes…`);
  await writeLargeWaldecFile(filePath, ROWS);
  const sizeMb = statSync(filePath).size / 1024 / 1024;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: path.join(ROOT, "data"),
    DATABASE_URL: databaseUrl,
    MEILI_HOST: "",
    SEED_DEMO: "0",
    NODE_ENV: "production",
  };
  const load = os.loadavg()[0]!;
  log("Premier import…");
  const first = await importInChild(filePath, env);
  log(`  ${first.seconds.toFixed(1)} s, pic mémoire ${first.peakRssMb.toFixed(0)} Mo, ${first.report.added} ajoutées`);
  log("Réimport du même fichier…");
  const second = await importInChild(filePath, env);
  log(`  ${second.seconds.toFixed(1)} s, pic mémoire ${second.peakRssMb.toFixed(0)} Mo, ${second.report.unchanged} inchangées`);
  const verdict = (r: ChildResult) => (r.seconds < 60 && r.peakRssMb < 300 ? "objectifs tenus" : "**objectif manqué**");
  const row = (label: string, r: ChildResult, count: string) =>
    `| ${label} | ${r.seconds.toFixed(1)} s | ${r.wallSeconds.toFixed(1)} s | ${r.peakRssMb.toFixed(0)} Mo | ${count} | ${verdict(r)} |`;
  const section = [
    "<!-- rna:start -->",
    "## Import RNA (fichier waldec d'un département)",
    "",
    `Fichier généré de ${ROWS.toLocaleString("fr-FR")} lignes (${sizeMb.toFixed(0)} Mo, UTF-8 avec BOM, champs entre guillemets, \`;\` et sauts de ligne dans l'objet), dont environ 15 % à Besançon, le reste dans d'autres communes ; une ligne sur douze dissoute, une sur dix sans autorisation de publication. Importé par \`bench/rna-child.ts\` dans un processus à part, base SQLite neuve, sans Meilisearch (l'index suit par la file de synchronisation). Mémoire : pic de mémoire résidente du processus d'import (\`process.resourceUsage().maxRSS\`), Node compris, lancé avec \`--max-old-space-size=192\` comme \`npm run import:rna\`. Charge moyenne de la machine au départ : ${load.toFixed(1)} pour ${os.cpus().length} cœurs (d'autres processus tournaient : les durées sont pessimistes). Objectifs : moins de 60 s et moins de 300 Mo.`,
    "",
    "| Passage | Durée de l'import | Durée du processus | Pic mémoire | Résultat | Verdict |",
    "| --- | --- | --- | --- | --- | --- |",
    row("Premier import", first, `${first.report.added} ajoutées, ${first.report.records} lignes lues`),
    row("Même fichier réimporté", second, `${second.report.unchanged} inchangées, ${second.report.added} ajoutées`),
    "",
    "<!-- rna:end -->",
    "",
  ];
  return {
    section,
    summary: [
      [`Import RNA ${ROWS} lignes`, `${first.seconds.toFixed(1)} s, ${first.peakRssMb.toFixed(0)} Mo`],
      ["Réimport du même fichier", `${second.seconds.toFixed(1)} s, ${second.peakRssMb.toFixed(0)} Mo`],
    ],
  };
}
