import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { requireAdmin } from "~/accounts/auth.server";
import { prisma } from "~/db.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { domainAction, domainLoader, formDataToObject, unknownIntent } from "~/lib/forms.server";
import { notFoundError } from "~/lib/domain-error";
import { applyDryRun, resumeImport } from "~/rna/background.server";
import { MODE_LABELS, PreviewList, ReportTable, STATUS_LABELS } from "~/rna/import-report";
import { getImport } from "~/rna/imports.server";
import type { PreviewLine } from "~/rna/report";

export const meta: MetaFunction = () => [{ title: "Import RNA – Administration" }];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const record = await getImport(prisma, params.importId ?? "");
  if (!record) throw notFoundError("Cet import n'existe pas.");
  const { sha256: _sha, storedName: _stored, filePath: _path, ...shown } = record;
  return { record: { ...shown, preview: record.preview as PreviewLine[] } };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const id = params.importId ?? "";
  const values = formDataToObject(await request.formData());
  if (values.intent === "apply") {
    const applyId = await applyDryRun(id, admin.id);
    return redirectWithFlash(`/admin/rna/${applyId}`, "Import lancé : la page suit son avancement.", "success");
  }
  if (values.intent === "resume") {
    await resumeImport(id);
    return redirectWithFlash(`/admin/rna/${id}`, "Import repris là où il s'était arrêté.", "success");
  }
  return unknownIntent(values);
}

export default function RnaImport() {
  const { record } = useLoaderData<typeof loader>();
  const running = record.status === "queued" || record.status === "running";
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1500);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const dryRun = record.mode === "dry_run";
  const percent = record.sizeBytes ? Math.min(100, Math.round((record.processedBytes / record.sizeBytes) * 100)) : 0;
  return (
    <div className="container page">
      <p>
        <Link to="/admin/rna">‹ Imports du RNA</Link>
      </p>
      <h1>
        {MODE_LABELS[record.mode]} du fichier {record.fileName}
      </h1>
      <p>
        Envoyé le {formatDateTime(record.createdAt)} · état : <strong>{STATUS_LABELS[record.status]}</strong>
        {record.encoding ? ` · encodage ${record.encoding === "latin1" ? "ISO-8859-1" : "UTF-8"}` : ""}
        {record.finishedAt ? ` · terminé le ${formatDateTime(record.finishedAt)}` : ""}
      </p>
      {running ? (
        <div className="card" aria-live="polite">
          <label htmlFor="progression">Avancement de la lecture du fichier</label>
          <progress id="progression" max={100} value={percent}>
            {percent} %
          </progress>
          <p>
            {percent} % lu · {record.checkpointRecord.toLocaleString("fr-FR")} lignes traitées
          </p>
        </div>
      ) : null}
      {record.status === "refused" || record.status === "failed" ? (
        <div className="alert alert-error" role="alert">
          <p>{record.error}</p>
          {record.status === "failed" ? (
            <Form method="post">
              <button type="submit" name="intent" value="resume" className="button">
                Reprendre l'import là où il s'est arrêté
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {record.status !== "refused" ? (
        <section aria-labelledby="rapport">
          <h2 id="rapport">{dryRun ? "Ce que l'import changerait" : "Rapport"}</h2>
          <ReportTable report={record.report} dryRun={dryRun} />
        </section>
      ) : null}
      {dryRun && record.status === "done" ? (
        <>
          <section aria-labelledby="apercu">
            <h2 id="apercu">Aperçu des changements (200 premiers)</h2>
            <PreviewList preview={record.preview} />
          </section>
          <Form method="post" className="actions">
            <button type="submit" name="intent" value="apply" className="button">
              Appliquer cet import
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
