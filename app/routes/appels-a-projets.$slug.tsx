import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getMemberships, getUser } from "~/accounts/auth.server";
import { getPublicCall } from "~/calls/reading.server";
import { dossiersOnCalls } from "~/dossiers/drafts.server";
import { resumeLabel } from "~/dossiers/start-or-resume";
import { parseRequiredAttachments } from "~/calls/required-attachments";
import { CALL_STATUS_LABELS } from "~/calls/call-status";
import { formatDateTime, formatEuros } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { documentKindLabel } from "~/documents/document-kinds";
import { pageTitle } from "~/lib/meta";
import { PublicCallSteering } from "~/steering/call-steering-section";
import { publicCallSteering } from "~/steering/call-steering.server";
import { CallIndicatorsList } from "~/steering/call-indicators-list";
import { listCallIndicators } from "~/steering/call-indicators.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `${data.call.title} – Appels à projets` : "Appel à projets introuvable") },
  { name: "description", content: data?.call.summary ?? "" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await getPublicCall(params.slug ?? "");
  if (!call) throw notFound("Cet appel à projets n'existe pas ou n'est pas publié.");
  const user = await getUser(request);
  const memberships = user ? await getMemberships(user.id) : [];
  const taxonomy = await getTaxonomy();
  const { body: _body, ...rest } = call;
  const validated = memberships.filter((m) => m.association.status === "validated");
  const onCall = await dossiersOnCalls(
    validated.map((m) => m.association.id),
    [call.id],
  );
  const [steering, indicators] = await Promise.all([publicCallSteering(call.id), listCallIndicators(call.id)]);
  return {
    steering,
    call: {
      ...rest,
      requiredAttachments: parseRequiredAttachments(call.requiredAttachments),
      fieldLabels: call.fields.map((f) => taxonomy.label("field", f.slug)),
    },
    indicators,
    signedIn: Boolean(user),
    associations: validated.map((m) => {
      const existing = onCall.get(`${m.association.id}:${call.id}`);
      return {
        id: m.association.id,
        name: m.association.name,
        existing: existing ? { id: existing.id, label: resumeLabel(existing) } : null,
      };
    }),
  };
}

export default function PublicCall() {
  const { call, signedIn, associations, steering, indicators } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/appels-a-projets">‹ Tous les appels à projets</Link>
      </p>
      <h1>{call.title}</h1>
      <p className="lead">{call.summary}</p>
      <dl className="definition-list">
        <dt>État</dt>
        <dd>
          {call.open
            ? "Ouvert aux candidatures"
            : call.effectiveStatus === "publie"
              ? "Pas encore ouvert"
              : CALL_STATUS_LABELS[call.effectiveStatus]}
        </dd>
        <dt>Ouverture</dt>
        <dd>{formatDateTime(call.opensAt)}</dd>
        <dt>Clôture</dt>
        <dd>{formatDateTime(call.closesAt)}</dd>
        <dt>Enveloppe totale</dt>
        <dd>{formatEuros(call.envelopeCents, { round: true })}</dd>
        <dt>Exercice budgétaire</dt>
        <dd>{call.financialYear}</dd>
        <dt>Montant par dossier</dt>
        <dd>
          de {formatEuros(call.minAmountCents, { round: true })} à {formatEuros(call.maxAmountCents, { round: true })}
        </dd>
        <dt>Champs d'intervention</dt>
        <dd>{call.fieldLabels.join(", ")}</dd>
        <dt>Pièces obligatoires</dt>
        <dd>{call.requiredAttachments.map(documentKindLabel).join(", ") || "aucune"}</dd>
      </dl>
      <PublicCallSteering steering={steering} />
      {call.open ? (
        <section className="card stack" aria-labelledby="deposer">
          <h2 id="deposer">Candidater</h2>
          {!signedIn ? (
            <p>
              <Link to={`/connexion?redirectTo=${encodeURIComponent(`/appels-a-projets/${call.slug}`)}`}>Connectez-vous</Link> avec le
              compte de votre association pour déposer un dossier.
            </p>
          ) : associations.length === 0 ? (
            <p>Seules les associations validées du réseau peuvent déposer un dossier.</p>
          ) : (
            associations.map((a) =>
              a.existing ? (
                <p key={a.id}>
                  <Link to={`/espace/associations/${a.id}/dossiers/${a.existing.id}`} className="button">
                    {associations.length > 1 ? `${a.existing.label} de ${a.name}` : a.existing.label}
                  </Link>
                </p>
              ) : (
                <Form key={a.id} method="post" action={`/espace/associations/${a.id}/dossiers/nouveau`}>
                  <input type="hidden" name="callId" value={call.id} />
                  <button type="submit" className="button">
                    {associations.length > 1 ? `Commencer un dossier pour ${a.name}` : "Commencer un dossier"}
                  </button>
                </Form>
              ),
            )
          )}
        </section>
      ) : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: call.html }} />
      <h2>Critères d'évaluation</h2>
      <ul>
        {call.criteria.map((c) => (
          <li key={c.id}>
            <strong>{c.label}</strong> ({c.weight} %){c.description ? ` – ${c.description}` : ""}
          </li>
        ))}
      </ul>
      <CallIndicatorsList indicators={indicators} />
    </div>
  );
}
