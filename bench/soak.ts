// `npm run bench:soak`: the portal in production mode under mixed anonymous traffic for SOAK_MINUTES
// (30 by default): the JSON search, result pages with words nobody typed before (the page cache
// misses), association pages, the lists of calls and events, the charter. Node's resident memory is
// read every window; the goal is a flat curve (within 10 % between the 5th minute and the end).
// Writes its section of docs/benchmarks.md. Loopback only.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startBundledMeilisearch } from "../search/server-process";
import { QUERIES, cannon, queryString, startBenchPortal, type BenchPortal } from "./harness";
import { writeSection } from "./sections";

const ROOT = path.resolve(".tmp/bench-soak");
// The harness's knobs, read directly as the other benchmarks do.
const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const WINDOW_SECONDS = Number(process.env.SOAK_WINDOW_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 4);

function residentMb(pid: number | undefined): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function main() {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(path.join(ROOT, "data"), { recursive: true });
  const meili = await startBundledMeilisearch({ dataDir: path.join(ROOT, "meili"), masterKey: "bench-soak-key-0123456789" });
  let portal: BenchPortal | undefined;
  try {
    console.log("Démarrage du portail (build, migrations, données de démonstration)…");
    portal = await startBenchPortal({
      dataDir: path.join(ROOT, "data"),
      databaseUrl: `file:${path.join(ROOT, "data", "portail.db")}`,
      meili,
    });
    const base = portal.base;
    const listing = (await (await fetch(`${base}/api/associations?page=1`)).json()) as { hits: { slug: string }[] };
    const slugs = listing.hits.map((h) => h.slug);
    let i = 0;
    const paths = () => {
      const n = i++;
      const query = QUERIES[n % QUERIES.length];
      switch (n % 6) {
        case 0:
          return `/api/associations?${queryString(query)}`;
        case 1:
          // A query nobody typed before: rendered, not served from the page cache.
          return `/annuaire?${queryString({ ...query, q: `${query.q} ${n.toString(36)}` })}`;
        case 2:
          return `/annuaire/${slugs[n % slugs.length]}`;
        case 3:
          return "/appels-a-projets";
        case 4:
          return "/evenements";
        default:
          return n % 12 === 5 ? "/charte" : "/annuaire";
      }
    };
    const samples: { minute: number; rss: number; rps: number; errors: number }[] = [
      { minute: 0, rss: residentMb(portal.child.pid), rps: 0, errors: 0 },
    ];
    const started = Date.now();
    while (Date.now() - started < MINUTES * 60_000) {
      const load = await cannon(base, paths, { connections: CONNECTIONS, seconds: WINDOW_SECONDS });
      const minute = (Date.now() - started) / 60_000;
      samples.push({ minute, rss: residentMb(portal.child.pid), rps: load.rps, errors: load.errors });
      console.log(`${minute.toFixed(1)} min : ${samples.at(-1)!.rss.toFixed(0)} Mo, ${load.rps.toFixed(0)} req/s, ${load.errors} erreurs`);
    }
    const warm = samples.find((s) => s.minute >= 5) ?? samples[1];
    const last = samples.at(-1)!;
    const growth = (last.rss - warm.rss) / warm.rss;
    const n0 = (x: number) => x.toFixed(0);
    const shown = samples.filter((s, k) => k === 0 || k === samples.length - 1 || Math.round(s.minute) % 5 === 0);
    const section = [
      "<!-- soak:start -->",
      "## Mémoire sous trafic mêlé (soak)",
      "",
      `Mesurée le ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC par \`npm run bench:soak\` : ${MINUTES} min de trafic anonyme mêlé (recherche JSON, pages de résultats jamais vues, fiches, appels, événements, charte), ${CONNECTIONS} connexions, mémoire résidente du processus Node lue toutes les ${WINDOW_SECONDS} s.`,
      "",
      "| Minute | Mémoire résidente (Mo) | req/s | erreurs |",
      "| --- | --- | --- | --- |",
      ...shown.map((s) => `| ${s.minute.toFixed(1).replace(".", ",")} | ${n0(s.rss)} | ${n0(s.rps)} | ${s.errors} |`),
      "",
      `De la 5e minute à la fin : ${n0(warm.rss)} → ${n0(last.rss)} Mo (${(growth * 100).toFixed(1).replace(".", ",")} %) ; objectif : moins de 10 %.`,
      "",
      "<!-- soak:end -->",
    ];
    console.log(section.join("\n"));
    writeSection("soak", section);
  } finally {
    await portal?.stop();
    await meili.stop();
  }
}

await main();
