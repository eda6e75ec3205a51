// The attachments step of a dossier: upload a new document (kept in the association's
// documents), attach an existing one, remove one. A sibling of the step route's action.
import { redirect } from "@remix-run/node";
import { attachDocument, detachDocument } from "~/dossiers/attachments.server";
import { missingAttachmentKinds } from "~/dossiers/completeness.server";
import { assertEditable, isDossierRefusal } from "~/dossiers/refusals";
import { getDossierForMember, type MemberDossier } from "~/dossiers/reading.server";
import { setCurrentStep } from "~/dossiers/steps.server";
import type { AssociationAccess } from "~/accounts/auth.server";
import { parseRequiredAttachments } from "~/calls/required-attachments";
import { listAssociationDocuments } from "~/documents/document.server";
import { parseUploadForm, storeDocument } from "~/documents/storing.server";
import { formDataToObject, invalid, refusal, unknownIntent } from "~/lib/forms.server";
import { DOCUMENT_KIND_VALUES, type DocumentKind } from "~/dossiers/schemas";

export async function piecesLoaderData(associationId: string, dossier: MemberDossier) {
  const documents = await listAssociationDocuments(associationId);
  return {
    required: parseRequiredAttachments(dossier.call.requiredAttachments),
    missing: missingAttachmentKinds(dossier),
    attachments: dossier.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      documentId: a.document.id,
      label: a.document.label,
      originalName: a.document.originalName,
      size: a.document.size,
    })),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, label: d.label, originalName: d.originalName })),
  };
}

const isKind = (v: unknown): v is DocumentKind => typeof v === "string" && (DOCUMENT_KIND_VALUES as string[]).includes(v);

export async function handlePiecesAction(request: Request, access: AssociationAccess, dossierId: string) {
  const base = `/espace/associations/${access.associationId}/dossiers/${dossierId}`;
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  let formData: FormData;
  if (multipart) {
    const parsed = await parseUploadForm(request);
    if (!parsed.ok) return invalid({ errors: { file: parsed.message }, values: {}, formError: parsed.message }, 400);
    formData = parsed.formData;
  } else {
    formData = await request.formData();
  }
  const values = formDataToObject(formData);
  try {
    switch (values.intent) {
      case "upload": {
        if (!isKind(values.kind)) return invalid({ errors: { kind: "Choisissez le type de pièce." }, values });
        const file = formData.get("file");
        if (!(file instanceof File) || file.size === 0) return invalid({ errors: { file: "Choisissez un fichier à joindre." }, values });
        const dossier = await getDossierForMember(access.associationId, dossierId);
        assertEditable(dossier);
        const stored = await storeDocument({
          associationId: access.associationId,
          kind: values.kind,
          label: typeof values.label === "string" ? values.label : undefined,
          originalName: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
          actor: access.user,
        });
        if (!stored.ok) return invalid({ errors: { file: stored.message }, values, formError: stored.message }, stored.status);
        await attachDocument(access.associationId, dossierId, stored.document.id, values.kind);
        return redirect(`${base}/pieces`);
      }
      case "attach": {
        if (!isKind(values.kind) || typeof values.documentId !== "string" || !values.documentId) {
          return invalid({ errors: { documentId: "Choisissez un document et le type de pièce." }, values });
        }
        await attachDocument(access.associationId, dossierId, values.documentId, values.kind);
        return redirect(`${base}/pieces`);
      }
      case "detach": {
        await detachDocument(access.associationId, dossierId, String(values.attachmentId ?? ""));
        return redirect(`${base}/pieces`);
      }
      case "continue": {
        await getDossierForMember(access.associationId, dossierId);
        await setCurrentStep(access.associationId, dossierId, "declaration");
        return redirect(`${base}/declaration`);
      }
      default:
        return unknownIntent(values);
    }
  } catch (error) {
    if (isDossierRefusal(error)) return refusal(error, values);
    throw error;
  }
}
