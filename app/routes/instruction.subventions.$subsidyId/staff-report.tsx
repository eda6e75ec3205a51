// A compte rendu financier as staff read it: its content, its attachments, validate or send back.
import { Form, useActionData } from "@remix-run/react";
import { isActionFailure, SubmitButton, TextArea, ValidatedForm } from "~/components/form";
import { formatDate } from "~/lib/format";
import { correctionSchema, type ReportData } from "~/subsidies/schemas";
import { ReportContent, ReportStatusBadge } from "~/subsidies/subsidy-parts";
import { IndicatorResultsTable } from "~/steering/report-indicator-parts";
import type { ReportIndicator } from "~/steering/report-schema";
import type { action } from "./route";

export function StaffReport({
  report: r,
  subsidyId,
}: {
  report: {
    id: string;
    financialYear: number;
    dueDate: string | Date;
    status: string;
    overdue: boolean;
    submittedAt: string | Date | null;
    correctionMessage: string | null;
    data: Partial<ReportData>;
    indicators: ReportIndicator[];
    results: { indicatorId: string; value: number | null; comment: string }[];
  };
  subsidyId: string;
}) {
  const actionData = useActionData<typeof action>();
  const mine = isActionFailure(actionData) && actionData.values.reportId === r.id ? actionData : {};
  return (
    <article className="stack" aria-labelledby={`report-${r.id}`}>
      <h3 id={`report-${r.id}`}>Exercice {r.financialYear}</h3>
      <p>
        <ReportStatusBadge report={r} /> attendu au plus tard le {formatDate(r.dueDate)}
        {r.submittedAt ? `, transmis le ${formatDate(r.submittedAt)}` : ""}.
      </p>
      {r.correctionMessage ? <p>Correction demandée : {r.correctionMessage}</p> : null}
      <ReportContent data={r.data} />
      {r.status !== "a_fournir" ? <IndicatorResultsTable indicators={r.indicators} results={r.results} year={r.financialYear} /> : null}
      {r.data.attachmentIds?.length ? (
        <ul>
          {r.data.attachmentIds.map((id, n) => (
            <li key={id}>
              <a href={`/instruction/subventions/${subsidyId}/documents/${id}`}>Pièce jointe {n + 1}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {r.status === "soumis" ? (
        <>
          <Form method="post">
            <input type="hidden" name="intent" value="report_validate" />
            <input type="hidden" name="reportId" value={r.id} />
            <button type="submit" className="button">
              Valider le compte rendu {r.financialYear}
            </button>
          </Form>
          <ValidatedForm schema={correctionSchema} method="post" actionData={mine}>
            <input type="hidden" name="intent" value="report_correction" />
            <input type="hidden" name="reportId" value={r.id} />
            <TextArea name="message" label={`Corrections demandées (compte rendu ${r.financialYear})`} required rows={3} />
            <SubmitButton className="button button-secondary">Demander des corrections</SubmitButton>
          </ValidatedForm>
        </>
      ) : null}
    </article>
  );
}
