// `npm run bench:relevance`: the judged query set (search/relevance/judged-queries.ts) on the demo's
// 150 associations, through Meilisearch and through the database fallback, in one run: precision@5,
// recall@10 and MRR per engine, the weakest queries listed. Writes its section of docs/benchmarks.md.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../scripts/migrate";
import { startBundledMeilisearch } from "../search/server-process";
import { writeSection } from "./sections";

const ROOT = path.resolve(".tmp/bench-relevance");

async function main() {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  const databaseUrl = `file:${path.join(ROOT, "portail.db")}`;
  await migrateDatabase(databaseUrl);
  const meili = await startBundledMeilisearch({ dataDir: path.join(ROOT, "meili"), masterKey: "bench-relevance-key-0123456789" });
  // The harness sets the environment of the modules it loads next, as the tests' setup does.
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    DATA_DIR: path.join(ROOT, "data"),
    MEILI_HOST: meili.host,
    MEILI_MASTER_KEY: meili.masterKey,
    SEED_DEMO: "0",
  });
  try {
    const { prisma } = await import("../app/db.server");
    const { seedBesanconTerritory } = await import("../prisma/seed/territory");
    const { getSearchClient } = await import("../app/lib/search.server");
    const { searchInDatabase } = await import("../app/associations/directory.server");
    const { searchDirectory } = await import("../search/engine");
    const { reindexAll } = await import("../search/sync");
    const { JUDGED_QUERIES } = await import("../search/relevance/judged-queries");
    const { evaluateBothEngines, seedJudgedDirectory } = await import("../search/relevance/judged-directory");
    await seedBesanconTerritory(prisma);
    const associations = await seedJudgedDirectory(prisma);
    const client = getSearchClient()!;
    await reindexAll(prisma, client);
    const started = performance.now();
    const report = await evaluateBothEngines(associations, {
      meilisearch: (q) => searchDirectory(client, q),
      database: (q) => searchInDatabase(q),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    await prisma.$disconnect();

    const n = (x: number) => x.toFixed(3).replace(".", ",");
    const weakest = JUDGED_QUERIES.map((query, i) => ({ q: query.q, m: report.meilisearch.queries[i], d: report.database.queries[i] }))
      .filter(({ m, d }) => m.precisionAt5 < 1 || d.precisionAt5 < 0.6)
      .map(
        ({ q, m, d }) =>
          `| ${q} | ${m.relevant} | ${n(m.precisionAt5)} | ${n(m.reciprocalRank)} | ${n(d.precisionAt5)} | ${n(d.reciprocalRank)} |`,
      );
    const section = [
      "<!-- relevance:start -->",
      "## Pertinence de la recherche (jeu de requêtes jugées)",
      "",
      `Mesurée le ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC par \`npm run bench:relevance\` : ${JUDGED_QUERIES.length} requêtes (\`search/relevance/judged-queries.ts\`) sur les ${associations.length} associations de démonstration publiées, les deux moteurs dans la même exécution (${seconds} s). Une association est pertinente quand elle intervient dans le champ du besoin (et le quartier ou le public demandé), ou porte le nom cherché. Précision@5 : part des pertinentes parmi les 5 premières (sur 5, ou sur le nombre de pertinentes s'il est moindre) ; rappel@10 : pertinentes trouvées dans les 10 premières (sur 10 au plus) ; MRR : moyenne de 1/rang de la première pertinente.`,
      "",
      "| Moteur | Précision@5 | Rappel@10 | MRR |",
      "| --- | --- | --- | --- |",
      `| Meilisearch | ${n(report.meilisearch.precisionAt5)} | ${n(report.meilisearch.recallAt10)} | ${n(report.meilisearch.mrr)} |`,
      `| Repli base de données | ${n(report.database.precisionAt5)} | ${n(report.database.recallAt10)} | ${n(report.database.mrr)} |`,
      "",
      "Objectifs : précision@5 ≥ 0,95 avec Meilisearch, ≥ 0,7 avec le repli.",
      "",
      ...(weakest.length
        ? [
            "Requêtes imparfaites (Meilisearch sous 1, ou repli sous 0,6) :",
            "",
            "| Requête | Pertinentes | P@5 Meilisearch | RR Meilisearch | P@5 repli | RR repli |",
            "| --- | --- | --- | --- | --- | --- |",
            ...weakest,
            "",
          ]
        : []),
      "<!-- relevance:end -->",
    ];
    console.log(section.join("\n"));
    writeSection("relevance", section);
    console.log("\nSection « Pertinence de la recherche » de docs/benchmarks.md écrite.");
  } finally {
    await meili.stop();
  }
}

await main();
