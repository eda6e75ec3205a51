// Export of a call's dossiers with the columns the user picks; the form GETs the file from
// the resource route /instruction/appels/<id>/telecharger, which the browser downloads.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { domainLoader } from "~/lib/forms.server";
import { requireCallAccess } from "~/review/access.server";
import { EXPORT_COLUMN_OPTIONS } from "~/review/exports.server";
import { ArchiveForm } from "~/review/archive-form";
import { listDepositedDossierIds } from "~/review/archive-selection.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Exporter les dossiers") }];

const DEFAULT_COLUMNS = ["numero", "association", "projet", "etat", "demande", "accorde", "note"];

// Wrapped at call time, never at module level: the browser build keeps module-level calls
// and has no forms.server.
export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  await requireCallAccess(user, params.callId!);
  const call = await prisma.call.findUniqueOrThrow({ where: { id: params.callId! }, select: { id: true, title: true } });
  const deposited = await listDepositedDossierIds(call.id);
  const url = new URL(request.url);
  const chosen = url.searchParams.getAll("colonnes");
  return {
    call,
    columns: EXPORT_COLUMN_OPTIONS,
    chosen: chosen.length ? chosen : DEFAULT_COLUMNS,
    error: url.searchParams.get("erreur"),
    deposited,
  };
}

export default function ExportCall() {
  const { call, columns, chosen, error, deposited } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <p>
        <Link to={`/instruction/appels/${call.id}/classement`}>‹ Classement de l'appel</Link>
      </p>
      <h1>Exporter les dossiers : {call.title}</h1>
      {error ? (
        <div className="alert alert-error" role="alert">
          <a href="#colonnes">Choisissez au moins une colonne à exporter.</a>
        </div>
      ) : null}
      <form method="get" action={`/instruction/appels/${call.id}/telecharger`}>
        <fieldset
          className={`field fieldset ${error ? "field-invalid" : ""}`}
          id="colonnes"
          aria-describedby={error ? "colonnes-error" : undefined}
        >
          <legend className="field-label">Colonnes à exporter</legend>
          <div className="checkbox-grid" style={{ gridTemplateColumns: "repeat(2, minmax(0, 1fr))" }}>
            {columns.map((c) => (
              <label key={c.value} className="checkbox">
                <input type="checkbox" name="colonnes" value={c.value} defaultChecked={chosen.includes(c.value)} />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
          {error ? (
            <p className="field-error" id="colonnes-error">
              Choisissez au moins une colonne à exporter.
            </p>
          ) : null}
        </fieldset>
        <div className="actions">
          <button type="submit" name="format" value="csv" className="button">
            Télécharger en CSV
          </button>
          <button type="submit" name="format" value="xlsx" className="button button-secondary">
            Télécharger en Excel (XLSX)
          </button>
        </div>
      </form>
      <ArchiveForm dossierIds={deposited} back={`/instruction/appels/${call.id}/export`} />
    </div>
  );
}
