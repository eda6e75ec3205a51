import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import leafletStyles from "leaflet/dist/leaflet.css";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Highlight } from "~/components/highlight";
import { parseDirectoryQuery, searchAssociations } from "~/associations/directory.server";
import { pluralize } from "~/lib/format";
import { pageTitle, useCcas } from "~/lib/meta";
import { ofCcas } from "~/settings/ccas-name";
import type { TaxonomyKind } from "~/settings/taxonomy";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { distanceOrigin } from "~/associations/directory-distance.server";
import { getEnv } from "~/env.server";
import { formatKm } from "~/geo/distance";
import { ResultsMap } from "~/geo/results-map";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  {
    title: pageTitle(matches, data?.query.q ? `« ${data.query.q} » – Annuaire des associations` : "Annuaire des associations"),
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const taxonomy = await getTaxonomy();
  const searchParams = new URL(request.url).searchParams;
  const origin = await distanceOrigin(searchParams);
  const query = { ...parseDirectoryQuery(searchParams, taxonomy), near: origin.near };
  const result = await searchAssociations(query);
  const env = getEnv();
  // Only active terms are offered as filters; every term, retired ones too, still names its records.
  const filters = (kind: TaxonomyKind) => taxonomy.active(kind).map((t) => ({ slug: t.slug, label: t.label }));
  return {
    query,
    origin: { address: origin.address, error: origin.error ?? null, label: origin.near ? origin.label : null },
    map: { tileUrl: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
    total: result.total,
    totalPages: result.totalPages,
    engine: result.engine,
    facets: result.facets,
    filters: { fields: filters("field"), publics: filters("public"), districts: filters("district") },
    hits: result.hits.map((h) => ({
      id: h.id,
      slug: h.slug,
      name: h.name,
      position: h.position,
      distanceKm: h.distanceKm ?? null,
      highlighted: h.highlighted,
      districtLabel: taxonomy.label("district", h.district),
      fields: h.fields.map((slug) => ({ slug, label: taxonomy.label("field", slug) })),
      charterSigner: h.charterSigner,
    })),
  };
}

type FacetProps = {
  legend: string;
  name: string;
  entries: readonly { slug: string; label: string }[];
  counts: Record<string, number>;
  selected: string[];
};

function Facet({ legend, name, entries, counts, selected }: FacetProps) {
  const visible = entries.filter((e) => (counts[e.slug] ?? 0) > 0 || selected.includes(e.slug));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {visible.length === 0 ? <p className="muted small">Aucune valeur pour cette recherche.</p> : null}
      {visible.map((entry) => (
        <label key={entry.slug} className="checkbox">
          <input type="checkbox" name={name} value={entry.slug} defaultChecked={selected.includes(entry.slug)} />
          <span>
            {entry.label} <span className="facet-count">({counts[entry.slug] ?? 0})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function pageHref(search: URLSearchParams, page: number) {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete("page");
  else params.set("page", String(page));
  const qs = params.toString();
  return qs ? `?${qs}` : "?";
}

export default function Directory() {
  const { query, origin, map, total, totalPages, engine, facets, filters, hits } = useLoaderData<typeof loader>();
  const ccas = useCcas();
  const submit = useSubmit();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/annuaire";

  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const f of query.fields) params.append("champ", f);
  for (const p of query.publics) params.append("public", p);
  for (const d of query.districts) params.append("quartier", d);
  if (query.charterSigner) params.set("charte", "1");
  if (origin.address) params.set("adresse", origin.address);
  const unplaced = hits.filter((h) => !h.position).length;

  // Search as you type: the same GET form, submitted after a short pause.
  const submitSoon = (delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (formRef.current) submit(formRef.current, { replace: true, preventScrollReset: true });
    }, delay);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const activeFilters = query.fields.length + query.publics.length + query.districts.length + (query.charterSigner ? 1 : 0);

  return (
    <div className="container page">
      <h1>Annuaire des associations de solidarité</h1>
      <p className="lead">
        Les associations partenaires {ofCcas(ccas.name)} : leur objet, leurs publics, leurs quartiers et comment les joindre.
      </p>
      <Form
        method="get"
        action="/annuaire"
        ref={formRef}
        role="search"
        aria-label="Rechercher une association"
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          // The address is geocoded: sent by its button, not at each key.
          if (input.name !== "adresse") submitSoon(input.type === "search" ? 250 : 0);
        }}
      >
        <div className="search-bar">
          <div className="field">
            <label htmlFor="q" className="field-label">
              Rechercher une association, un besoin, un mot-clé
            </label>
            <input
              id="q"
              type="search"
              name="q"
              defaultValue={query.q}
              placeholder="Ex. : aide alimentaire, logement, numérique…"
              autoComplete="off"
            />
          </div>
          <button type="submit" className="button">
            Rechercher
          </button>
        </div>
        <div className="directory">
          <aside className="facets" aria-label="Filtres">
            <h2 className="visually-hidden">Filtres</h2>
            <Facet legend="Champs d'intervention" name="champ" entries={filters.fields} counts={facets.fields} selected={query.fields} />
            <Facet legend="Publics" name="public" entries={filters.publics} counts={facets.publics} selected={query.publics} />
            <Facet legend="Quartiers" name="quartier" entries={filters.districts} counts={facets.districts} selected={query.districts} />
            <fieldset>
              <legend>Trier par distance d'une adresse</legend>
              <div className="field">
                <label htmlFor="adresse" className="field-label">
                  Adresse
                </label>
                <input
                  id="adresse"
                  type="text"
                  name="adresse"
                  defaultValue={origin.address}
                  placeholder="Ex. : 3 place Pasteur, Besançon"
                  autoComplete="street-address"
                  maxLength={200}
                  aria-invalid={origin.error ? true : undefined}
                  aria-describedby={origin.error ? "adresse-erreur" : undefined}
                />
                {origin.error ? (
                  <p id="adresse-erreur" className="field-error">
                    {origin.error}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button button-secondary">
                Trier par distance
              </button>
              {origin.label ? <p className="small muted">Du plus proche au plus éloigné de : {origin.label}</p> : null}
            </fieldset>
            <fieldset>
              <legend>Charte</legend>
              <label className="checkbox">
                <input type="checkbox" name="charte" value="1" defaultChecked={query.charterSigner} />
                <span>Signataires de la charte de l'action sociale</span>
              </label>
            </fieldset>
            <noscript>
              <button type="submit" className="button button-secondary">
                Appliquer les filtres
              </button>
            </noscript>
            {activeFilters > 0 || query.q ? (
              <p>
                <Link to="/annuaire">Effacer la recherche et les filtres</Link>
              </p>
            ) : null}
          </aside>
          <section aria-labelledby="resultats-titre">
            <h2 id="resultats-titre" className="visually-hidden">
              Résultats
            </h2>
            {engine === "database" ? (
              <div className="alert alert-warning" role="status">
                La recherche avancée est momentanément indisponible : les résultats viennent d'une recherche simplifiée (sans tolérance aux
                fautes de frappe).
              </div>
            ) : null}
            {query.truncated ? (
              <p className="alert" role="status">
                Votre recherche a été raccourcie à 200 caractères.
              </p>
            ) : null}
            <p role="status" aria-live="polite" aria-busy={searching || undefined}>
              <strong>
                {total === 0 ? "Aucune association trouvée" : `${pluralize(total, "association trouvée", "associations trouvées")}`}
              </strong>
              {query.q ? <> pour « {query.q} »</> : null}
              {activeFilters ? <> avec {pluralize(activeFilters, "filtre")}</> : null}.
            </p>
            {total === 0 ? (
              <p>Essayez un autre mot, ou retirez un filtre. Vous pouvez aussi contacter l'accueil du CCAS, qui vous orientera.</p>
            ) : null}
            <ul className="results">
              {hits.map((hit) => (
                <li key={hit.id} className="result">
                  <h3>
                    <Link to={`/annuaire/${hit.slug}`}>
                      <Highlight text={hit.highlighted.name} />
                    </Link>
                    {hit.highlighted.acronym ? (
                      <span className="muted">
                        {" "}
                        (<Highlight text={hit.highlighted.acronym} />)
                      </span>
                    ) : null}
                    {hit.charterSigner ? (
                      <>
                        {" "}
                        <span className="badge badge-green">Signataire de la charte</span>
                      </>
                    ) : null}
                  </h3>
                  <p>
                    <Highlight text={hit.highlighted.socialObject} />
                  </p>
                  <p className="small muted">Quartier : {hit.districtLabel}</p>
                  {hit.distanceKm !== null ? <p className="small result-distance">À {formatKm(hit.distanceKm)}</p> : null}
                  <ul className="tags" aria-label="Champs d'intervention">
                    {hit.fields.map((f) => (
                      <li key={f.slug} className="tag">
                        {f.label}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            {totalPages > 1 ? (
              <nav aria-label="Pagination">
                <ul className="pagination">
                  {query.page > 1 ? (
                    <li>
                      <Link to={pageHref(params, query.page - 1)} preventScrollReset={false}>
                        ‹ Précédente
                      </Link>
                    </li>
                  ) : null}
                  {Array.from({ length: totalPages }, (_, i) => i + 1)
                    .filter((p) => p === 1 || p === totalPages || Math.abs(p - query.page) <= 2)
                    .map((p, i, list) => (
                      <li key={p}>
                        {i > 0 && p - list[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
                        <Link to={pageHref(params, p)} aria-current={p === query.page ? "page" : undefined} aria-label={`Page ${p}`}>
                          {p}
                        </Link>
                      </li>
                    ))}
                  {query.page < totalPages ? (
                    <li>
                      <Link to={pageHref(params, query.page + 1)}>Suivante ›</Link>
                    </li>
                  ) : null}
                </ul>
              </nav>
            ) : null}
            {hits.length > 0 ? (
              <section aria-labelledby="carte-titre" className="results-map-section">
                <h2 id="carte-titre">Carte des résultats</h2>
                <p className="small">
                  La carte montre les associations de cette page ; la liste ci-dessus en donne le détail.
                  {unplaced > 0
                    ? ` ${pluralize(unplaced, "association n'est", "associations ne sont")} pas sur la carte (adresse pas encore placée).`
                    : ""}
                </p>
                <ResultsMap results={hits} settings={map} label="Carte des associations de cette page" />
              </section>
            ) : null}
          </section>
        </div>
      </Form>
    </div>
  );
}
