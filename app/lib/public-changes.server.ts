// Changes the public pages show that land after the request that made them answered (the search
// index synced in the background, an outbox replayed): the page cache listens (server/app.ts).
// Kept on globalThis: the server build bundles its own copy of this module, as db.server's client.
type Listener = () => void;

const KEY = Symbol.for("ccas.publicChangeListeners");

function listeners(): Set<Listener> {
  const holder = globalThis as { [KEY]?: Set<Listener> };
  return (holder[KEY] ??= new Set());
}

export function onPublicChange(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function announcePublicChange() {
  for (const listener of listeners()) listener();
}
