import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { diffTexts } from "~/charter/diff";
import { getCurrentVersion, getDraft, listPublishedVersions, publishDraft, saveDraft } from "~/charter/versions.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { CharterDiff } from "~/charter/charter-diff";
import { Checkbox, isActionFailure, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { isDomainError } from "~/lib/domain-error";
import { domainAction, formDataToObject, invalid, parseWith } from "~/lib/forms.server";
import { charterDraftSchema, charterPublishSchema } from "~/charter/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Charte de l'action sociale – Administration") }];

const publishClientSchema = charterPublishSchema.omit({ draftId: true });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [draft, current, versions] = await Promise.all([getDraft(), getCurrentVersion(), listPublishedVersions()]);
  const source = draft ?? current;
  return {
    draft: draft ? { id: draft.id, createdAt: draft.createdAt, html: renderMarkdown(draft.body) } : null,
    diff:
      draft && current
        ? { from: current.version, parts: diffTexts(current.body, draft.body), titleParts: diffTexts(current.title, draft.title) }
        : null,
    defaults: {
      title: source?.title ?? "Charte municipale de l'action sociale",
      body: source?.body ?? "",
      changeNote: draft?.changeNote ?? "",
    },
    nextVersion: (current?.version ?? 0) + 1,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt,
      changeNote: v.changeNote,
      signatures: v._count.signatures,
    })),
  };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(act)(args);
}

async function act({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const values = formDataToObject(await request.formData());
  if (values.intent === "publish") {
    const parsed = parseWith(charterPublishSchema, values);
    if (!parsed.ok) return invalid(parsed);
    try {
      const published = await publishDraft(parsed.data.draftId, admin);
      if (!published.notified) return redirectWithFlash("/admin/charte", `La version ${published.version} était déjà publiée.`, "info");
      return redirectWithFlash(
        "/admin/charte",
        `Version ${published.version} publiée. ${published.notified.emails} représentant·e(s) de ${published.notified.associations} association(s) sont invité·es à la signer.`,
      );
    } catch (error) {
      if (isDomainError(error)) return invalid({ errors: {}, values, formError: error.message }, error.status);
      throw error;
    }
  }
  const parsed = parseWith(charterDraftSchema, values);
  if (!parsed.ok) return invalid(parsed);
  await saveDraft(parsed.data, admin);
  return redirectWithFlash("/admin/charte", "Brouillon enregistré. Relisez l'aperçu avant de le publier.");
}

export default function AdminCharter() {
  const { draft, diff, defaults, nextVersion, versions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failedIntent = isActionFailure(actionData) ? actionData.values.intent : undefined;
  // Each form shows only its own errors.
  const draftActionData = failedIntent === "publish" ? {} : actionData;
  const publishActionData = failedIntent === "publish" ? actionData : {};
  return (
    <div className="container page">
      <p>
        <Link to="/admin">‹ Administration</Link>
      </p>
      <h1>Charte de l'action sociale</h1>
      <p className="lead">
        Écrivez la prochaine version en brouillon, relisez-la, puis publiez-la. Une version publiée ne change plus : pour corriger la
        charte, publiez une nouvelle version. Chaque association devra alors la signer de nouveau.
      </p>

      <h2>{draft ? `Brouillon de la version ${nextVersion}` : `Préparer la version ${nextVersion}`}</h2>
      {draft ? <p className="muted">Brouillon commencé le {formatDateTime(draft.createdAt)}.</p> : null}
      <ValidatedForm
        schema={charterDraftSchema}
        method="post"
        defaultValues={defaults}
        actionData={draftActionData}
        key={draft?.id ?? "new"}
      >
        <TextField name="title" label="Titre" required />
        <TextArea
          name="body"
          label="Texte de la charte"
          rows={24}
          required
          hint="En Markdown : « ## » pour un titre de partie, « - » pour une liste, **gras**, *italique*. Le code HTML n'est pas interprété."
        />
        <TextField
          name="changeNote"
          label="Ce qui change dans cette version"
          hint="Une phrase, affichée dans l'historique public des versions."
        />
        <SubmitButton name="intent" value="save">
          Enregistrer le brouillon
        </SubmitButton>
      </ValidatedForm>

      {draft ? (
        <section className="form-section" aria-labelledby="preview-title">
          <h2 id="preview-title">Aperçu du brouillon</h2>
          <article className="prose card" dangerouslySetInnerHTML={{ __html: draft.html }} />
          {diff ? (
            <>
              <h2>Modifications par rapport à la version {diff.from}</h2>
              {diff.titleParts.some((p) => p.kind !== "same") ? (
                <CharterDiff parts={diff.titleParts} label="Modifications du titre" />
              ) : null}
              <CharterDiff parts={diff.parts} label={`Modifications par rapport à la version ${diff.from}`} />
            </>
          ) : null}
          <h2>Publier</h2>
          <ValidatedForm schema={publishClientSchema} method="post" actionData={publishActionData}>
            <input type="hidden" name="draftId" value={draft.id} />
            <Checkbox
              name="confirm"
              label={`Je publie ce brouillon comme version ${nextVersion} de la charte. Il ne pourra plus être modifié et les associations seront invitées à le signer.`}
            />
            <SubmitButton name="intent" value="publish">
              Publier la version {nextVersion}
            </SubmitButton>
          </ValidatedForm>
        </section>
      ) : null}

      <h2>Versions publiées</h2>
      {versions.length ? (
        <ul>
          {versions.map((v) => (
            <li key={v.id}>
              <Link to={`/charte/versions/${v.version}`}>Version {v.version}</Link> – publiée le {formatDate(v.publishedAt!)} –{" "}
              {v.signatures} signature(s){v.changeNote ? ` – ${v.changeNote}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune version publiée.</p>
      )}
      <p>
        <Link to="/instruction/charte">Suivre les signatures et relancer les associations</Link>
      </p>
    </div>
  );
}
