// `npm run bench`: starts the portal in production mode on a throwaway data folder with its
// own Meilisearch, measures search, pages, reindexing, registration races, memory and the
// JavaScript shipped, prints a table and writes docs/benchmarks.md. Loopback only; every
// loop is bounded in count and time.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { freePort, startBundledMeilisearch, type RunningMeilisearch } from "../search/server-process";

const ROOT = path.resolve(".tmp/bench");
const DATA_DIR = path.join(ROOT, "data");
const SIZES = (process.env.BENCH_SIZES ?? "150,10000,100000").split(",").map(Number);
const SEARCH_SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 6);
const PAGE_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 6);

type Query = { q: string; champ?: string; quartier?: string; public?: string; typo?: boolean; expectField?: string };

// A fixed list: plain words, typos, accents left out, synonyms and facet filters.
const QUERIES: Query[] = [
  { q: "aide alimentaire", expectField: "aide-alimentaire" },
  { q: "alimantaire", typo: true, expectField: "aide-alimentaire" },
  { q: "logement", expectField: "hebergement-logement" },
  { q: "hebergment", typo: true, expectField: "hebergement-logement" },
  { q: "numerique", expectField: "inclusion-numerique" },
  { q: "numériqe", typo: true, expectField: "inclusion-numerique" },
  { q: "isolement", champ: "lutte-isolement", expectField: "lutte-isolement" },
  { q: "isolemant", typo: true, expectField: "lutte-isolement" },
  { q: "refugies", expectField: "refugies-migrants" },
  { q: "réfugiés francais", typo: false, expectField: "refugies-migrants" },
  { q: "handicap psychique", expectField: "sante-mentale" },
  { q: "handicapp", typo: true, expectField: "handicap" },
  { q: "", champ: "aide-alimentaire", quartier: "planoise" },
  { q: "", public: "jeunes-adultes" },
  { q: "emploi", quartier: "planoise" },
  { q: "insertoin", typo: true, expectField: "insertion-emploi" },
  { q: "vetements", expectField: "equipement-vetements" },
  { q: "surendetement", typo: true, expectField: "budget-surendettement" },
  { q: "personnes agees", expectField: "personnes-agees" },
  { q: "mobilté", typo: true, expectField: "mobilite" },
];

function queryString(q: Query) {
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.champ) params.set("champ", q.champ);
  if (q.quartier) params.set("quartier", q.quartier);
  if (q.public) params.set("public", q.public);
  return params.toString();
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : "—");

