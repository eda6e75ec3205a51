// The association's side of a dossier's thread with the CCAS. The page works on its own
// (and shows where the dossier stands); the applicant's dossier page can embed
// <MessageThread> and post here with a redirectTo back to itself.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { MessageThread } from "~/review/message-thread";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatEuros } from "~/lib/format";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith } from "~/lib/forms.server";
import { safeRedirect } from "~/lib/http.server";
import { memberDossierPath, stateLabel } from "~/dossiers/dossier-states";
import { listMessagesForMember, postMemberMessage } from "~/review/messages.server";
import { CorrectionNotice } from "~/review/correction-notice";
import { getPendingCorrectionNotice } from "~/review/corrections.server";
import { messageSchema } from "~/review/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Messagerie du dossier ${data?.dossier.number ?? ""}`) },
];

// Wrapped at call time, never at module level: the browser build keeps module-level calls
// and has no forms.server.
export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId!);
  const thread = await listMessagesForMember(associationId, params.dossierId!);
  const correction = await getPendingCorrectionNotice(thread.dossier.id);
  return { associationId, ...thread, correction };
}

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

async function post({ request, params }: ActionFunctionArgs) {
  const access = await requireAssociationMember(request, params.associationId!);
  const values = formDataToObject(await request.formData());
  const parsed = parseWith(messageSchema, values);
  if (!parsed.ok) return invalid(parsed);
  const here = `/espace/associations/${access.associationId}/dossiers/${params.dossierId}/messages`;
  await postMemberMessage(access.associationId, params.dossierId!, access.user, parsed.data.body);
  const back = safeRedirect(values.redirectTo as string | undefined, here);
  return redirectWithFlash(back.startsWith(`/espace/associations/${access.associationId}/`) ? back : here, "Message envoyé au CCAS.");
}

export default function DossierMessages() {
  const { associationId, dossier, messages, correction } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <p>
        <Link to={memberDossierPath(associationId, dossier.id)}>‹ Le dossier</Link>
      </p>
      <h1>Dossier {dossier.number} : échanges avec le CCAS</h1>
      <p>
        État du dossier : <strong>{stateLabel(dossier.state)}</strong>
        {dossier.projectTitle ? ` – ${dossier.projectTitle}` : ""}
      </p>
      {correction ? <CorrectionNotice correction={correction} /> : null}
      {dossier.decidedAt ? (
        <div className={`alert ${dossier.state === "accepte" ? "alert-success" : "alert-warning"}`}>
          <h2 className="alert-title">Décision du CCAS : {stateLabel(dossier.state)}</h2>
          {dossier.state === "accepte" && dossier.proposedCents !== null ? (
            <p>Montant accordé : {formatEuros(dossier.proposedCents)}</p>
          ) : null}
          {dossier.decisionReason ? (
            <p style={{ whiteSpace: "pre-wrap" }}>
              {dossier.state === "accepte" ? dossier.decisionReason : `Motif : ${dossier.decisionReason}`}
            </p>
          ) : null}
        </div>
      ) : null}
      <MessageThread messages={messages} canWrite={dossier.state !== "brouillon"} />
    </div>
  );
}
