// « Indicateurs et objectifs »: the targets the association gave, one line per indicator.
import type { StaffSection } from "~/dossiers/staff-view.server";

export function IndicatorTargets({ sections }: { sections: StaffSection[] }) {
  const lines = sections.find((s) => s.key === "indicateurs")?.fields ?? [];
  return (
    <section aria-labelledby="indicateurs-titre" id="indicateurs">
      <h2 id="indicateurs-titre">Indicateurs et objectifs</h2>
      {lines.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Objectifs donnés par l'association pour chaque indicateur</caption>
            <thead>
              <tr>
                <th scope="col">Indicateur (nature, unité)</th>
                <th scope="col" className="num">
                  Objectif
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.name}>
                  <th scope="row">{line.label}</th>
                  <td className="num">{line.value || "non renseigné"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucun indicateur pour ce dossier.</p>
      )}
    </section>
  );
}