/** `clients` loops each sending the queries in turn for `seconds`; exact latency percentiles. */
async function loadSearch(base: string, clients: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const maxRequests = 200_000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      let i = c;
      while (performance.now() < deadline && latencies.length < maxRequests) {
        const q = QUERIES[i++ % QUERIES.length];
        const started = performance.now();
        try {
          const response = await fetch(`${base}/api/associations?${queryString(q)}`);
          await response.arrayBuffer();
          if (!response.ok) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}

function readPeakRssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = status.match(/VmHWM:\s+(\d+) kB/);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Le portail s'est arrêté (code ${child.exitCode}).`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} ne répond pas.`);
}

async function main() {
  const startedAt = Date.now();
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  const databaseUrl = `file:${path.join(DATA_DIR, "portail.db")}`;
  const report: string[] = [];
  const table: [string, string][] = [];
  const log = (line: string) => {
    console.log(line);
  };

  // Our own Meilisearch, so its memory can be read and the portal runs as against an external server.
  const meili: RunningMeilisearch = await startBundledMeilisearch({ dataDir: path.join(ROOT, "meili"), masterKey: "bench-master-key-0123456789" });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const portal = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      MEILI_HOST: meili.host,
      MEILI_MASTER_KEY: meili.masterKey,
      SEED_DEMO: "1",
      BUILD_DIR: ".tmp/build-bench",
    },
  });
  portal.stdout?.on("data", () => {});
  portal.stderr?.on("data", (d) => process.stderr.write(d));
  const stopAll = async () => {
    portal.kill("SIGTERM");
    await meili.stop();
  };
  process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

  try {
    log("Démarrage du portail (build, migrations, données de démonstration)…");
    await waitFor(`${base}/healthz`, 300_000, portal);

    // The benchmark process talks to the same database and Meilisearch for setup work.
    process.env.DATABASE_URL = databaseUrl;
    process.env.DATA_DIR = DATA_DIR;
    process.env.MEILI_HOST = meili.host;
    process.env.MEILI_MASTER_KEY = meili.masterKey;
    process.env.SEED_DEMO = "0";
    const { prisma } = await import("../app/db.server");
    const { getSearchClient } = await import("../app/search.server");
    const { reindexAll } = await import("../search/sync");
    const { searchInDatabase } = await import("../app/directory.server");
    const { buildAssociation, createRng, insertAssociations } = await import("../prisma/factories/association");
    const client = getSearchClient()!;

    const searchRows: string[] = [];
    const baselineRows: string[] = [];
    const reindexRows: string[] = [];
    let nextN = 1000;

    for (const size of SIZES) {
      const current = await prisma.association.count({ where: { status: "validated" } });
      if (size > current) {
        const t0 = performance.now();
        const rng = createRng(size);
        const items = [];
        for (let i = current; i < size; i++) items.push(buildAssociation(nextN++, rng));
        await insertAssociations(prisma, items, 1000);
        log(`${size - current} associations générées en ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
        const r0 = performance.now();
        await reindexAll(prisma, client, { batchSize: 5000 });
        const reindexSeconds = (performance.now() - r0) / 1000;
        reindexRows.push(`| ${size.toLocaleString("fr-FR")} | ${reindexSeconds.toFixed(1)} s |`);
        log(`Réindexation complète de ${size} associations : ${reindexSeconds.toFixed(1)} s`);
      }
      const total = await prisma.association.count({ where: { status: "validated" } });

      for (const clients of [1, 10, 50]) {
        const r = await loadSearch(base, clients, SEARCH_SECONDS);
        searchRows.push(
          `| ${total.toLocaleString("fr-FR")} | ${clients} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.rps.toFixed(0)} | ${r.errors} |`,
        );
        log(`Recherche ${total} assoc., ${clients} clients : p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms, ${r.rps.toFixed(0)} req/s`);
        if (clients === 10) table.push([`Recherche p95, ${total} assoc., 10 clients`, `${fmt(r.p95)} ms`]);
      }

      // The naive baseline: the same queries as LIKE in SQLite, one client, in this process.
      const meiliLat: number[] = [];
      const likeLat: number[] = [];
      let meiliTypo = 0;
      let likeTypo = 0;
      const typoQueries = QUERIES.filter((q) => q.typo);
      for (const q of QUERIES) {
        const query = {
          q: q.q,
          fields: q.champ ? [q.champ] : [],
          publics: q.public ? [q.public] : [],
          districts: q.quartier ? [q.quartier] : [],
          page: 1,
          perPage: 20,
        };
        const m0 = performance.now();
        const mres = (await (await fetch(`${base}/api/associations?${queryString(q)}`)).json()) as { hits: { fields: string[] }[] };
        meiliLat.push(performance.now() - m0);
        const l0 = performance.now();
        const lres = await searchInDatabase(query);
        likeLat.push(performance.now() - l0);
        if (q.typo && q.expectField) {
          if (mres.hits.some((h) => h.fields.includes(q.expectField!))) meiliTypo++;
          if (lres.hits.some((h) => h.fields.includes(q.expectField!))) likeTypo++;
        }
      }
      meiliLat.sort((a, b) => a - b);
      likeLat.sort((a, b) => a - b);
      baselineRows.push(
        `| ${total.toLocaleString("fr-FR")} | ${fmt(percentile(meiliLat, 50))} | ${fmt(percentile(likeLat, 50))} | ${(percentile(likeLat, 50) / percentile(meiliLat, 50)).toFixed(1)}× | ${meiliTypo}/${typoQueries.length} | ${likeTypo}/${typoQueries.length} |`,
      );
      log(`Base LIKE ${total} : p50 ${fmt(percentile(likeLat, 50))} ms contre ${fmt(percentile(meiliLat, 50))} ms ; fautes de frappe trouvées ${meiliTypo} contre ${likeTypo} sur ${typoQueries.length}`);

      if (size === SIZES[0]) {
        // Server-rendered pages with autocannon, on the demo-sized directory.
        const pageRows: string[] = [];
        const slug = (await prisma.association.findFirstOrThrow({ where: { status: "validated" }, select: { slug: true } })).slug;
        for (const route of ["/annuaire", `/annuaire/${slug}`, "/appels-a-projets", "/evenements"]) {
          for (const connections of [10, 50]) {
            const result = await autocannon({ url: `${base}${route}`, connections, duration: PAGE_SECONDS });
            const p95 = (result.latency as unknown as Record<string, number>).p95 ?? result.latency.p97_5;
            pageRows.push(`| \`${route.startsWith("/annuaire/") ? "/annuaire/<slug>" : route}\` | ${connections} | ${result.requests.average.toFixed(0)} | ${p95} | ${result.non2xx} |`);
            log(`Page ${route}, ${connections} connexions : ${result.requests.average.toFixed(0)} req/s, p95 ${p95} ms, non-2xx ${result.non2xx}`);
            if (route === "/annuaire" && connections === 50) table.push(["/annuaire à 50 connexions", `${result.requests.average.toFixed(0)} req/s, p95 ${p95} ms`]);
          }
        }
        report.push("## Pages rendues par le serveur (autocannon)", "", "| Route | Connexions | req/s (moyenne) | p95 (ms) | non-2xx |", "| --- | --- | --- | --- | --- |", ...pageRows, "");

        // From a profile save to the change being searchable.
        const { updateAssociationProfile } = await import("../app/association.server");
        const target = await prisma.association.findFirstOrThrow({ where: { status: "validated" }, include: { fields: true, publics: true } });
        const word = `bench${Date.now().toString(36).replace(/\d/g, "x")}`;
        const s0 = performance.now();
        await updateAssociationProfile(
          target.id,
          {
            name: target.name,
            acronym: target.acronym ?? undefined,
            rna: target.rna ?? undefined,
            siret: target.siret ?? undefined,
            socialObject: `${target.socialObject} ${word}`,
            description: target.description,
            address: target.address,
            postcode: target.postcode,
            city: target.city,
            district: target.district as never,
            phone: undefined,
            email: undefined,
            website: undefined,
            receptionHours: target.receptionHours,
            fields: target.fields.map((f) => f.slug) as never,
            publics: target.publics.map((p) => p.slug) as never,
          },
          { id: "bench", email: "bench@local", name: "bench", role: "admin" },
        );
        let found = false;
        for (let i = 0; i < 200 && !found; i++) {
          const r = (await (await fetch(`${base}/api/associations?q=${word}`)).json()) as { total: number };
          found = r.total > 0;
          if (!found) await new Promise((res) => setTimeout(res, 25));
        }
        const saveToSearchable = performance.now() - s0;
        table.push(["Enregistrement → trouvable", `${saveToSearchable.toFixed(0)} ms${found ? "" : " (jamais trouvé)"}`]);
        report.push("## Du profil enregistré à la recherche", "", `Temps entre l'appel d'enregistrement et la première recherche qui trouve le mot ajouté : **${saveToSearchable.toFixed(0)} ms**${found ? "" : " (NON TROUVÉ)"} (${target.name}, ${total} associations).`, "");

        // JavaScript sent per public route, gzipped.
        const jsRows: string[] = [];
        let maxKb = 0;
        for (const route of ["/", "/annuaire", `/annuaire/${slug}`, "/appels-a-projets", "/evenements", "/charte", "/connexion", "/inscription"]) {
          const html = await (await fetch(`${base}${route}`)).text();
          const scripts = new Set([...html.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]));
          let bytes = 0;
          for (const src of scripts) bytes += gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer()), { level: 9 }).length;
          const kb = bytes / 1024;
          maxKb = Math.max(maxKb, kb);
          jsRows.push(`| \`${route.startsWith("/annuaire/") ? "/annuaire/<slug>" : route}\` | ${scripts.size} | ${kb.toFixed(1)} |`);
        }
        table.push(["JavaScript gzip, route publique la plus lourde", `${maxKb.toFixed(1)} Ko`]);
        report.push("## JavaScript envoyé au navigateur (gzip -9)", "", "| Route | Fichiers | Ko gzip |", "| --- | --- | --- |", ...jsRows, "");

        // Registration race: 200 at once for 50 places, when the events module provides it.
        report.push(...(await registrationRace(prisma, table)));
      }
    }

    report.unshift(
      "## Recherche dans l'annuaire (`/api/associations`)",
      "",
      `Requêtes : ${QUERIES.length} requêtes fixes (mots, fautes de frappe, accents omis, filtres de facettes), chaque client les enchaîne pendant ${SEARCH_SECONDS} s.`,
      "",
      "| Associations | Clients | p50 (ms) | p95 (ms) | p99 (ms) | req/s | erreurs |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      ...searchRows,
      "",
      "## Référence naïve : `LIKE` dans SQLite (même données, même exécution, un client)",
      "",
      "| Associations | Meilisearch p50 (ms, HTTP compris) | LIKE p50 (ms, en processus) | Rapport | Fautes de frappe trouvées (Meilisearch) | Fautes de frappe trouvées (LIKE) |",
      "| --- | --- | --- | --- | --- | --- |",
      ...baselineRows,
      "",
      "## Réindexation complète",
      "",
      "| Associations | Durée |",
      "| --- | --- |",
      ...reindexRows,
      "",
    );

    const portalPeak = readPeakRssMb(portal.pid);
    const meiliPeak = readPeakRssMb(meili.child.pid);
    table.push(["Mémoire maximale du serveur Node", `${portalPeak.toFixed(0)} Mo`], ["Mémoire maximale de Meilisearch", `${meiliPeak.toFixed(0)} Mo`]);
    report.push("## Mémoire (VmHWM)", "", `- Serveur Node du portail : **${portalPeak.toFixed(0)} Mo**`, `- Meilisearch : **${meiliPeak.toFixed(0)} Mo**`, "");

    const versions = {
      node: process.version,
      meilisearch: ((await (await fetch(`${meili.host}/version`, { headers: { Authorization: `Bearer ${meili.masterKey}` } })).json()) as { pkgVersion: string }).pkgVersion,
      sqlite: ((await prisma.$queryRawUnsafe("select sqlite_version() as v")) as { v: string }[])[0].v,
    };
    const header = [
      "# Benchmarks",
      "",
      `Mesurés le ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC par \`npm run bench\` (durée totale ${((Date.now() - startedAt) / 60000).toFixed(1)} min).`,
      "",
      `Machine : ${os.cpus().length} cœurs (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} Gio de mémoire, ${os.platform()} ${os.release()}.`,
      `Versions : Node ${versions.node}, Meilisearch ${versions.meilisearch}, SQLite ${versions.sqlite}. Portail en production (\`server/start.ts\`), Meilisearch embarqué, client de charge dans le même processus que la préparation (même machine : les chiffres incluent la concurrence pour les 2 cœurs).`,
      "",
      "## Résumé",
      "",
      "| Mesure | Valeur |",
      "| --- | --- |",
      ...table.map(([k, v]) => `| ${k} | ${v} |`),
      "",
      "Objectifs : recherche p95 < 25 ms à 150 associations et < 50 ms à 100 000 avec 10 clients ; ≥ 300 req/s sur `/annuaire` à 50 connexions avec p95 < 100 ms ; exactement 50 inscriptions confirmées sur 200 ; ≤ 150 Ko de JavaScript gzip par route publique.",
      "",
    ];
    const analysis = existsSync("docs/benchmarks-analysis.md") ? ["", readFileSync("docs/benchmarks-analysis.md", "utf8")] : [];
    writeFileSync("docs/benchmarks.md", [...header, ...report, ...analysis].join("\n"));
    console.log("\n" + table.map(([k, v]) => `${k.padEnd(48)} ${v}`).join("\n"));
    console.log("\ndocs/benchmarks.md écrit.");
    await prisma.$disconnect();
  } finally {
    await stopAll();
  }
}

/** 200 registrations at once for 50 places, through the events module when present. */
async function registrationRace(prisma: import("../app/db.server").Db, table: [string, string][]): Promise<string[]> {
  const modulePath = path.resolve("app/event.server.ts");
  if (!existsSync(modulePath)) return ["## Inscriptions simultanées", "", "Non mesuré : le module des événements n'existe pas encore.", ""];
  const { raceRegistrations } = await import("./registration-race");
  const result = await raceRegistrations(prisma, 200, 50);
  table.push(["200 inscriptions simultanées pour 50 places", `${result.confirmed} confirmées, p95 ${result.p95.toFixed(0)} ms`]);
  return [
    "## Inscriptions simultanées (200 pour 50 places)",
    "",
    `Confirmées : **${result.confirmed}** (attendu 50), liste d'attente : ${result.waitlisted}, positions distinctes : ${result.distinctPositions}. Latence p50 ${result.p50.toFixed(0)} ms, p95 **${result.p95.toFixed(0)} ms**, durée totale ${result.totalMs.toFixed(0)} ms.`,
    "",
  ];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

