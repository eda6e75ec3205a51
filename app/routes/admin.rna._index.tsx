import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { formatDateTime } from "~/lib/format";
import { domainAction } from "~/lib/forms.server";
import { startImport } from "~/rna/background.server";
import { MODE_LABELS, STATUS_LABELS } from "~/rna/import-report";
import { listImports } from "~/rna/imports.server";
import { skippedTotal } from "~/rna/report";
import { receiveRnaUpload } from "~/rna/upload.server";

export const meta: MetaFunction = () => [{ title: "Import du Répertoire national des associations – Administration" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [imports, pendingClaims] = await Promise.all([
    listImports(prisma),
    prisma.associationClaim.count({ where: { status: "pending" } }),
  ]);
  return { imports, pendingClaims, maxMb: getEnv().RNA_UPLOAD_MAX_MB };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const { id } = await receiveRnaUpload(request, admin.id);
  startImport(id);
  return redirect(`/admin/rna/${id}`);
}

export default function RnaImports() {
  const { imports, pendingClaims, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData && "errors" in actionData ? actionData.errors.file : undefined;
  const sending = useNavigation().state === "submitting";
  return (
    <div className="container page">
      <p>
        <Link to="/admin">‹ Administration</Link>
      </p>
      <h1>Import du Répertoire national des associations (RNA)</h1>
      <p className="lead">
        Le fichier RNA « waldec » de votre département (data.gouv.fr, jeu « Répertoire National des Associations ») remplit l'annuaire avec
        les associations actives de vos communes dont l'objet correspond à vos champs d'intervention. Elles y figurent comme fiches non
        revendiquées, jusqu'à ce qu'une association s'inscrive avec son numéro RNA.
      </p>
      <p>
        <Link to="/admin/rna/reprises">Demandes de reprise de fiches ({pendingClaims} en attente)</Link>
      </p>
      <section className="card" aria-labelledby="envoi">
        <h2 id="envoi">Envoyer un fichier</h2>
        <Form method="post" encType="multipart/form-data" className="stack">
          <div className={`field ${error ? "field-invalid" : ""}`}>
            <label htmlFor="rna-file" className="field-label">
              Fichier RNA (CSV, {maxMb} Mo au plus)
            </label>
            <input
              id="rna-file"
              type="file"
              name="file"
              accept=".csv,text/csv"
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "rna-file-error" : undefined}
            />
            {error ? (
              <p className="field-error" id="rna-file-error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <fieldset className="field">
            <legend className="field-label">Que faire du fichier ?</legend>
            <div>
              <input type="radio" id="mode-dry" name="mode" value="dry_run" defaultChecked />{" "}
              <label htmlFor="mode-dry">Simulation : voir ce qui changerait, sans rien écrire (conseillé)</label>
            </div>
            <div>
              <input type="radio" id="mode-apply" name="mode" value="apply" /> <label htmlFor="mode-apply">Import direct</label>
            </div>
          </fieldset>
          <div className="actions">
            <button type="submit" className="button" disabled={sending}>
              {sending ? "Envoi en cours…" : "Envoyer le fichier"}
            </button>
          </div>
        </Form>
      </section>
      <h2>Imports précédents</h2>
      {imports.length === 0 ? <p>Aucun import pour le moment.</p> : null}
      <ul className="stack">
        {imports.map((i) => (
          <li key={i.id}>
            <Link to={`/admin/rna/${i.id}`}>
              {MODE_LABELS[i.mode]} du {formatDateTime(i.createdAt)} – {i.fileName}
            </Link>{" "}
            : {STATUS_LABELS[i.status]}
            {i.status === "done"
              ? ` – ${i.report.added} ajoutées, ${i.report.updated} mises à jour, ${i.report.dissolved} dissoutes, ${i.report.unchanged} inchangées, ${skippedTotal(i.report)} ignorées`
              : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
