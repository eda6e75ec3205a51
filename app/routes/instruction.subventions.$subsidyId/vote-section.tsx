// The board's vote: date, deliberation, one amount or one per year for a CPO.
import { useLoaderData } from "@remix-run/react";
import { Checkbox, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { centsToInput } from "~/lib/format";
import { voteSchema } from "~/subsidies/schemas";
import { toDateInput } from "~/subsidies/subsidy-labels";
import { useFormFailure } from "./form-failure";
import type { loader } from "./route";

export function VoteSection() {
  const { subsidy: s, today } = useLoaderData<typeof loader>();
  const voteData = useFormFailure("vote");
  const voteDefaults: Record<string, unknown> = {
    decisionDate: s.decisionDate ? toDateInput(new Date(s.decisionDate)) : today,
    deliberationRef: s.deliberationRef ?? "",
    multiYear: s.multiYear,
  };
  const yearAmounts = s.years.length ? s.years.map((y) => y.amountCents) : [s.proposedCents];
  yearAmounts.forEach((a, i) => (voteDefaults[`amount_${i}`] = centsToInput(a)));
  return (
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
  );
}
