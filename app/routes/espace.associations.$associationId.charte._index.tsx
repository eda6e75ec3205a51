import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAssociationMember, requireRepresentative } from "~/accounts/auth.server";
import { getAssociationCharter, signCharter } from "~/charter/signatures.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { Checkbox, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { isDomainError } from "~/lib/domain-error";
import { clientIp, notFound } from "~/lib/http.server";
import { domainAction, invalid, parseForm } from "~/lib/forms.server";
import { charterSignSchema } from "~/charter/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Charte de l'action sociale – ${data?.association.name ?? "association"}`) },
];

const signClientSchema = charterSignSchema.omit({ versionId: true });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireAssociationMember(request, params.associationId ?? "");
  const charter = await getAssociationCharter(access.associationId);
  if (!charter.association) throw notFound();
  const { current } = charter;
  return {
    association: charter.association,
    current: current
      ? { id: current.id, version: current.version, title: current.title, sha256: current.sha256, publishedAt: current.publishedAt }
      : null,
    html: current ? renderMarkdown(current.body) : "",
    currentSignature: charter.currentSignature,
    signatures: charter.signatures,
    representatives: charter.representatives,
    isRepresentative: access.isRepresentative,
    me: { name: access.user.name, title: access.title },
  };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(act)(args);
}

async function act({ request, params }: ActionFunctionArgs) {
  const { associationId, user } = await requireRepresentative(request, params.associationId ?? "");
  const parsed = await parseForm(request, charterSignSchema);
  if (!parsed.ok) return invalid(parsed);
  try {
    const signed = await signCharter({
      associationId,
      userId: user.id,
      versionId: parsed.data.versionId,
      signerName: parsed.data.signerName,
      signerRole: parsed.data.signerRole,
      ip: clientIp(request),
      userAgent: request.headers.get("user-agent") ?? "inconnu",
    });
    return redirectWithFlash(
      `/espace/associations/${associationId}/charte`,
      signed.created
        ? `Charte signée (version ${signed.version}). L'association apparaît parmi les signataires${signed.sync === "synced" ? "" : " dans quelques instants"}.`
        : `La version ${signed.version} de la charte était déjà signée pour l'association.`,
    );
  } catch (error) {
    // Not the representative (403): the error page, as domainAction shows it.
    if (!isDomainError(error) || error.status === 403) throw error;
    const { commitment: _commitment, ...values } = parsed.data;
    return invalid({ errors: {}, values, formError: error.message }, error.status);
  }
}

export default function AssociationCharter() {
  const { association, current, html, currentSignature, signatures, representatives, isRepresentative, me } =
    useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Charte de l'action sociale – {association.name}</h1>
      {!current ? (
        <p>Aucune charte n'est publiée pour le moment. Vous serez prévenu·e par courriel dès sa publication.</p>
      ) : (
        <>
          {currentSignature ? (
            <div className="alert alert-success">
              <p>
                <strong>L'association a signé la version {current.version}</strong> le {formatDateTime(currentSignature.signedAt)} (heure de
                Paris), par {currentSignature.signerName} ({currentSignature.signerRole}).
              </p>
              <p>
                <a href={`/espace/associations/${association.id}/charte/attestation/${currentSignature.id}`} download>
                  Télécharger l'attestation de signature (PDF)
                </a>
              </p>
            </div>
          ) : (
            <div className="alert alert-warning">
              <p>
                <strong>La version {current.version} de la charte n'est pas encore signée pour l'association.</strong>{" "}
                {signatures.length
                  ? `L'association avait signé la version ${signatures[0].version.version} : une nouvelle signature est attendue.`
                  : null}
              </p>
            </div>
          )}
          <h2>
            {current.title} – version {current.version}
          </h2>
          <p className="small muted">
            <Link to="/charte/versions">Historique et modifications</Link> · Empreinte SHA-256 :{" "}
            <code style={{ overflowWrap: "anywhere" }}>{current.sha256}</code>
          </p>
          {/* Sanitised on the server (see renderMarkdown). */}
          <article className="prose card" dangerouslySetInnerHTML={{ __html: html }} />

          {currentSignature ? null : association.status !== "validated" ? (
            <p className="alert">L'association pourra signer la charte une fois son inscription validée par le CCAS.</p>
          ) : isRepresentative ? (
            <section className="form-section" aria-labelledby="sign-title">
              <h2 id="sign-title">Signer la version {current.version}</h2>
              <p>
                Vous signez au nom de l'association, en tant que représentant·e légal·e. Saisissez vos nom et fonction : ils figureront sur
                l'attestation de signature avec la date, l'heure et l'empreinte du texte signé.
              </p>
              <ValidatedForm schema={signClientSchema} method="post" key={current.id}>
                <input type="hidden" name="versionId" value={current.id} />
                <TextField name="signerName" label="Vos nom et prénom" required autoComplete="name" hint={`Compte : ${me.name}`} />
                <TextField
                  name="signerRole"
                  label="Votre fonction dans l'association"
                  required
                  autoComplete="organization-title"
                  hint={me.title ? `Fonction enregistrée : ${me.title}` : "Par exemple : Présidente, Trésorier"}
                />
                <Checkbox
                  name="commitment"
                  label={`J'ai lu la charte municipale de l'action sociale (version ${current.version}) et j'engage « ${association.name} » à en respecter les valeurs et les engagements.`}
                />
                <SubmitButton>Signer la charte au nom de l'association</SubmitButton>
              </ValidatedForm>
            </section>
          ) : (
            <div className="alert" role="note">
              <p>
                Seul·e le ou la représentant·e légal·e de l'association peut signer la charte :{" "}
                {representatives.length
                  ? representatives.map((r) => `${r.name}${r.title ? ` (${r.title})` : ""}`).join(", ")
                  : "aucun·e représentant·e n'est enregistré·e, contactez le CCAS"}
                .
              </p>
            </div>
          )}
        </>
      )}
      {signatures.length ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">Signatures de l'association</h2>
          <ul>
            {signatures.map((s) => (
              <li key={s.id}>
                Version {s.version.version} – {formatDateTime(s.signedAt)} – {s.signerName} ({s.signerRole}) –{" "}
                <a href={`/espace/associations/${association.id}/charte/attestation/${s.id}`} download>
                  attestation de la version {s.version.version} (PDF)
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
