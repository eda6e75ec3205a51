// `npm run bench`: starts the portal in production mode on a throwaway data folder with its
// own Meilisearch, measures search, pages, reindexing, registration races, memory and the
// JavaScript shipped, prints a table and writes docs/benchmarks.md. Loopback only; every
// loop is bounded in count and time.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startBundledMeilisearch, type RunningMeilisearch } from "../search/server-process";
import { compareEngines } from "./engines";
import { writeSection } from "./sections";
import { benchRnaImport } from "./rna";
import { QUERIES, cannon, fmt, percentile, queryString, readPeakRssMb, searchPaths, settle, startBenchPortal, steady } from "./harness";

const ROOT = path.resolve(".tmp/bench");
const DATA_DIR = path.join(ROOT, "data");
// The benchmark is a harness, like the tests: its knobs (BENCH_*), the environment it gives the
// portal it starts and the one it sets for its own setup work are its own, read and written directly.
const SIZES = (process.env.BENCH_SIZES ?? "150,10000,100000").split(",").map(Number);
const SEARCH_SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 6);
const PAGE_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 6);
// `npm run bench -- --only engines`: only the SQLite / PostgreSQL / two processes comparison;
// `--only rna`: only the RNA import of a département-sized file (bench/rna.ts).
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;

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
  const meili: RunningMeilisearch = await startBundledMeilisearch({
    dataDir: path.join(ROOT, "meili"),
    masterKey: "bench-master-key-0123456789",
  });
  let portal: Awaited<ReturnType<typeof startBenchPortal>> | undefined;
  const stopAll = async () => {
    await portal?.stop();
    await meili.stop();
  };
  const onInterrupt = () => void stopAll().then(() => process.exit(130));
  process.once("SIGINT", onInterrupt);
  let versions: { node: string; meilisearch: string; sqlite: string };

  try {
    log("Démarrage du portail (build, migrations, données de démonstration)…");
    portal = await startBenchPortal({ dataDir: DATA_DIR, databaseUrl, meili });
    const base = portal.base;

    // The benchmark process talks to the same database and Meilisearch for setup work.
    process.env.DATABASE_URL = databaseUrl;
    process.env.DATA_DIR = DATA_DIR;
    process.env.MEILI_HOST = meili.host;
    process.env.MEILI_MASTER_KEY = meili.masterKey;
    process.env.SEED_DEMO = "0";
    const { prisma } = await import("../app/db.server");
    const { getSearchClient } = await import("../app/lib/search.server");
    const { reindexAll } = await import("../search/sync");
    const { searchInDatabase } = await import("../app/associations/directory.server");
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

      await cannon(base, searchPaths(), { connections: 2, seconds: 1 }); // warm-up
      // A steady 100 searches a second, evenly spaced: latency when the machine is not saturated.
      const even = await steady(base, searchPaths(), 100, SEARCH_SECONDS);
      searchRows.push(
        `| ${total.toLocaleString("fr-FR")} | — | 100 req/s régulières | ${fmt(even.p50)} | ${fmt(even.p95)} | ${fmt(even.p99)} | ${even.rps.toFixed(0)} | ${even.errors} |`,
      );
      log(`Recherche ${total} assoc. à 100 req/s régulières : p50 ${fmt(even.p50)} ms, p95 ${fmt(even.p95)} ms`);
      table.push([`Recherche p95, ${total} assoc., 100 req/s régulières`, `${fmt(even.p95)} ms`]);
      for (const clients of [1, 10, 50]) {
        const r = await cannon(base, searchPaths(), { connections: clients, seconds: SEARCH_SECONDS });
        await settle();
        searchRows.push(
          `| ${total.toLocaleString("fr-FR")} | ${clients} | saturation | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.rps.toFixed(0)} | ${r.errors} |`,
        );
        log(
          `Recherche ${total} assoc., ${clients} clients : p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms, ${r.rps.toFixed(0)} req/s`,
        );
        if (clients === 10)
          table.push([`Recherche p95, ${total} assoc., 10 clients en continu`, `${fmt(r.p95)} ms (${r.rps.toFixed(0)} req/s)`]);
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
      log(
        `Base LIKE ${total} : p50 ${fmt(percentile(likeLat, 50))} ms contre ${fmt(percentile(meiliLat, 50))} ms ; fautes de frappe trouvées ${meiliTypo} contre ${likeTypo} sur ${typoQueries.length}`,
      );

      if (size === SIZES[0]) {
        // Server-rendered pages, on the demo-sized directory: as anonymous visitors get them (the
        // same page again and again: the public page cache answers), and each one a new address
        // (a parameter the page ignores), so that every answer is rendered.
        const pageRows: string[] = [];
        const slug = (await prisma.association.findFirstOrThrow({ where: { status: "validated" }, select: { slug: true } })).slug;
        const eventSlug = (await prisma.event.findFirst({ where: { registrationClosesAt: { gt: new Date() } }, select: { slug: true } }))
          ?.slug;
        const callSlug = (await prisma.call.findFirst({ where: { publishedAt: { not: null } }, select: { slug: true } }))?.slug;
        let unique = 0;
        for (const route of ["/annuaire", `/annuaire/${slug}`, "/appels-a-projets", "/evenements"]) {
          const label = route.startsWith("/annuaire/") ? "/annuaire/<slug>" : route;
          for (const [mode, paths] of [
            ["cache", () => route],
            ["rendu à chaque fois", () => `${route}?bench=${unique++}`],
          ] as const) {
            for (const connections of [10, 50]) {
              const r = await cannon(base, paths, { connections, seconds: PAGE_SECONDS });
              await settle();
              pageRows.push(
                `| \`${label}\` | ${mode} | ${connections} | ${r.rps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${r.errors} |`,
              );
              log(`Page ${route} (${mode}), ${connections} connexions : ${r.rps.toFixed(0)} req/s, p95 ${fmt(r.p95)} ms`);
              if (route === "/annuaire" && connections === 50)
                table.push([`/annuaire à 50 connexions (${mode})`, `${r.rps.toFixed(0)} req/s, p95 ${fmt(r.p95)} ms`]);
            }
          }
        }
        report.push(
          "## Pages rendues par le serveur (autocannon)",
          "",
          "« cache » : la même adresse redemandée, comme lors d'un afflux de visiteurs anonymes (cache des pages publiques, 1 s par défaut, vidé à chaque modification). « rendu à chaque fois » : une adresse différente à chaque requête, donc chaque page est calculée (recherche et rendu React).",
          "",
          "| Route | Mode | Connexions | req/s | p50 (ms) | p95 (ms) | erreurs |",
          "| --- | --- | --- | --- | --- | --- | --- |",
          ...pageRows,
          "",
        );

        // From a profile save to the change being searchable.
        const { updateAssociationProfile } = await import("../app/associations/profile.server");
        const target = await prisma.association.findFirstOrThrow({
          where: { status: "validated" },
          include: { fields: true, publics: true },
        });
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
        report.push(
          "## Du profil enregistré à la recherche",
          "",
          `Temps entre l'appel d'enregistrement et la première recherche qui trouve le mot ajouté : **${saveToSearchable.toFixed(0)} ms**${found ? "" : " (NON TROUVÉ)"} (${target.name}, ${total} associations).`,
          "",
        );

        // JavaScript sent per public route, gzipped: what the page loads (its module preloads),
        // then what it imports on its own once interactive (the form schemas on public forms).
        const gzipOf = async (src: string) => {
          const body = await (await fetch(`${base}${src}`)).text();
          return { size: gzipSync(Buffer.from(body), { level: 9 }).length, body };
        };
        const jsRows: string[] = [];
        let maxKb = 0;
        let maxTotalKb = 0;
        const publicRoutes = [
          "/",
          "/annuaire",
          `/annuaire/${slug}`,
          "/appels-a-projets",
          ...(callSlug ? [`/appels-a-projets/${callSlug}`] : []),
          "/evenements",
          ...(eventSlug ? [`/evenements/${eventSlug}`] : []),
          "/charte",
          "/connexion",
          "/inscription",
          "/mot-de-passe-oublie",
        ];
        for (const route of publicRoutes) {
          const html = await (await fetch(`${base}${route}`)).text();
          const initial = new Set([...html.matchAll(/<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]));
          const seen = new Set(initial);
          let initialBytes = 0;
          let deferredBytes = 0;
          const queue = [...initial].map((src) => ({ src, deferred: false }));
          while (queue.length) {
            const { src, deferred } = queue.shift()!;
            const { size, body } = await gzipOf(src);
            if (deferred) deferredBytes += size;
            else initialBytes += size;
            for (const m of body.matchAll(/(import\(|from)\s*"(\/build\/[^"]+\.js)"/g)) {
              if (seen.has(m[2])) continue;
              seen.add(m[2]);
              queue.push({ src: m[2], deferred: deferred || m[1] === "import(" });
            }
          }
          const kb = initialBytes / 1024;
          maxKb = Math.max(maxKb, kb);
          maxTotalKb = Math.max(maxTotalKb, (initialBytes + deferredBytes) / 1024);
          jsRows.push(
            `| \`${route
              .replace(slug, "<slug>")
              .replace(callSlug ?? "\0", "<slug>")
              .replace(eventSlug ?? "\0", "<slug>")}\` | ${initial.size} | ${kb.toFixed(1)} | ${(deferredBytes / 1024).toFixed(1)} |`,
          );
        }
        table.push(["JavaScript gzip au chargement, route publique la plus lourde", `${maxKb.toFixed(1)} Ko`]);
        table.push(["JavaScript gzip chargement + différé, la plus lourde", `${maxTotalKb.toFixed(1)} Ko`]);
        report.push(
          "## JavaScript envoyé au navigateur (gzip -9)",
          "",
          "« Au chargement » : les modules que la page précharge. « Différé » : ce qu'elle importe ensuite d'elle-même, une fois interactive (la validation des formulaires publics).",
          "",
          "| Route | Fichiers au chargement | Ko au chargement | Ko différés |",
          "| --- | --- | --- | --- |",
          ...jsRows,
          "",
        );

        // Registration race: 200 at once for 50 places, when the events module provides it.
        report.push(...(await registrationRace(prisma, base, table)));
      }
    }

    report.unshift(
      "## Recherche dans l'annuaire (`/api/associations`)",
      "",
      `Requêtes : ${QUERIES.length} requêtes fixes (mots, fautes de frappe, accents omis, filtres de facettes) envoyées à tour de rôle pendant ${SEARCH_SECONDS} s par autocannon. « saturation » : chaque client renvoie une requête dès la réponse reçue (la machine est alors saturée) ; « 100 req/s régulières » : une requête toutes les 10 ms quelle que soit la réponse (la machine n'est pas saturée). Percentiles exacts sur toutes les réponses.`,
      "",
      "| Associations | Clients | Charge | p50 (ms) | p95 (ms) | p99 (ms) | req/s | erreurs |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
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

    const portalPeak = readPeakRssMb(portal.child.pid);
    const meiliPeak = readPeakRssMb(meili.child.pid);
    table.push(
      ["Mémoire maximale du serveur Node", `${portalPeak.toFixed(0)} Mo`],
      ["Mémoire maximale de Meilisearch", `${meiliPeak.toFixed(0)} Mo`],
    );
    report.push(
      "## Mémoire (VmHWM)",
      "",
      `- Serveur Node du portail : **${portalPeak.toFixed(0)} Mo**`,
      `- Meilisearch : **${meiliPeak.toFixed(0)} Mo**`,
      "",
    );

    versions = {
      node: process.version,
      meilisearch: (
        (await (await fetch(`${meili.host}/version`, { headers: { Authorization: `Bearer ${meili.masterKey}` } })).json()) as {
          pkgVersion: string;
        }
      ).pkgVersion,
      sqlite: ((await prisma.$queryRawUnsafe("select sqlite_version() as v")) as { v: string }[])[0].v,
    };
    await prisma.$disconnect();
  } finally {
    await stopAll();
    process.off("SIGINT", onInterrupt);
  }

  // Its own portals, engine and cluster, once this portal and its engine have stopped.
  const engines = await compareEngines(log);
  table.push(...engines.summary);
  report.push(...engines.section);

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
    "Objectifs : recherche p95 < 25 ms à 150 associations et < 50 ms à 100 000 avec 10 clients ; ≥ 300 req/s sur `/annuaire` à 50 connexions avec p95 < 100 ms ; exactement 50 inscriptions confirmées sur 200 ; ≤ 150 Ko de JavaScript gzip par route publique ; deux processus PostgreSQL ≥ 1,4× les pages rendues d'un seul ; PostgreSQL à 20 % de SQLite sur les pages rendues et le p95 de la course aux inscriptions.",
    "",
  ];
  writeFileSync("docs/benchmarks.md", [...header, ...report, ...analysis()].join("\n"));
  console.log("\n" + table.map(([k, v]) => `${k.padEnd(48)} ${v}`).join("\n"));
  console.log("\ndocs/benchmarks.md écrit.");
}

