// The queue's tabs and saved filters: plain links (they work without JavaScript), the current
// one marked with aria-current.
import { Link } from "@remix-run/react";
import { TextField, ValidatedForm, SubmitButton } from "~/components/form";
import { QUEUE_TABS, type QueueTab } from "./queue-query";
import { savedFilterSchema } from "./routing-schemas";

export function QueueTabs({
  current,
  counts,
  hrefFor,
}: {
  current: QueueTab;
  counts: Record<QueueTab, number>;
  hrefFor: (tab: QueueTab) => string;
}) {
  return (
    <nav aria-label="Onglets des dossiers">
      <ul className="queue-tabs">
        {QUEUE_TABS.map((t) => (
          <li key={t.value}>
            <Link to={hrefFor(t.value)} aria-current={current === t.value ? "page" : undefined}>
              {t.label} ({counts[t.value] ?? 0})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The user's saved filters as links, and the form saving the current one (posted to /instruction/filtres). */
export function SavedFilters({ filters, currentQuery }: { filters: { id: string; name: string; query: string }[]; currentQuery: string }) {
  return (
    <section className="card stack" aria-labelledby="filtres-enregistres" style={{ marginTop: "1rem" }}>
      <h2 id="filtres-enregistres">Mes filtres enregistrés</h2>
      {filters.length ? (
        <ul className="tags">
          {filters.map((f) => (
            <li key={f.id}>
              <Link
                className="tag"
                to={`/instruction/dossiers${f.query ? `?${f.query}` : ""}`}
                aria-current={f.query === currentQuery ? "page" : undefined}
              >
                {f.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">Aucun filtre enregistré pour le moment.</p>
      )}
      <ValidatedForm schema={savedFilterSchema} method="post" action="/instruction/filtres" defaultValues={{ name: "" }} key={currentQuery}>
        <input type="hidden" name="query" value={currentQuery} />
        <TextField name="name" label="Nom du filtre" hint="Enregistre l'onglet, les filtres et le tri affichés." required />
        <div className="actions">
          <SubmitButton name="intent" value="save" className="button button-secondary">
            Enregistrer ce filtre
          </SubmitButton>
          <Link to="/instruction/filtres">Gérer mes filtres</Link>
        </div>
      </ValidatedForm>
    </section>
  );
}
