// A filed dossier, read-only: every Cerfa step in order with its labels, then any key the
// steps do not know (older data), shown as is. Used by the staff review page.
import { DOSSIER_STEP_DEFS, type StepField } from "~/schemas/dossier";

function show(value: unknown, field?: StepField): string {
  if (value === undefined || value === null || value === "") return "—";
  if (field?.kind === "checkbox") return value === "on" || value === true ? "Oui" : "Non";
  const labelFor = (v: unknown) => field?.options?.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.length ? value.map(labelFor).join(", ") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  if (field?.kind === "money") return `${String(value)} €`;
  return labelFor(value);
}

export function DossierSections({ sections }: { sections: Record<string, unknown> }) {
  const known = new Set(DOSSIER_STEP_DEFS.map((s) => s.key as string));
  const extra = Object.keys(sections).filter((k) => !known.has(k));
  return (
    <div className="stack">
      {DOSSIER_STEP_DEFS.filter((step) => step.fields.length > 0).map((step) => {
        const values = (sections[step.key] ?? {}) as Record<string, unknown>;
        return (
          <section key={step.key} className="card" aria-labelledby={`section-${step.key}`}>
            <h3 id={`section-${step.key}`}>{step.label}</h3>
            <dl className="definition-list small">
              {step.fields.map((field) => (
                <div key={field.name} style={{ display: "contents" }}>
                  <dt>{field.label}</dt>
                  <dd style={{ whiteSpace: "pre-wrap" }}>{show(values[field.name], field)}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      {extra.map((key) => {
        const values = sections[key];
        return (
          <section key={key} className="card" aria-labelledby={`section-${key}`}>
            <h3 id={`section-${key}`}>{key}</h3>
            {values && typeof values === "object" && !Array.isArray(values) ? (
              <dl className="definition-list small">
                {Object.entries(values as Record<string, unknown>).map(([k, v]) => (
                  <div key={k} style={{ display: "contents" }}>
                    <dt>{k}</dt>
                    <dd>{show(v)}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p>{show(values)}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
