import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { getTaxonomy } from "~/settings/taxonomy.server";
import { formatDate, formatEuros } from "~/lib/format";
import { domainAction } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { reloadAfterRefusedPost } from "~/lib/revalidate";
import type { ReportData } from "~/subsidies/schemas";
import { getSubsidyForStaff } from "~/subsidies/reading.server";
import { SUBSIDY_STAGE_LABELS, toDateInput } from "~/subsidies/subsidy-labels";
import { handleStaffSubsidyAction } from "./actions.server";
import { ConventionSection } from "./convention-section";
import { usePageRefusal } from "./form-failure";
import { ScheduleSection } from "./schedule-section";
import { StaffReport } from "./staff-report";
import { AttachmentSection } from "./attachment-section";
import { getSubsidyAttachment } from "~/steering/subsidy-attachment.server";
import { VoteSection } from "./vote-section";
import { pageTitle } from "~/lib/meta";
import { getAgreement } from "~/steering/agreements.server";
import { listSubsidyIndicators, reportIndicatorsOf } from "~/steering/report-indicators.server";
import { SteeringSections } from "./steering-sections";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Subvention ${data?.subsidy.number ?? ""} – Instruction`) },
];

export const shouldRevalidate = reloadAfterRefusedPost;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [s, taxonomy] = await Promise.all([getSubsidyForStaff(params.subsidyId ?? ""), getTaxonomy()]);
  if (!s) throw notFound("Cette subvention n'existe pas.");
  const [steering, indicators, agreement] = await Promise.all([
    reportIndicatorsOf(s),
    listSubsidyIndicators(s),
    s.multiYear ? getAgreement(s.id) : null,
  ]);
  return {
    steering: { indicators, agreement },
    subsidy: {
      ...s,
      association: { ...s.association, districtLabel: taxonomy.label("district", s.association.district) },
      reports: s.reports.map((r) => ({
        ...r,
        data: (r.data ?? {}) as Partial<ReportData>,
        indicators: steering.get(r.id)?.indicators ?? [],
        results: steering.get(r.id)?.results ?? [],
      })),
      years: s.years.map((y) => ({ year: y.year, amountCents: y.amountCents })),
    },
    today: toDateInput(new Date()),
    attachment: await getSubsidyAttachment(s),
  };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(act)(args);
}

async function act({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const s = await getSubsidyForStaff(params.subsidyId ?? "");
  if (!s) throw notFound("Cette subvention n'existe pas.");
  return handleStaffSubsidyAction(request, s.id, user);
}

export default function StaffSubsidy() {
  const { subsidy: s } = useLoaderData<typeof loader>();
  const genericError = usePageRefusal(s);

  return (
    <div className="container page stack">
      <p>
        <Link to="/instruction/subventions">‹ Subventions</Link>
      </p>
      <h1>
        Subvention {s.number} – {s.association.name}
      </h1>
      <p>
        <span className="badge">{SUBSIDY_STAGE_LABELS[s.stage]}</span>
      </p>
      {genericError ? (
        <div className="alert alert-error" role="alert">
          {genericError}
        </div>
      ) : null}
      <dl className="definition-list">
        <dt>Objet</dt>
        <dd>{s.purpose}</dd>
        <dt>Association</dt>
        <dd>
          {s.association.name} – SIRET {s.association.siret ?? "non renseigné"} – {s.association.districtLabel}
        </dd>
        <dt>Origine</dt>
        <dd>
          {s.dossier ? (
            <Link to={`/instruction/dossiers/${s.dossier.id}`}>
              Dossier {s.dossier.number}, {s.dossier.call.title}
            </Link>
          ) : (
            "Hors appel à projets"
          )}
        </dd>
        <dt>Exercice</dt>
        <dd>{s.financialYear}</dd>
        <dt>Demandé / proposé</dt>
        <dd>
          {formatEuros(s.requestedCents)} / {formatEuros(s.proposedCents)}
        </dd>
        <dt>Voté</dt>
        <dd data-testid="voted">
          {s.votedCents === null
            ? "Pas encore voté"
            : `${formatEuros(s.votedCents)} – délibération ${s.deliberationRef} du ${formatDate(s.decisionDate!)}${s.multiYear ? ` (CPO : ${s.years.map((y) => `${y.year} : ${formatEuros(y.amountCents)}`).join(", ")})` : ""}`}
        </dd>
        <dt>Versé</dt>
        <dd data-testid="paid">{formatEuros(s.paidCents)}</dd>
      </dl>

      <AttachmentSection />
      <VoteSection />
      {s.votedCents !== null ? <ConventionSection /> : null}
      {s.votedCents !== null ? <ScheduleSection /> : null}
      <SteeringSections />

      {s.reports.length ? (
        <section className="card stack" aria-labelledby="comptes-rendus">
          <h2 id="comptes-rendus">Comptes rendus financiers</h2>
          {s.reports.map((r) => (
            <StaffReport key={r.id} report={r} subsidyId={s.id} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
