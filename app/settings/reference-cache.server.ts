// Reference data (the CCAS's settings, its taxonomy) is read on nearly every page and changes
// rarely: each process keeps it for a few seconds. A change made here empties it at once; a change
// made by another portal process empties it through the page-cache bus when there is one
// (server/start.ts), else within ttlMs. The registry lives on globalThis because the Remix build
// carries its own copy of this module beside the server's.
type Invalidate = () => void;
const registry: Set<Invalidate> = ((globalThis as { __ccasReferenceCaches?: Set<Invalidate> }).__ccasReferenceCaches ??= new Set());

export function referenceCache<T>(load: () => Promise<T>, ttlMs = 5_000) {
  let value: { data: Promise<T>; at: number } | null = null;
  let generation = 0;
  const invalidate = () => {
    generation++;
    value = null;
  };
  registry.add(invalidate);
  return {
    get(): Promise<T> {
      if (value && Date.now() - value.at < ttlMs) return value.data;
      const startedAt = generation;
      const data = load();
      const entry = { data, at: Date.now() };
      // A failed read is not kept; a read begun before a change is not kept either.
      data.then(
        () => {
          if (generation !== startedAt && value === entry) value = null;
        },
        () => {
          if (value === entry) value = null;
        },
      );
      value = entry;
      return data;
    },
    invalidate,
  };
}

/** Empties every reference cache of this process (after a change here or elsewhere). */
export function invalidateReferenceData() {
  for (const invalidate of registry) invalidate();
}
