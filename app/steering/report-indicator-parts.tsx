// The indicators in a compte rendu financier: the inputs of the association's form, and the table
// both sides read afterwards (target, achieved, gap, comment).
import { TextArea, TextField } from "~/components/form";
import { formatIndicatorValue, INDICATOR_KIND_LABELS, indicatorUnit } from "~/steering/indicators";
import { commentField, valueField, type ReportIndicator } from "~/steering/report-schema";

type Result = { indicatorId: string; value: number | null; comment: string };

/** The section « Indicateurs : valeurs atteintes » of the report form (inside its ValidatedForm). */
export function ReportIndicatorFields({ indicators }: { indicators: ReportIndicator[] }) {
  if (indicators.length === 0) return null;
  return (
    <>
      <h4>Indicateurs : valeurs atteintes</h4>
      <p className="small muted">
        Pour chaque indicateur du projet, indiquez la valeur atteinte sur l'exercice. Elle est obligatoire quand un objectif avait été fixé.
      </p>
      {indicators.map((i) => (
        <fieldset key={i.id} className="fieldset">
          <legend>{i.name}</legend>
          <p className="small">
            {INDICATOR_KIND_LABELS[i.kind]} – objectif : {i.target === null ? "aucun" : formatIndicatorValue(i.target, i.unit)}
            {i.description ? ` – ${i.description}` : ""}
          </p>
          <div className="form-grid">
            <TextField
              name={valueField(i.id)}
              label={`Valeur atteinte – ${i.name}`}
              inputMode="decimal"
              required={i.required}
              hint={`En ${indicatorUnit(i.unit)?.label ?? i.unit}, par exemple 120 ou 12,5.`}
            />
          </div>
          <TextArea name={commentField(i.id)} label={`Commentaire – ${i.name}`} rows={2} />
        </fieldset>
      ))}
    </>
  );
}

function gap(target: number | null, value: number | null, unit: string) {
  if (target === null || value === null) return "—";
  const difference = Math.round((value - target) * 100) / 100;
  return `${difference > 0 ? "+" : ""}${formatIndicatorValue(difference, unit)}`;
}

/** Target / achieved / gap / comment, for a report already sent (both sides). */
export function IndicatorResultsTable({ indicators, results, year }: { indicators: ReportIndicator[]; results: Result[]; year: number }) {
  if (indicators.length === 0) return null;
  return (
    <div className="table-wrap">
      <table data-testid={`indicator-results-${year}`}>
        <caption>Indicateurs : valeurs atteintes {year}</caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col">Objectif</th>
            <th scope="col">Atteint</th>
            <th scope="col">Écart</th>
            <th scope="col">Commentaire</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => {
            const result = results.find((r) => r.indicatorId === i.id);
            const value = result?.value ?? null;
            return (
              <tr key={i.id}>
                <th scope="row">
                  {i.name} <span className="small muted">({INDICATOR_KIND_LABELS[i.kind].toLowerCase()})</span>
                </th>
                <td>{formatIndicatorValue(i.target, i.unit)}</td>
                <td>{formatIndicatorValue(value, i.unit)}</td>
                <td>{gap(i.target, value, i.unit)}</td>
                <td style={{ whiteSpace: "pre-wrap" }}>{result?.comment || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The values of a report as a form shows them back (a report sent back for corrections). */
export function resultDefaults(results: Result[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of results) {
    out[valueField(r.indicatorId)] = r.value === null ? "" : String(r.value).replace(".", ",");
    out[commentField(r.indicatorId)] = r.comment;
  }
  return out;
}
