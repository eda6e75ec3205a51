// What the running portal knows about its search engine, shared by server/start.ts, the
// background jobs and the Remix build (which loads its own copies of the app modules, hence
// a global rather than a module variable). No record (tests, CLIs): the engine is taken as ready.

export type SearchEngineState = "starting" | "running" | "restarting" | "unreachable" | "stopped";

export type SearchEngineStatus = {
  kind: "bundled" | "external";
  state: SearchEngineState;
  host: string;
  /** Settings applied and index checked against the database since the engine last (re)started. */
  indexReady: boolean;
  /** Bumped on every (re)start or loss of the engine: a check begun before it does not count. */
  generation: number;
  restarts: number;
  lastExitCode: number | null;
  lastExitSignal: string | null;
  lastExitAt: string | null;
};

const KEY = Symbol.for("ccas-reseau.search-engine-status");
const store = globalThis as typeof globalThis & { [KEY]?: SearchEngineStatus };

export function searchEngineStatus(): Readonly<SearchEngineStatus> | null {
  return store[KEY] ?? null;
}

export function initSearchEngineStatus(kind: SearchEngineStatus["kind"], host: string) {
  store[KEY] = {
    kind,
    state: "starting",
    host,
    indexReady: false,
    generation: 0,
    restarts: 0,
    lastExitCode: null,
    lastExitSignal: null,
    lastExitAt: null,
  };
}

export function updateSearchEngineStatus(change: Partial<SearchEngineStatus>) {
  const current = store[KEY];
  if (current) store[KEY] = { ...current, ...change };
}

/** The engine was (re)started or lost: the index must be checked again before searches use it. */
export function engineChanged(change: Partial<SearchEngineStatus>) {
  const current = store[KEY];
  if (current) store[KEY] = { ...current, ...change, indexReady: false, generation: current.generation + 1 };
}
