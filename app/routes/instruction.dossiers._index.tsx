import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { formatDate, formatEuros, pluralize } from "~/lib/format";
import { REVIEWABLE_STATES, STATE_BADGES, STATE_LABELS } from "~/dossiers/dossier-states";
import { LabelChips } from "~/review/label-chips";
import { labelsByDossier } from "~/review/labels.server";
import { listReviewQueue, parseQueueFilters, QUEUE_SORTS } from "~/review/queue.server";
import { NO_GROUP, queueQueryString } from "~/review/queue-query";
import { QueueTabs, SavedFilters } from "~/review/queue-tabs";
import { NO_GROUP_LABEL } from "~/review/routing-rules";
import { listSavedFilters } from "~/review/saved-filters.server";
import { pageTitle } from "~/lib/meta";
import { getTaxonomy } from "~/settings/taxonomy.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Dossiers à instruire") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const filters = parseQueueFilters(new URL(request.url));
  const [queue, taxonomy, savedFilters] = await Promise.all([listReviewQueue(user, filters), getTaxonomy(), listSavedFilters(user)]);
  const chips = await labelsByDossier(queue.dossiers.map((d) => d.id));
  return {
    filters,
    savedFilters,
    ...queue,
    dossiers: queue.dossiers.map((d) => ({
      ...d,
      fieldLabels: d.association.fields.map((f) => taxonomy.label("field", f.slug)),
      labels: chips.get(d.id) ?? [],
    })),
    fields: taxonomy.active("field").map((f) => ({ slug: f.slug, label: f.label })),
    sorts: Object.entries(QUEUE_SORTS).map(([value, s]) => ({ value, label: s.label })),
    states: REVIEWABLE_STATES.map((value) => ({ value, label: STATE_LABELS[value] })),
  };
}

export default function ReviewQueue() {
  const { filters, dossiers, counts, total, calls, sorts, states, fields, groups, tabCounts, savedFilters } =
    useLoaderData<typeof loader>();
  const withState = (state: string) => `?${queueQueryString(filters, { state: (state || undefined) as typeof filters.state })}`;
  const currentQuery = queueQueryString(filters);
  return (
    <div className="container page">
      <p>
        <Link to="/instruction">‹ Espace instruction</Link>
      </p>
      <h1>Dossiers à instruire</h1>
      <QueueTabs
        current={filters.tab ?? "tous"}
        counts={tabCounts}
        hrefFor={(tab) => `?${queueQueryString(filters, { tab, state: undefined })}`}
      />
      <nav aria-label="États des dossiers">
        <ul className="tags">
          <li>
            <Link className="tag" to={withState("")} aria-current={!filters.state ? "page" : undefined}>
              Tous les états : {total}
            </Link>
          </li>
          {states.map((s) => (
            <li key={s.value}>
              <Link className="tag" to={withState(s.value)} aria-current={filters.state === s.value ? "page" : undefined}>
                {s.label} : {counts[s.value] ?? 0}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="card" aria-label="Filtrer les dossiers">
        {filters.tab && filters.tab !== "tous" ? <input type="hidden" name="onglet" value={filters.tab} /> : null}
        <div className="form-grid">
          <div className="field">
            <label className="field-label" htmlFor="f-appel">
              Appel à projets
            </label>
            <select id="f-appel" name="appel" defaultValue={filters.callId ?? ""}>
              <option value="">Tous les appels</option>
              {calls.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="f-etat">
              État
            </label>
            <select id="f-etat" name="etat" defaultValue={filters.state ?? ""}>
              <option value="">Tous les états</option>
              {states.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="f-champ">
              Champ d'intervention de l'association
            </label>
            <select id="f-champ" name="champ" defaultValue={filters.field ?? ""}>
              <option value="">Tous les champs</option>
              {fields.map((f) => (
                <option key={f.slug} value={f.slug}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="f-groupe">
              Groupe d'instruction
            </label>
            <select id="f-groupe" name="groupe" defaultValue={filters.groupId ?? ""}>
              <option value="">Tous les groupes</option>
              <option value={NO_GROUP}>{NO_GROUP_LABEL}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {filters.callId ? g.name : `${g.name} (${g.call.title})`}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="f-tri">
              Trier par
            </label>
            <select id="f-tri" name="tri" defaultValue={filters.sort}>
              {sorts.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="moi" value="1" defaultChecked={filters.mine} />
          <span>Seulement les appels dont je suis instructeur·rice (assignés à moi)</span>
        </label>
        <div className="actions">
          <button type="submit" className="button">
            Filtrer
          </button>
          <Link to="/instruction/dossiers">Effacer les filtres</Link>
        </div>
      </Form>
      <SavedFilters filters={savedFilters} currentQuery={currentQuery} />
      <p role="status">{pluralize(dossiers.length, "dossier trouvé", "dossiers trouvés")}</p>
      {filters.callId ? (
        <p className="actions">
          <Link to={`/instruction/appels/${filters.callId}/classement`}>Classement de cet appel</Link>
          <Link to={`/instruction/appels/${filters.callId}/dossiers`}>Tableau et actions groupées</Link>
          <Link to={`/instruction/appels/${filters.callId}/export`}>Exporter les dossiers de cet appel</Link>
        </p>
      ) : null}
      {dossiers.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Dossiers déposés</caption>
            <thead>
              <tr>
                <th scope="col">Dossier</th>
                <th scope="col">Association</th>
                <th scope="col">Appel et groupe</th>
                <th scope="col">État</th>
                <th scope="col" className="num">
                  Demandé
                </th>
                <th scope="col">Déposé le</th>
              </tr>
            </thead>
            <tbody>
              {dossiers.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/instruction/dossiers/${d.id}`}>{d.number}</Link>
                    <div className="small muted">{d.projectTitle ?? "Projet sans titre"}</div>
                    <LabelChips labels={d.labels} />
                  </td>
                  <td>
                    {d.association.name}
                    <div className="small muted">{d.fieldLabels.join(", ")}</div>
                  </td>
                  <td>
                    {d.call.title}
                    <div className="small muted">{d.reviewGroup?.name ?? NO_GROUP_LABEL}</div>
                  </td>
                  <td>
                    <span className={STATE_BADGES[d.state] ?? "badge"}>
                      {STATE_LABELS[d.state as keyof typeof STATE_LABELS] ?? d.state}
                    </span>
                  </td>
                  <td className="num">{d.requestedCents !== null ? formatEuros(d.requestedCents) : "—"}</td>
                  <td>{d.submittedAt ? formatDate(d.submittedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucun dossier ne correspond à ces critères.</p>
      )}
      {calls.length ? (
        <>
          <h2>Vos appels à projets</h2>
          <ul>
            {calls.map((c) => (
              <li key={c.id}>
                {c.title} – <Link to={`/instruction/appels/${c.id}/classement`}>classement</Link>,{" "}
                <Link to={`/instruction/appels/${c.id}/export`}>export</Link>,{" "}
                <Link to={`/instruction/appels/${c.id}/groupes`}>groupes d'instruction</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Vous n'êtes affecté·e à aucun appel à projets pour le moment.</p>
      )}
    </div>
  );
}
