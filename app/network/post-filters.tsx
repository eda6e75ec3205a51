// The network list's filters: a plain GET form (works without JavaScript), its values in the query string.
import { Form, Link } from "@remix-run/react";
import type { PostFilters } from "./post-schemas";
import { categoryOptions, kindOptions } from "./post-labels";

function Select({
  id,
  name,
  label,
  all,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  all: string;
  value?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PostFiltersForm({
  filters,
  fields,
  districts,
  resetHref,
}: {
  filters: PostFilters;
  fields: { value: string; label: string }[];
  districts: { value: string; label: string }[];
  resetHref: string;
}) {
  return (
    <Form method="get" className="card" role="search" aria-label="Filtrer les annonces">
      <div className="form-grid">
        <div className="field">
          <label className="field-label" htmlFor="f-q">
            Rechercher dans les annonces
          </label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
        </div>
        <Select id="f-type" name="type" label="Type" all="Besoins et offres" value={filters.kind} options={kindOptions} />
        <Select
          id="f-categorie"
          name="categorie"
          label="Catégorie"
          all="Toutes les catégories"
          value={filters.category}
          options={categoryOptions}
        />
        <Select id="f-champ" name="champ" label="Champ d'intervention" all="Tous les champs" value={filters.field} options={fields} />
        <Select id="f-quartier" name="quartier" label="Quartier" all="Tous les quartiers" value={filters.district} options={districts} />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Filtrer
        </button>
        <Link to={resetHref}>Effacer les filtres</Link>
      </div>
    </Form>
  );
}
