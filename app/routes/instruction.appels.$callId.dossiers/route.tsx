// A call's dossiers in one table, with a selection and bulk actions (label, message, move to
// instruction, export, ZIP, decisions). The checkboxes and the bulk bar are one form, sent
// natively (no script needed); the button pressed is the action.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { isActionFailure } from "~/components/form";
import { REVIEWABLE_STATES, STATE_BADGES, stateLabel } from "~/dossiers/dossier-states";
import { formatDecimal, formatEuros, pluralize } from "~/lib/format";
import { domainAction, domainLoader, formDataToObject } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { getCallTable, tableFilters } from "~/review/call-table.server";
import { LabelChips } from "~/review/label-chips";
import { MAX_SELECTION } from "~/review/bulk-schemas";
import { BulkBar, BulkReportPanel } from "./bulk-bar";
import { handleBulkIntent } from "./intents.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Dossiers de l'appel – ${data?.call.title ?? "appel"}`) },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const query = new URL(request.url).searchParams;
  const table = await getCallTable(user, params.callId!, tableFilters(query));
  return { ...table, exportRefused: query.get("erreur") === "export" };
}

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

async function post({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const callId = params.callId!;
  return handleBulkIntent(user, callId, formDataToObject(await request.formData()), async () => {
    // Every row the page shows, with its filters.
    const { rows } = await getCallTable(user, callId, tableFilters(new URL(request.url).searchParams));
    return rows.slice(0, MAX_SELECTION).map((r) => r.id);
  });
}

function TableFilters({
  labels,
  filters,
}: {
  labels: readonly { id: string; name: string }[];
  filters: { state: string | null; labelId: string | null };
}) {
  return (
    <Form method="get" className="actions" aria-label="Filtrer le tableau">
      <div className="field">
        <label htmlFor="filtre-etat" className="field-label">
          État
        </label>
        <select id="filtre-etat" name="etat" defaultValue={filters.state ?? ""}>
          <option value="">Tous</option>
          {REVIEWABLE_STATES.map((s) => (
            <option key={s} value={s}>
              {stateLabel(s)}
            </option>
          ))}
        </select>
      </div>
      {labels.length ? (
        <div className="field">
          <label htmlFor="filtre-etiquette" className="field-label">
            Étiquette
          </label>
          <select id="filtre-etiquette" name="etiquette" defaultValue={filters.labelId ?? ""}>
            <option value="">Toutes</option>
            {labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button button-secondary">
        Filtrer
      </button>
    </Form>
  );
}

const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

export default function CallDossiers() {
  const { call, labels, rows, total, filters, exportRefused } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const failure = isActionFailure(actionData) ? actionData : null;
  const success = actionData && !isActionFailure(actionData) && "selection" in actionData ? actionData : null;
  const selection = new Set(success ? success.selection : failure ? asList(failure.values.dossierId) : searchParams.getAll("dossierId"));
  const selectionError = failure?.errors.dossierId ?? (exportRefused ? "Sélectionnez au moins un dossier de cet appel à exporter." : null);
  return (
    <div className="container page">
      <p className="actions">
        <Link to={`/instruction/dossiers?appel=${call.id}`}>‹ Dossiers à instruire</Link>
        <Link to={`/instruction/appels/${call.id}/classement`}>Classement de l'appel</Link>
        <Link to={`/instruction/appels/${call.id}/etiquettes`}>Gérer les étiquettes</Link>
      </p>
      <h1>Dossiers de l'appel : {call.title}</h1>
      <p className="lead">
        Cochez des dossiers, puis choisissez une action pour toute la sélection (au plus {MAX_SELECTION} dossiers à la fois).
      </p>
      {success?.report ? <BulkReportPanel report={success.report} /> : null}
      {failure && rows.length === 0 ? (
        <div className="alert alert-error" role="alert">
          {failure.formError ?? Object.values(failure.errors)[0] ?? "Action refusée."}
        </div>
      ) : null}
      <TableFilters labels={labels} filters={filters} />
      {rows.length === 0 ? (
        <p>{total === 0 ? "Aucun dossier déposé sur cet appel." : "Aucun dossier ne correspond à ces filtres."}</p>
      ) : (
        <Form method="post" reloadDocument className="stack">
          <p role="status">
            {pluralize(rows.length, "dossier déposé", "dossiers déposés")}
            {rows.length < total ? ` (sur ${total})` : ""}, {pluralize(selection.size, "sélectionné", "sélectionnés")}.
          </p>
          <div className="actions">
            <button type="submit" name="intent" value="select_all" className="button button-secondary button-small">
              Tout sélectionner
            </button>
            <button type="submit" name="intent" value="select_none" className="button button-secondary button-small">
              Tout désélectionner
            </button>
          </div>
          {selectionError ? (
            <div className="alert alert-error" role="alert" id="selection-error">
              {selectionError}
            </div>
          ) : null}
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Dossiers déposés de l'appel, à sélectionner pour une action groupée</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Sélection</span>
                  </th>
                  <th scope="col">Dossier</th>
                  <th scope="col">Association</th>
                  <th scope="col">Projet</th>
                  <th scope="col">État</th>
                  <th scope="col" className="num">
                    Demandé
                  </th>
                  <th scope="col" className="num">
                    Note moyenne
                  </th>
                  <th scope="col">Étiquettes</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <input
                        type="checkbox"
                        name="dossierId"
                        value={r.id}
                        id={`selection-${r.id}`}
                        defaultChecked={selection.has(r.id)}
                        aria-describedby={selectionError ? "selection-error" : undefined}
                      />
                      <label htmlFor={`selection-${r.id}`} className="visually-hidden">
                        Sélectionner le dossier {r.number}
                      </label>
                    </td>
                    <th scope="row">
                      <Link to={`/instruction/dossiers/${r.id}`}>{r.number}</Link>
                    </th>
                    <td>{r.associationName}</td>
                    <td>{r.projectTitle ?? "—"}</td>
                    <td>
                      <span className={STATE_BADGES[r.state] ?? "badge"}>{stateLabel(r.state)}</span>
                      {r.proposedCents !== null && r.state === "accepte" ? (
                        <div className="small muted">Accordé : {formatEuros(r.proposedCents)}</div>
                      ) : null}
                    </td>
                    <td className="num">{r.requestedCents !== null ? formatEuros(r.requestedCents) : "—"}</td>
                    <td className="num">
                      {r.average === null ? "—" : formatDecimal(r.average)}
                      <div className="small muted">{pluralize(r.scoredBy, "notation", "notations")}</div>
                    </td>
                    <td>{r.labels.length ? <LabelChips labels={r.labels} /> : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BulkBar callId={call.id} labels={labels} failure={failure} />
        </Form>
      )}
    </div>
  );
}
