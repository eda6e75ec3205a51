// The payment schedule (replaced but for what is paid) and a form per unpaid instalment.
import { useLoaderData } from "@remix-run/react";
import { SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { centsToInput, formatDate, formatEuros } from "~/lib/format";
import {
  INSTALMENT_KIND_LABELS,
  INSTALMENT_KINDS,
  MAX_INSTALMENTS,
  paymentSchema,
  scheduleSchema,
  type InstalmentKind,
} from "~/subsidies/schemas";
import { ScheduleTable } from "~/subsidies/subsidy-parts";
import { toDateInput } from "~/subsidies/subsidy-labels";
import { useFormFailure } from "./form-failure";
import type { loader } from "./route";

/** Shown once the subsidy is voted: the schedule shares out the voted amount. */
export function ScheduleSection() {
  const { subsidy: s, today } = useLoaderData<typeof loader>();
  const scheduleData = useFormFailure("schedule");
  const unpaid = s.instalments.filter((i) => !i.paidAt);
  const scheduleDefaults: Record<string, unknown> = {};
  unpaid.forEach((i, n) => {
    scheduleDefaults[`kind_${n}`] = i.kind;
    scheduleDefaults[`amount_${n}`] = centsToInput(i.amountCents);
    scheduleDefaults[`date_${n}`] = toDateInput(new Date(i.plannedDate));
  });
  const voted = s.votedCents;
  if (voted === null) return null;
  return (
    <section className="card stack" aria-labelledby="versements">
      <h2 id="versements">Échéancier et versements</h2>
      <ScheduleTable
        instalments={s.instalments}
        caption={`Échéancier – total prévu ${formatEuros(s.scheduledCents)} pour ${formatEuros(voted)} votés`}
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
  );
}

function PaymentForm({
  instalment: i,
  today,
}: {
  instalment: { id: string; kind: string; amountCents: number; plannedDate: string | Date };
  today: string;
}) {
  const data = useFormFailure("payment", { key: "instalmentId", value: i.id });
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
