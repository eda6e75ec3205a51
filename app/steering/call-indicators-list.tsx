// The public call page's « Indicateurs de suivi »: what each dossier will be asked to chiffrer,
// so associations know before starting.
import type { EditorIndicator } from "~/steering/call-indicators-editor";
import { INDICATOR_KIND_LABELS, indicatorUnit, type IndicatorKind } from "~/steering/indicators";

type Indicator = EditorIndicator & { criteria: { criterion: { id: string; label: string } }[] };

export function CallIndicatorsList({ indicators }: { indicators: Indicator[] }) {
  if (!indicators.length) return null;
  return (
    <section aria-labelledby="indicateurs-appel">
      <h2 id="indicateurs-appel">Indicateurs de suivi</h2>
      <p>Chaque dossier donne un objectif pour ces indicateurs ; la valeur atteinte est demandée dans le compte rendu financier.</p>
      <ul>
        {indicators.map((i) => (
          <li key={i.id}>
            <strong>{i.name}</strong> – {INDICATOR_KIND_LABELS[i.kind as IndicatorKind]?.toLowerCase() ?? i.kind}, en{" "}
            {indicatorUnit(i.unit)?.label ?? i.unit}
            {i.targetRequired ? " (objectif obligatoire)" : " (objectif facultatif)"}
            {i.description ? ` – ${i.description}` : ""}
            {i.criteria.length ? ` – pris en compte dans le critère ${i.criteria.map((c) => `« ${c.criterion.label} »`).join(", ")}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
