// Renders a dossier step from its declared fields, autosaves it while typing, and shows
// the project budget's live totals.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from "~/components/form";
import { formatEuros } from "~/lib/format";
import { budgetTotals, type StepDef } from "~/dossiers/schemas";

export function StepFields({ step, disabled }: { step: StepDef; disabled?: boolean }) {
  return (
    <fieldset disabled={disabled} className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="visually-hidden">{step.label}</legend>
      {step.fields.map((f) => (
        <div key={f.name}>
          {f.group ? <h2>{f.group}</h2> : null}
          {f.kind === "textarea" ? (
            <TextArea name={f.name} label={f.label} hint={f.hint} required={f.required} rows={4} />
          ) : f.kind === "select" ? (
            <SelectField name={f.name} label={f.label} hint={f.hint} required={f.required} options={f.options ?? []} />
          ) : f.kind === "multi" ? (
            <CheckboxGroup name={f.name} label={f.label} hint={f.hint} required={f.required} options={f.options ?? []} />
          ) : f.kind === "checkbox" ? (
            <Checkbox name={f.name} label={f.label} hint={f.hint} />
          ) : (
            <TextField
              name={f.name}
              label={f.kind === "money" ? `${f.label} (€)` : f.label}
              hint={f.hint}
              required={f.required}
              type={f.kind === "date" ? "date" : f.kind === "email" ? "email" : f.kind === "tel" ? "tel" : "text"}
              inputMode={f.kind === "money" || f.kind === "decimal" ? "decimal" : f.kind === "integer" ? "numeric" : undefined}
            />
          )}
        </div>
      ))}
    </fieldset>
  );
}

function formValues(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new FormData(form).entries()) if (typeof v === "string") out[k] = v;
  return out;
}

/** Saves the step as a draft a moment after the last keystroke (JavaScript only). */
export function Autosave({ delayMs = 800 }: { delayMs?: number }) {
  const fetcher = useFetcher<{ saved?: boolean; at?: string }>();
  const anchor = useRef<HTMLSpanElement>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const data = new FormData(form);
        data.set("intent", "autosave");
        fetcher.submit(data, { method: "post" });
      }, delayMs);
    };
    // A real save is on its way: a late draft must not overwrite it.
    const cancel = () => clearTimeout(timer);
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", cancel);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("submit", cancel);
      form.removeEventListener("input", schedule);
      form.removeEventListener("change", schedule);
    };
    // Listeners are attached once per form; `fetcher` changes identity on every render and is read when the timer fires.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [delayMs]);
  useEffect(() => {
    // Keeps the time of the last successful save even once a later answer carries none (fetcher.data alone would lose it).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (fetcher.state === "idle" && fetcher.data?.saved && fetcher.data.at) setSavedAt(fetcher.data.at);
  }, [fetcher.state, fetcher.data]);
  return (
    <span
      ref={anchor}
      className="muted small"
      role="status"
      aria-live="polite"
      data-autosave={fetcher.state === "idle" && savedAt ? "saved" : fetcher.state}
    >
      {fetcher.state !== "idle" ? "Enregistrement du brouillon…" : savedAt ? `Brouillon enregistré à ${savedAt}` : ""}
    </span>
  );
}

/** The project budget's totals as the user types. */
export function BudgetSummary({
  initial,
  minAmountCents,
  maxAmountCents,
}: {
  initial: Record<string, unknown>;
  minAmountCents: number;
  maxAmountCents: number;
}) {
  const anchor = useRef<HTMLElement>(null);
  const [values, setValues] = useState<Record<string, unknown>>(initial);
  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const update = () => setValues(formValues(form));
    update();
    form.addEventListener("input", update);
    return () => form.removeEventListener("input", update);
  }, []);
  const t = budgetTotals(values);
  const share = t.incomeCents ? Math.round((t.ccasCents / t.incomeCents) * 1000) / 10 : 0;
  const balanced = t.chargesCents === t.incomeCents;
  const inBounds = t.ccasCents >= minAmountCents && t.ccasCents <= maxAmountCents;
  return (
    <section ref={anchor} className="card stack" aria-labelledby="budget-totaux">
      <h2 id="budget-totaux">Totaux</h2>
      <dl className="definition-list">
        <dt>Total des charges</dt>
        <dd data-testid="total-charges">{formatEuros(t.chargesCents)}</dd>
        <dt>Total des produits</dt>
        <dd data-testid="total-produits">{formatEuros(t.incomeCents)}</dd>
        <dt>Équilibre</dt>
        <dd>{balanced ? "Budget équilibré" : `Écart de ${formatEuros(Math.abs(t.chargesCents - t.incomeCents))}`}</dd>
        <dt>Demandé au CCAS</dt>
        <dd data-testid="part-ccas">
          {formatEuros(t.ccasCents)}, soit {share.toLocaleString("fr-FR")} % des produits du projet
          {inBounds ? "" : ` (hors des bornes de l'appel : ${formatEuros(minAmountCents)} à ${formatEuros(maxAmountCents)})`}
        </dd>
      </dl>
    </section>
  );
}