/** The analysis kept by hand, appended to the generated figures. */
function analysis(): string[] {
  return existsSync("docs/benchmarks-analysis.md") ? ["", readFileSync("docs/benchmarks-analysis.md", "utf8")] : [];
}

/**
 * Only one section (the engine comparison, the RNA import): its part of docs/benchmarks.md, between
 * its markers, is replaced (added before the analysis the first time); the other figures stay as the
 * last full run wrote them.
 */
async function onlySection(
  name: string,
  title: string,
  measure: (log: (line: string) => void) => Promise<{ section: string[]; summary: [string, string][] }>,
) {
  const result = await measure((line) => console.log(line));
  writeSection(name, result.section);
  console.log("\n" + result.summary.map(([k, v]) => `${k.padEnd(48)} ${v}`).join("\n"));
  console.log(`\nSection « ${title} » de docs/benchmarks.md écrite.`);
}

/** 200 registrations at once for 50 places. */
async function registrationRace(prisma: import("../app/db.server").Db, base: string, table: [string, string][]): Promise<string[]> {
  const { raceRegistrations } = await import("./registration-race");
  const result = await raceRegistrations(prisma, base, 200, 50);
  table.push(["200 inscriptions simultanées pour 50 places", `${result.confirmed} confirmées, p95 ${result.p95.toFixed(0)} ms`]);
  return [
    "## Inscriptions simultanées (200 pour 50 places)",
    "",
    `200 membres connectés envoient le formulaire d'inscription de la page de l'événement au portail (HTTP) au même instant. Réponses : ${result.statuses}. Confirmées : **${result.confirmed}** (attendu 50), liste d'attente : ${result.waitlisted}, positions distinctes : ${result.distinctPositions}. Latence p50 ${result.p50.toFixed(0)} ms, p95 **${result.p95.toFixed(0)} ms**, durée totale ${result.totalMs.toFixed(0)} ms.`,
    "",
  ];
}

if (ONLY !== undefined && ONLY !== "engines" && ONLY !== "rna") {
  console.error(
    `--only ${ONLY} : seules les sections « engines » et « rna » peuvent être lancées seules (npm run bench -- --only engines).`,
  );
  process.exit(2);
}
const run =
  ONLY === "engines"
    ? () => onlySection("engines", "SQLite, PostgreSQL, un et deux processus", compareEngines)
    : ONLY === "rna"
      ? () => onlySection("rna", "Import RNA", benchRnaImport)
      : main;
run().catch((error) => {
  console.error(error);
  process.exit(1);
});
