// A throwaway PostgreSQL cluster for the tests and benchmarks (Debian's server, installed by .ci/run):
//   tsx scripts/postgres-cluster.ts start DIR   → initialises DIR, starts it on a free port, prints its URL
//   tsx scripts/postgres-cluster.ts stop DIR
// As root the server runs as the postgres user (it refuses root), in a folder that user owns:
// DIR must be reachable by that user (a fresh `mktemp -d` under /tmp, not inside a private clone).
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../search/server-process";

/** The folder of initdb and pg_ctl, or null when no PostgreSQL server is installed. */
export function postgresqlBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : null;
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("Utilisateur postgres introuvable : installez le paquet postgresql.");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function run(bin: string, args: string[]) {
  const user = postgresUser();
  const command = user ? "setpriv" : bin;
  const fullArgs = user ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", bin, ...args] : args;
  execFileSync(command, fullArgs, { stdio: ["ignore", "ignore", "inherit"] });
}

export async function startCluster(dir: string): Promise<string> {
  const bin = postgresqlBinaries();
  if (!bin) throw new Error("Aucun serveur PostgreSQL installé (/usr/lib/postgresql/*/bin) : apt-get install -y postgresql");
  const folder = path.resolve(dir);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const user = postgresUser();
  if (user) chownSync(folder, user.uid, user.gid);
  const data = path.join(folder, "data");
  run(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  // fsync stays on: the benchmarks compare it with SQLite's synchronous = FULL.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=300`;
  run(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(folder, "server.log"), "-w", "start"]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  writeFileSync(path.join(folder, "url"), url);
  return url;
}

export function stopCluster(dir: string) {
  const bin = postgresqlBinaries();
  const data = path.join(path.resolve(dir), "data");
  if (!bin || !existsSync(data)) return;
  run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
  rmSync(path.resolve(dir), { recursive: true, force: true });
}

if (process.argv[1]?.endsWith("postgres-cluster.ts")) {
  const [command, dir] = process.argv.slice(2);
  if (!dir || (command !== "start" && command !== "stop")) {
    console.error("Usage : tsx scripts/postgres-cluster.ts start|stop DOSSIER");
    process.exit(2);
  }
  if (command === "start") {
    if (!postgresqlBinaries()) {
      console.error("Aucun serveur PostgreSQL installé (apt-get install -y postgresql).");
      process.exit(3);
    }
    console.log(await startCluster(dir));
  } else stopCluster(dir);
}
