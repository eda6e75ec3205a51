import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { deleteDocument, listAssociationDocuments } from "~/documents/document.server";
import { ASSOCIATION_DOCUMENTS } from "~/documents/file-checks.server";
import { associationStorage, formatMegabytes } from "~/documents/quota.server";
import { parseUploadForm, storeUpload } from "~/documents/storing.server";
import { isDomainError } from "~/lib/domain-error";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDate } from "~/lib/format";
import { domainAction, formDataToObject, unknownIntent } from "~/lib/forms.server";
import { DOCUMENT_KIND_VALUES, documentKindLabel } from "~/dossiers/schemas";
import { DocumentKindField } from "~/documents/document-kind-field";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Documents de l'association") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const storage = await associationStorage(associationId);
  const usage = `Espace utilisé : ${formatMegabytes(storage.used)} sur ${formatMegabytes(storage.quota)} (il reste ${formatMegabytes(storage.left)}).`;
  return { associationId, documents: await listAssociationDocuments(associationId), usage };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request, params }: ActionFunctionArgs) {
  const access = await requireAssociationMember(request, params.associationId ?? "");
  const here = `/espace/associations/${access.associationId}/documents`;
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  const parsed = multipart ? await parseUploadForm(request) : { ok: true as const, formData: await request.formData() };
  if (!parsed.ok) return { ok: false as const, message: parsed.message };
  const values = formDataToObject(parsed.formData);
  if (values.intent === "delete") {
    const result = await deleteDocument(access.associationId, String(values.documentId ?? ""));
    if (!result.ok) return { ok: false as const, message: result.message };
    return redirectWithFlash(here, "Document supprimé.");
  }
  if (values.intent !== "upload") return unknownIntent(values);
  const kind = DOCUMENT_KIND_VALUES.find((k) => k === values.kind);
  if (!kind) return { ok: false as const, message: "Choisissez le type de document." };
  const file = parsed.formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false as const, message: "Choisissez un fichier." };
  const label = typeof values.label === "string" ? values.label : undefined;
  try {
    const document = await storeUpload(
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      { associationId: access.associationId, kind, label, uploadedById: access.user.id, accept: ASSOCIATION_DOCUMENTS },
    );
    return redirectWithFlash(here, `Document « ${document.label} » enregistré.`);
  } catch (error) {
    // What was typed comes back with the message (kind and label), with the status that says why.
    if (!isDomainError(error)) throw error;
    return data({ ok: false as const, message: error.message, values: { kind, label: label ?? "" } }, { status: error.status });
  }
}

export default function AssociationDocuments() {
  const { documents, usage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData && !actionData.ok ? ("message" in actionData ? actionData.message : actionData.formError) : null;
  const typed = actionData && !actionData.ok && "values" in actionData ? actionData.values : undefined;
  return (
    <div className="container page">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Documents de l'association</h1>
      <p className="lead">Statuts, RIB, comptes, rapport d'activité : déposés une fois ici, joints à tous vos dossiers.</p>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <p className="muted" data-testid="storage-usage">
        {usage}
      </p>
      {documents.length === 0 ? <p>Aucun document pour le moment.</p> : null}
      <ul className="stack">
        {documents.map((d) => (
          <li key={d.id}>
            {documentKindLabel(d.kind)} : <a href={`/documents/${d.id}`}>{d.label}</a>{" "}
            <span className="muted">(déposé le {formatDate(d.createdAt)})</span>
            {d._count.dossierAttachments === 0 ? (
              <Form method="post" style={{ display: "inline" }}>
                <input type="hidden" name="documentId" value={d.id} />
                <button type="submit" name="intent" value="delete" className="link-button">
                  Supprimer {d.label}
                </button>
              </Form>
            ) : (
              <span className="muted"> – joint à un dossier</span>
            )}
          </li>
        ))}
      </ul>
      <Form method="post" encType="multipart/form-data" className="card stack">
        <h2>Ajouter un document</h2>
        <DocumentKindField id="doc-kind" label="Type de document" defaultValue={typed?.kind ?? "statuts"} />
        <div className="field">
          <label htmlFor="doc-label" className="field-label">
            Intitulé <span className="optional">(facultatif)</span>
          </label>
          <input id="doc-label" name="label" type="text" defaultValue={typed?.label} />
        </div>
        <div className={`field ${error ? "field-invalid" : ""}`}>
          <label htmlFor="doc-file" className="field-label">
            Fichier (PDF, JPEG ou PNG, 10 Mo au plus)
          </label>
          <input id="doc-file" type="file" name="file" accept="application/pdf,image/jpeg,image/png" required />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="upload" className="button">
            Enregistrer le document
          </button>
        </div>
      </Form>
    </div>
  );
}
