import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { Checkbox, isActionFailure, SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { ReportContent, ScheduleTable } from "~/subsidies/subsidy-parts";
import { centsToInput, formatDate, formatEuros } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { labelOf } from "~/associations/taxonomy";
import {
  conventionSignedSchema,
  correctionSchema,
  INSTALMENT_KIND_LABELS,
  INSTALMENT_KINDS,
  MAX_INSTALMENTS,
  paymentSchema,
  scheduleSchema,
  voteSchema,
  type InstalmentKind,
  type ReportData,
} from "~/subsidies/schemas";
import { handleStaffSubsidyAction } from "./actions.server";
import { CONVENTION_STATUS_LABELS, REPORT_STATUS_LABELS, SUBSIDY_STAGE_LABELS, toDateInput } from "~/subsidies/subsidy-labels";
import { getSubsidyForStaff } from "~/subsidies/reading.server";
import { reloadAfterRefusedPost } from "~/lib/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Subvention ${data?.subsidy.number ?? ""} – Instruction – CCAS de Besançon` },
];

export const shouldRevalidate = reloadAfterRefusedPost;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const s = await getSubsidyForStaff(params.subsidyId ?? "");
  if (!s) throw notFound("Cette subvention n'existe pas.");
  return {
    subsidy: {
      ...s,
      reports: s.reports.map((r) => ({ ...r, data: JSON.parse(r.data || "{}") as Partial<ReportData> })),
      years: s.years.map((y) => ({ year: y.year, amountCents: y.amountCents })),
    },
    today: toDateInput(new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const s = await getSubsidyForStaff(params.subsidyId ?? "");
  if (!s) throw notFound("Cette subvention n'existe pas.");
  return handleStaffSubsidyAction(request, s.id, user);
}

/** Errors belong to the form that was sent: other forms on the page stay clean. */
function useFormData(intent: string, extra?: { key: string; value: string }) {
  const actionData = useActionData<typeof action>();
  if (!isActionFailure(actionData)) return {};
  if (actionData.values.intent !== intent) return {};
  if (extra && actionData.values[extra.key] !== extra.value) return {};
  return actionData;
}

export default function StaffSubsidy() {
  const { subsidy: s, today } = useLoaderData<typeof loader>();
  const voteData = useFormData("vote");
  const scheduleData = useFormData("schedule");
  const signedData = useFormData("convention_signed");
  const fileError = isActionFailure(signedData) ? signedData.errors.file : undefined;
  const generic = useActionData<typeof action>();
  const unpaid = s.instalments.filter((i) => !i.paidAt);
  // A form still on the page shows its messages beside its fields; anything else is said here,
  // including the refusal of a form that is gone (a payment recorded twice: its instalment is paid).
  const genericError =
    isActionFailure(generic) && !formStillShown(s, generic.values)
      ? Object.values(generic.errors).join(" ") || "La demande n'a pas pu être traitée."
      : null;
  const voteDefaults: Record<string, unknown> = {
    decisionDate: s.decisionDate ? toDateInput(new Date(s.decisionDate)) : today,
    deliberationRef: s.deliberationRef ?? "",
    multiYear: s.multiYear,
  };
  const yearAmounts = s.years.length ? s.years.map((y) => y.amountCents) : [s.proposedCents];
  yearAmounts.forEach((a, i) => (voteDefaults[`amount_${i}`] = centsToInput(a)));
  const scheduleDefaults: Record<string, unknown> = {};
  unpaid.forEach((i, n) => {
    scheduleDefaults[`kind_${n}`] = i.kind;
    scheduleDefaults[`amount_${n}`] = centsToInput(i.amountCents);
    scheduleDefaults[`date_${n}`] = toDateInput(new Date(i.plannedDate));
  });

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
          {s.association.name} – SIRET {s.association.siret ?? "non renseigné"} – {labelOf("district", s.association.district)}
        </dd>
        <dt>Origine</dt>
        <dd>{s.dossier ? `Dossier ${s.dossier.number}, ${s.dossier.call.title}` : "Hors appel à projets"}</dd>
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

      <section className="card stack" aria-labelledby="vote">
        <h2 id="vote">Vote du conseil d'administration</h2>
        <ValidatedForm schema={voteSchema} method="post" defaultValues={voteDefaults} actionData={voteData} key={`vote-${s.updatedAt}`}>
          <input type="hidden" name="intent" value="vote" />
          <div className="form-grid">
            <TextField name="decisionDate" label="Date de la décision" type="date" required />
            <TextField name="deliberationRef" label="Référence de la délibération" required hint="Par exemple CA-2026-014." />
          </div>
          <Checkbox name="multiYear" label="Convention pluriannuelle d'objectifs (CPO, 2 à 4 ans) : un montant par année" />
          <div className="form-grid">
            <TextField
              name="amount_0"
              label={`Montant voté ${s.financialYear}`}
              inputMode="decimal"
              required
              hint="En euros, par exemple 12 500."
            />
            <TextField name="amount_1" label={`Montant ${s.financialYear + 1} (CPO)`} inputMode="decimal" />
            <TextField name="amount_2" label={`Montant ${s.financialYear + 2} (CPO)`} inputMode="decimal" />
            <TextField name="amount_3" label={`Montant ${s.financialYear + 3} (CPO)`} inputMode="decimal" />
          </div>
          <p className="small muted">
            Au-delà de 23 000 € pour une année, une convention est obligatoire avant tout versement (loi n° 2000-321, art. 10).
          </p>
          <SubmitButton>Enregistrer le vote</SubmitButton>
        </ValidatedForm>
      </section>

      {s.votedCents !== null ? (
        <section className="card stack" aria-labelledby="convention">
          <h2 id="convention">Convention</h2>
          {!s.convention ? (
            <>
              <p>Pas de convention : le montant annuel ne dépasse pas 23 000 €.</p>
              <Form method="post">
                <input type="hidden" name="intent" value="open_convention" />
                <button type="submit" className="button button-secondary">
                  Établir une convention quand même
                </button>
              </Form>
            </>
          ) : (
            <>
              <p>
                État : <strong data-testid="convention-status">{CONVENTION_STATUS_LABELS[s.convention.status]}</strong>
                {s.convention.sentAt ? ` – envoyée le ${formatDate(s.convention.sentAt)}` : ""}
                {s.convention.signedAt ? ` – signée le ${formatDate(s.convention.signedAt)}` : ""}
                {s.conventionRequired ? " (obligatoire : plus de 23 000 € pour une année)" : ""}
              </p>
              {s.paymentBlocked ? (
                <div className="alert alert-warning">Aucun versement n'est possible avant la signature de la convention.</div>
              ) : null}
              <p className="actions">
                <a href={`/instruction/subventions/${s.id}/convention.pdf`} download>
                  Télécharger la convention à signer (PDF)
                </a>
                {s.convention.signedDocumentId ? (
                  <a href={`/instruction/subventions/${s.id}/documents/${s.convention.signedDocumentId}`}>
                    Télécharger la convention signée
                  </a>
                ) : null}
              </p>
              {s.convention.status === "a_preparer" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="convention_sent" />
                  <button type="submit" className="button">
                    Marquer la convention comme envoyée
                  </button>
                </Form>
              ) : null}
              {s.convention.status === "envoyee" ? (
                <ValidatedForm
                  schema={conventionSignedSchema}
                  method="post"
                  encType="multipart/form-data"
                  defaultValues={{ signedAt: today }}
                  actionData={signedData}
                >
                  <input type="hidden" name="intent" value="convention_signed" />
                  <TextField name="signedAt" label="Date de signature" type="date" required />
                  <div className={`field ${fileError ? "field-invalid" : ""}`}>
                    <label htmlFor="signed-file" className="field-label">
                      Convention signée (PDF)
                    </label>
                    <input
                      id="signed-file"
                      type="file"
                      name="file"
                      accept="application/pdf"
                      aria-invalid={fileError ? true : undefined}
                      aria-describedby={fileError ? "signed-file-error" : undefined}
                    />
                    {fileError ? (
                      <p className="field-error" id="signed-file-error">
                        {fileError}
                      </p>
                    ) : null}
                  </div>
                  <SubmitButton>Enregistrer la convention signée</SubmitButton>
                </ValidatedForm>
              ) : null}
            </>
          )}
        </section>
      ) : null}

      {s.votedCents !== null ? (
        <section className="card stack" aria-labelledby="versements">
          <h2 id="versements">Échéancier et versements</h2>
          <ScheduleTable
            instalments={s.instalments}
            caption={`Échéancier – total prévu ${formatEuros(s.scheduledCents)} pour ${formatEuros(s.votedCents)} votés`}
          />
          {unpaid.map((i) => (
            <PaymentForm key={i.id} instalment={i} today={today} />
          ))}
          <h3>Modifier l'échéancier</h3>
          <p className="small muted">
            Les versements non encore effectués sont remplacés. Le total, versements effectués compris, doit être égal au montant voté.
          </p>
          <ValidatedForm
            schema={scheduleSchema}
            method="post"
            defaultValues={scheduleDefaults}
            actionData={scheduleData}
            key={`schedule-${s.updatedAt}-${s.instalments.length}`}
          >
            <input type="hidden" name="intent" value="schedule" />
            {Array.from({ length: MAX_INSTALMENTS }, (_, n) => (
              <fieldset className="fieldset" key={n}>
                <legend>Versement {n + 1}</legend>
                <div className="form-grid">
                  <SelectField
                    name={`kind_${n}`}
                    label={`Type du versement ${n + 1}`}
                    options={INSTALMENT_KINDS.map((k) => ({ value: k, label: INSTALMENT_KIND_LABELS[k] }))}
                  />
                  <TextField name={`amount_${n}`} label={`Montant du versement ${n + 1}`} inputMode="decimal" />
                  <TextField name={`date_${n}`} label={`Date prévue du versement ${n + 1}`} type="date" />
                </div>
              </fieldset>
            ))}
            <SubmitButton>Enregistrer l'échéancier</SubmitButton>
          </ValidatedForm>
        </section>
      ) : null}

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

/** Whether the page, as the loader now sees the subsidy, still renders the form that was sent. */
function formStillShown(
  s: {
    votedCents: number | null;
    convention: { status: string } | null;
    instalments: { id: string; paidAt: string | Date | null }[];
    reports: { id: string; status: string }[];
  },
  values: Record<string, unknown>,
): boolean {
  switch (values.intent) {
    case "vote":
      return true;
    case "schedule":
      return s.votedCents !== null;
    case "convention_signed":
      return s.votedCents !== null && s.convention?.status === "envoyee";
    case "payment":
      return s.votedCents !== null && s.instalments.some((i) => !i.paidAt && i.id === values.instalmentId);
    case "report_correction":
      return s.reports.some((r) => r.status === "soumis" && r.id === values.reportId);
    default:
      // Buttons without fields (convention, report validation) and unknown intents.
      return false;
  }
}

function PaymentForm({
  instalment: i,
  today,
}: {
  instalment: { id: string; kind: string; amountCents: number; plannedDate: string | Date };
  today: string;
}) {
  const actionData = useActionData<typeof action>();
  const data =
    isActionFailure(actionData) && actionData.values.intent === "payment" && actionData.values.instalmentId === i.id ? actionData : {};
  const label = INSTALMENT_KIND_LABELS[i.kind as InstalmentKind] ?? i.kind;
  return (
    <ValidatedForm
      schema={paymentSchema}
      method="post"
      defaultValues={{ instalmentId: i.id, paidAt: today, amount: centsToInput(i.amountCents) }}
      actionData={data}
      aria-label={`${label} du ${formatDate(i.plannedDate)}`}
    >
      <input type="hidden" name="intent" value="payment" />
      <input type="hidden" name="instalmentId" value={i.id} />
      <fieldset className="fieldset">
        <legend>
          {label} prévu le {formatDate(i.plannedDate)} ({formatEuros(i.amountCents)})
        </legend>
        <div className="form-grid">
          <TextField name="paidAt" label={`Date du versement (${label.toLowerCase()})`} type="date" required />
          <TextField name="amount" label={`Montant versé (${label.toLowerCase()})`} inputMode="decimal" required />
        </div>
        <SubmitButton className="button button-secondary">{`Enregistrer ce versement (${label.toLowerCase()})`}</SubmitButton>
      </fieldset>
    </ValidatedForm>
  );
}

function StaffReport({
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
  };
  subsidyId: string;
}) {
  const actionData = useActionData<typeof action>();
  const mine = isActionFailure(actionData) && actionData.values.reportId === r.id ? actionData : {};
  return (
    <article className="stack" aria-labelledby={`report-${r.id}`}>
      <h3 id={`report-${r.id}`}>Exercice {r.financialYear}</h3>
      <p>
        <span
          className={r.overdue ? "badge badge-red" : r.status === "valide" ? "badge badge-green" : "badge"}
          data-testid={`report-status-${r.financialYear}`}
        >
          {REPORT_STATUS_LABELS[r.status]}
          {r.overdue ? " – en retard" : ""}
        </span>{" "}
        attendu au plus tard le {formatDate(r.dueDate)}
        {r.submittedAt ? `, transmis le ${formatDate(r.submittedAt)}` : ""}.
      </p>
      {r.correctionMessage ? <p>Correction demandée : {r.correctionMessage}</p> : null}
      <ReportContent data={r.data} />
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
