// A dossier as CCAS staff instruct it: where it stands, the instruction and decision forms,
// the scoring grid, what the association filed, private notes, the thread and the history.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { isActionFailure } from "~/components/form";
import { domainAction, domainLoader, formDataToObject } from "~/lib/forms.server";
import { reloadAfterRefusedPost } from "~/lib/revalidate";
import { MessageThread } from "~/review/message-thread";
import { getDossierForReview } from "~/review/dossier-view.server";
import { getDossierLabels } from "~/review/labels.server";
import { Annotations } from "./annotations";
import { AssociationIdentity, Attachments, DossierContents } from "./contents";
import { History } from "./history";
import { DossierLabels } from "./labels";
import { InstructionPanel } from "./instruction-panel";
import { handleReviewIntent } from "./intents.server";
import { ScoringSection } from "./scoring";
import { DossierSummary } from "./summary";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Dossier ${data?.dossier.number ?? ""} – Instruction`) },
];

export const shouldRevalidate = reloadAfterRefusedPost;

// Wrapped at call time, never at module level: the browser build keeps module-level calls
// and has no forms.server.
export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  return { ...(await getDossierForReview(user, params.dossierId!)), labels: await getDossierLabels(user, params.dossierId!) };
}

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

async function post({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  return handleReviewIntent(user, params.dossierId!, formDataToObject(await request.formData()));
}

/** The forms always on the page; the others come and go with the dossier's state. */
const STANDING_FORMS = ["annotate", "message", "score", "conflict", "label_add", "label_remove"];

export default function ReviewDossier() {
  const data = useLoaderData<typeof loader>();
  const { dossier, scoreSummary } = data;
  const actionData = useActionData<typeof action>();
  const failure = isActionFailure(actionData) ? actionData : null;
  // Each form shows only its own server errors.
  const dataFor = (intent: string) => (failure && failure.values.intent === intent ? failure : {});
  const canDecide = dossier.state === "en_instruction";
  const canSendBack = dossier.state === "en_instruction" || dossier.state === "en_construction";
  // A refusal whose form is no longer on the page (the dossier moved on: a decision sent twice,
  // a second « Passer en instruction ») is shown at the top, never lost. (An unknown intent gets
  // the error page: unknownIntent throws.)
  const intent = String(failure?.values.intent ?? "");
  const formShown =
    (["accept", "refuse", "close"].includes(intent) && canDecide) ||
    (intent === "correction" && canSendBack) ||
    STANDING_FORMS.includes(intent);
  const formError = failure && !formShown ? (failure.errors._form ?? Object.values(failure.errors)[0] ?? null) : null;

  return (
    <div className="container page">
      <DossierSummary dossier={dossier} average={scoreSummary.average} formError={formError} />
      <InstructionPanel dossier={dossier} canDecide={canDecide} canSendBack={canSendBack} dataFor={dataFor} />
      <ScoringSection
        scoreSummary={scoreSummary}
        criteria={dossier.call.criteria}
        myScores={data.myScores}
        me={data.me}
        conflicts={data.conflicts}
        dataFor={dataFor}
      />
      <AssociationIdentity association={dossier.association} />
      <DossierContents
        sections={data.sections}
        budget={data.budget}
        declarationSignedAt={dossier.declarationSignedAt}
        declarationSignerName={data.declarationSignerName}
      />
      <Attachments attachments={data.attachments} />
      <DossierLabels labels={data.labels} dataFor={dataFor} />
      <Annotations annotations={data.annotations} dataFor={dataFor} />
      <MessageThread messages={data.messages} side="staff" actionData={dataFor("message")} />
      <History history={data.history} />
    </div>
  );
}
