// Processor time of named groups of processes over one measurement, read from /proc (Linux):
// where the two cores went while the portal was under load.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process and its parent's pid, or null once it has gone. */
function statOf(pid: number): { ticks: number; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces), from field 3 (state) on.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** A process and its children (PostgreSQL's postmaster and its backends). */
export function withChildren(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    if (statOf(Number(entry))?.ppid === pid) pids.push(Number(entry));
  }
  return pids;
}

/** The postmaster's pid, from its data folder. */
export function postmasterPid(dataDir: string): number | null {
  const file = `${dataDir}/postmaster.pid`;
  return existsSync(file) ? Number(readFileSync(file, "utf8").split("\n")[0]) : null;
}

function machineTicks() {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
  return { busy: user + nice + system + irq + softirq, steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
}

export type CpuGroups = Record<string, () => number[]>;
export type CpuReading = {
  /** Processor seconds per group over the measurement. */
  seconds: Record<string, number>;
  /** The benchmark process itself (the load generator). */
  loadGenerator: number;
  /** Share of all cores busy, and stolen by the host, over the measurement. */
  machineBusy: number;
  machineSteal: number;
  /** Cores kept busy by processes outside the groups and this one (other work on the machine). */
  outsideCores: number;
};

/**
 * Runs `work` and reads how much processor time each group used meanwhile. A process that
 * started during the measurement counts from zero; one that ended is lost (PostgreSQL's
 * backends live as long as the portals' connection pools, so few are).
 */
export async function measureCpu<T>(groups: CpuGroups, work: () => Promise<T>): Promise<{ result: T; cpu: CpuReading }> {
  const before = new Map<string, Map<number, number>>();
  for (const [name, pids] of Object.entries(groups)) before.set(name, new Map(pids().map((pid) => [pid, statOf(pid)?.ticks ?? 0])));
  const machine0 = machineTicks();
  const self0 = process.cpuUsage();
  const wall0 = performance.now();
  const result = await work();
  const wallSeconds = (performance.now() - wall0) / 1000;
  const self = process.cpuUsage(self0);
  const machine1 = machineTicks();
  const seconds: Record<string, number> = {};
  for (const [name, pids] of Object.entries(groups)) {
    const start = before.get(name)!;
    let ticks = 0;
    for (const pid of new Set([...start.keys(), ...pids()])) {
      const now = statOf(pid)?.ticks;
      if (now !== undefined) ticks += now - (start.get(pid) ?? 0);
    }
    seconds[name] = ticks / TICKS_PER_SECOND;
  }
  const total = machine1.total - machine0.total || 1;
  const machineBusy = (machine1.busy - machine0.busy) / total;
  const loadGenerator = (self.user + self.system) / 1e6;
  const ours = Object.values(seconds).reduce((a, b) => a + b, 0) + loadGenerator;
  return {
    result,
    cpu: {
      seconds,
      loadGenerator,
      machineBusy,
      machineSteal: (machine1.steal - machine0.steal) / total,
      outsideCores: Math.max(0, machineBusy * os.cpus().length - ours / wallSeconds),
    },
  };
}
