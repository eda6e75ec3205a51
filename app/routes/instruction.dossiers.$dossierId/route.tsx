// A dossier as CCAS staff instruct it: a summary on top, « Sur cette page », the decision panel,
// the scoring grid, what the association filed (folded), the association and its history,
// private notes, the thread and the history. A new section: its component in this folder, its
// data from its own server function (one call in the loader), one line in SECTIONS, one in the page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { isActionFailure } from "~/components/form";
import { domainAction, domainLoader, formDataToObject } from "~/lib/forms.server";
import { reloadAfterRefusedPost } from "~/lib/revalidate";
import { MessageThread } from "~/review/message-thread";
import { getDossierForReview } from "~/review/dossier-view.server";
import { getDossierRouting } from "~/review/dossier-routing.server";
import { listOpinionsForReview } from "~/review/opinions.server";
import { listDepositRecordsForStaff } from "~/dossiers/submission-records.server";
import { getDossierLabels } from "~/review/labels.server";
import { Annotations } from "./annotations";
import { getAssociationHistory } from "~/review/association-history.server";
import { getDeskSummary } from "~/review/desk-summary.server";
import { deskTexts } from "~/review/desk-texts";
import { AssociationSection } from "./association";
import { Attachments, DossierContents } from "./contents";
import { History } from "./history";
import { IndicatorTargets } from "./indicators";
import { DossierLabels } from "./labels";
import { InstructionPanel } from "./instruction-panel";
import { RoutingSection } from "./routing";
import { OpinionsSection } from "./opinions";
import { handleReviewIntent } from "./intents.server";
import { ScoringSection } from "./scoring";
import { SubmissionsSection } from "./submissions";
import { DossierSummary, PageNav } from "./summary";
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
  const dossierId = params.dossierId!;
  const [review, desk, associationHistory, routing, opinions, depositRecords, labels] = await Promise.all([
    getDossierForReview(user, dossierId),
    getDeskSummary(user, dossierId),
    getAssociationHistory(user, dossierId),
    getDossierRouting(user, dossierId),
    listOpinionsForReview(user, dossierId),
    listDepositRecordsForStaff(user, dossierId),
    getDossierLabels(user, dossierId),
  ]);
  return { ...review, desk, associationHistory, routing, opinions, depositRecords, labels };
}

/** « Sur cette page », in the page's order: one line per section (its element's id, its label). */
const SECTIONS: { id: string; label: string }[] = [
  { id: "decision", label: "Décision" },
  { id: "notation", label: "Notation" },
  { id: "dossier", label: "Dossier" },
  { id: "indicateurs", label: "Indicateurs et objectifs" },
  { id: "pieces", label: "Pièces jointes" },
  { id: "depots", label: "Dépôts et attestations" },
  { id: "avis", label: "Avis demandés" },
  { id: "etiquettes", label: "Étiquettes" },
  { id: "routage", label: "Routage et suivi" },
  { id: "association", label: "L'association" },
  { id: "annotations", label: "Annotations" },
  { id: "messagerie", label: "Messagerie" },
  { id: "historique", label: "Historique" },
];

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

async function post({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  return handleReviewIntent(user, params.dossierId!, formDataToObject(await request.formData()));
}

/** The forms always on the page; the others come and go with the dossier's state. */
const STANDING_FORMS = ["annotate", "message", "score", "conflict", "reassign", "opinion_request", "label_add", "label_remove"];

export default function ReviewDossier() {
  const data = useLoaderData<typeof loader>();
  const { dossier, scoreSummary } = data;
  const actionData = useActionData<typeof action>();
  const failure = isActionFailure(actionData) ? actionData : null;
  // Each form shows only its own server errors.
  const dataFor = (intent: string) => (failure && failure.values.intent === intent ? failure : {});
  const texts = deskTexts(dossier.state, { correctionPending: Boolean(data.desk.correction?.pending) });
  const { actions } = texts;
  // A refusal whose form is no longer on the page (the dossier moved on: a decision sent twice,
  // a second « Passer en instruction ») is shown at the top, never lost. (An unknown intent gets
  // the error page: unknownIntent throws.)
  const intent = String(failure?.values.intent ?? "");
  const formShown =
    (["accept", "refuse", "close"].includes(intent) && actions.decide) ||
    (intent === "correction" && actions.requestCorrection) ||
    STANDING_FORMS.includes(intent);
  const formError = failure && !formShown ? (failure.errors._form ?? Object.values(failure.errors)[0] ?? null) : null;
  const decisionEvent = [...data.history].reverse().find((h) => h.action === "decision") ?? null;

  return (
    <div className="container page desk-page">
      <DossierSummary
        dossier={dossier}
        average={scoreSummary.average}
        desk={data.desk}
        directorySlug={data.associationHistory.directorySlug}
        formError={formError}
      />
      <PageNav sections={SECTIONS} />
      <InstructionPanel dossier={dossier} texts={texts} decisionEvent={decisionEvent} dataFor={dataFor} />
      <ScoringSection
        scoreSummary={scoreSummary}
        criteria={dossier.call.criteria}
        myScores={data.myScores}
        me={data.me}
        conflicts={data.conflicts}
        scoring={texts.scoring}
        dataFor={dataFor}
      />
      <DossierContents
        sections={data.sections.filter((s) => s.key !== "indicateurs")}
        budget={data.budget}
        declarationSignedAt={dossier.declarationSignedAt}
        declarationSignerName={data.declarationSignerName}
      />
      <IndicatorTargets sections={data.sections} />
      <Attachments attachments={data.attachments} />
      <SubmissionsSection dossierId={dossier.id} records={data.depositRecords} />
      <OpinionsSection
        opinions={data.opinions}
        canAsk={dossier.state === "en_construction" || dossier.state === "en_instruction"}
        dataFor={dataFor}
      />
      <DossierLabels labels={data.labels} dataFor={dataFor} />
      <RoutingSection routing={data.routing} dataFor={dataFor} />
      <AssociationSection association={dossier.association} history={data.associationHistory} />
      <div className="desk-columns">
        <Annotations annotations={data.annotations} dataFor={dataFor} />
        <MessageThread messages={data.messages} side="staff" actionData={dataFor("message")} />
      </div>
      <History history={data.history} />
    </div>
  );
}
