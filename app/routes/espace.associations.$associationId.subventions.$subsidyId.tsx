import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { isActionFailure, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { ReportContent, ReportStatusBadge, ScheduleTable } from "~/subsidies/subsidy-parts";
import { redirectWithFlash } from "~/lib/flash.server";
import { centsToInput, formatDate, formatEuros } from "~/lib/format";
import { isDomainError } from "~/lib/domain-error";
import { domainAction, fieldError, formDataToObject, invalid, parseWith } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { REPORT_CHARGE_LINES, REPORT_INCOME_LINES, type ReportData } from "~/subsidies/schemas";
import { readUpload, type Upload } from "~/subsidies/subsidy-documents.server";
import { CONVENTION_STATUS_LABELS, SUBSIDY_STAGE_LABELS } from "~/subsidies/subsidy-labels";
import { getSubsidyForAssociation } from "~/subsidies/reading.server";
import { submitReport } from "~/subsidies/reports.server";
import { pageTitle } from "~/lib/meta";
import { useMemo } from "react";
import { getAgreement } from "~/steering/agreements.server";
import { AgreementView } from "~/steering/agreement-view";
import { indicatorsForReport, reportIndicatorsOf } from "~/steering/report-indicators.server";
import { IndicatorResultsTable, ReportIndicatorFields, resultDefaults } from "~/steering/report-indicator-parts";
import { reportSchemaFor, type ReportIndicator } from "~/steering/report-schema";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Subvention ${data?.subsidy.number ?? ""} – Mon espace`) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const s = await getSubsidyForAssociation(associationId, params.subsidyId ?? "");
  if (!s) throw notFound();
  const [steering, agreement] = await Promise.all([reportIndicatorsOf(s), s.multiYear ? getAgreement(s.id) : null]);
  return {
    associationId,
    agreement,
    subsidy: {
      id: s.id,
      number: s.number,
      purpose: s.purpose,
      dossier: s.dossier ? { id: s.dossier.id, number: s.dossier.number, callTitle: s.dossier.call.title } : null,
      financialYear: s.financialYear,
      multiYear: s.multiYear,
      votedCents: s.votedCents,
      decisionDate: s.decisionDate,
      deliberationRef: s.deliberationRef,
      paidCents: s.paidCents,
      stage: s.stage,
      years: s.years.map((y) => ({ year: y.year, amountCents: y.amountCents })),
      convention: s.convention
        ? { status: s.convention.status, signedAt: s.convention.signedAt, hasSigned: Boolean(s.convention.signedDocumentId) }
        : null,
      instalments: s.instalments.map((i) => ({
        id: i.id,
        kind: i.kind,
        amountCents: i.amountCents,
        plannedDate: i.plannedDate,
        paidAt: i.paidAt,
        paidCents: i.paidCents,
        flags: i.flags.filter((f) => f === "late"),
      })),
      reports: s.reports.map((r) => ({
        id: r.id,
        financialYear: r.financialYear,
        dueDate: r.dueDate,
        status: r.status,
        overdue: r.overdue,
        submittedAt: r.submittedAt,
        correctionMessage: r.correctionMessage,
        data: (r.data ?? {}) as Partial<ReportData>,
        indicators: steering.get(r.id)?.indicators ?? [],
        results: steering.get(r.id)?.results ?? [],
      })),
    },
  };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(act)(args);
}

async function act({ request, params }: ActionFunctionArgs) {
  const { associationId, user } = await requireAssociationMember(request, params.associationId ?? "");
  const s = await getSubsidyForAssociation(associationId, params.subsidyId ?? "");
  if (!s) throw notFound();
  const formData = await request.formData();
  const values = formDataToObject(formData);
  const reportId = String(values.reportId ?? "");
  const report = s.reports.find((r) => r.id === reportId);
  if (!report) throw notFound();
  const parsed = parseWith(reportSchemaFor(await indicatorsForReport(s, report)), values);
  if (!parsed.ok) return invalid(parsed);
  const files: Upload[] = [];
  for (const entry of formData.getAll("attachments")) {
    const upload = await readUpload(entry);
    if (upload) files.push(upload);
  }
  try {
    const { results, ...data } = parsed.data;
    const done = await submitReport(associationId, reportId, data, files, user, results);
    if (!done) throw notFound();
  } catch (error) {
    if (isDomainError(error)) return fieldError(error.field, error.message, values, error.status);
    throw error;
  }
  return redirectWithFlash(
    `/espace/associations/${associationId}/subventions/${s.id}`,
    "Votre compte rendu financier est transmis au CCAS. Merci !",
  );
}

export default function AssociationSubsidy() {
  const { associationId, subsidy: s, agreement } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const attachmentsError = isActionFailure(actionData) ? actionData.errors.attachments : undefined;
  return (
    <div className="container page stack">
      <p>
        <Link to={`/espace/associations/${associationId}/subventions`}>‹ Subventions du CCAS</Link>
      </p>
      <h1>
        Subvention {s.number} – {s.purpose}
      </h1>
      <p>
        <span className="badge">{SUBSIDY_STAGE_LABELS[s.stage]}</span>
      </p>
      <dl className="definition-list">
        {s.dossier ? (
          <>
            <dt>Dossier</dt>
            <dd>
              <Link to={`/espace/associations/${associationId}/dossiers/${s.dossier.id}`}>
                Dossier {s.dossier.number}, {s.dossier.callTitle}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>Exercice</dt>
        <dd>{s.multiYear ? s.years.map((y) => y.year).join(", ") : s.financialYear}</dd>
        <dt>Montant voté</dt>
        <dd>
          {s.votedCents === null
            ? "En attente du vote du conseil d'administration"
            : `${formatEuros(s.votedCents)}${s.multiYear ? ` (${s.years.map((y) => `${y.year} : ${formatEuros(y.amountCents)}`).join(", ")})` : ""} – délibération ${s.deliberationRef} du ${formatDate(s.decisionDate!)}`}
        </dd>
        <dt>Versé</dt>
        <dd>{formatEuros(s.paidCents)}</dd>
        <dt>Convention</dt>
        <dd>
          {s.convention ? (
            <>
              {CONVENTION_STATUS_LABELS[s.convention.status]}
              {s.convention.signedAt ? ` le ${formatDate(s.convention.signedAt)}` : ""}
              {s.convention.status !== "a_preparer" ? (
                <>
                  {" – "}
                  <a href={`/espace/associations/${associationId}/subventions/${s.id}/convention.pdf`}>
                    Télécharger la convention{s.convention.hasSigned ? " signée" : ""} (PDF)
                  </a>
                </>
              ) : null}
            </>
          ) : (
            "Aucune convention (montant annuel jusqu'à 23 000 €)"
          )}
        </dd>
      </dl>

      <section aria-labelledby="versements">
        <h2 id="versements">Échéancier et versements</h2>
        <ScheduleTable instalments={s.instalments} caption="Versements prévus et effectués" />
      </section>

      {s.reports.length ? (
        <section aria-labelledby="comptes-rendus" className="stack">
          <h2 id="comptes-rendus">Comptes rendus financiers</h2>
          <p className="small muted">Le compte rendu financier (Cerfa n° 15059) est dû dans les six mois suivant la fin de l'exercice.</p>
          {s.reports.map((r) => (
            <article key={r.id} className="card stack" aria-labelledby={`r-${r.id}`}>
              <h3 id={`r-${r.id}`}>Exercice {r.financialYear}</h3>
              <p>
                <ReportStatusBadge report={r} /> à transmettre au plus tard le {formatDate(r.dueDate)}
              </p>
              {r.status === "a_corriger" && r.correctionMessage ? (
                <div className="alert alert-warning">Le CCAS demande des corrections : {r.correctionMessage}</div>
              ) : null}
              {r.status === "a_fournir" || r.status === "a_corriger" ? (
                <ReportForm
                  reportId={r.id}
                  year={r.financialYear}
                  previous={r.data}
                  indicators={r.indicators}
                  results={r.results}
                  attachmentsError={attachmentsError}
                />
              ) : (
                <>
                  <ReportContent data={r.data} />
                  <IndicatorResultsTable indicators={r.indicators} results={r.results} year={r.financialYear} />
                </>
              )}
            </article>
          ))}
        </section>
      ) : null}
      {s.multiYear && agreement ? (
        <AgreementView years={s.years.map((y) => y.year)} objectives={agreement.objectives} meetings={agreement.meetings} />
      ) : null}
    </div>
  );
}

function ReportForm({
  reportId,
  year,
  previous,
  indicators,
  results,
  attachmentsError,
}: {
  reportId: string;
  year: number;
  previous: Partial<ReportData>;
  indicators: ReportIndicator[];
  results: { indicatorId: string; value: number | null; comment: string }[];
  attachmentsError?: string;
}) {
  const schema = useMemo(() => reportSchemaFor(indicators), [indicators]);
  const defaults: Record<string, unknown> = {
    qualitative: previous.qualitative ?? "",
    gapExplanation: previous.gapExplanation ?? "",
    ...resultDefaults(results),
  };
  for (const l of previous.charges ?? []) {
    defaults[`planned_c${l.code}`] = centsToInput(l.plannedCents);
    defaults[`actual_c${l.code}`] = centsToInput(l.actualCents);
  }
  for (const l of previous.income ?? []) {
    defaults[`planned_p${l.code}`] = centsToInput(l.plannedCents);
    defaults[`actual_p${l.code}`] = centsToInput(l.actualCents);
  }
  const lines = (prefix: "c" | "p", items: readonly { code: string; label: string }[]) =>
    items.map((l) => (
      <fieldset key={l.code} className="fieldset">
        <legend>{l.label}</legend>
        <div className="form-grid">
          <TextField name={`planned_${prefix}${l.code}`} label={`${l.label} – prévu`} inputMode="decimal" />
          <TextField name={`actual_${prefix}${l.code}`} label={`${l.label} – réalisé`} inputMode="decimal" />
        </div>
      </fieldset>
    ));
  return (
    <ValidatedForm schema={schema} method="post" encType="multipart/form-data" defaultValues={defaults}>
      <input type="hidden" name="reportId" value={reportId} />
      <h4>Charges de l'action (en euros)</h4>
      {lines("c", REPORT_CHARGE_LINES)}
      <h4>Produits de l'action (en euros)</h4>
      {lines("p", REPORT_INCOME_LINES)}
      <ReportIndicatorFields indicators={indicators} />
      <TextArea
        name="qualitative"
        label="Bilan qualitatif de l'action"
        required
        hint="Actions menées, publics touchés, résultats au regard des objectifs."
      />
      <TextArea name="gapExplanation" label="Explication des écarts entre le prévu et le réalisé" rows={3} />
      <div className={`field ${attachmentsError ? "field-invalid" : ""}`}>
        <label htmlFor={`attachments-${reportId}`} className="field-label">
          Pièces jointes <span className="optional">(facultatif : PDF, PNG, JPEG ou XLSX)</span>
        </label>
        <input
          id={`attachments-${reportId}`}
          type="file"
          name="attachments"
          multiple
          aria-invalid={attachmentsError ? true : undefined}
          aria-describedby={attachmentsError ? `attachments-${reportId}-error` : undefined}
        />
        {attachmentsError ? (
          <p className="field-error" id={`attachments-${reportId}-error`}>
            {attachmentsError}
          </p>
        ) : null}
      </div>
      <SubmitButton>{`Transmettre le compte rendu financier ${year}`}</SubmitButton>
    </ValidatedForm>
  );
}
