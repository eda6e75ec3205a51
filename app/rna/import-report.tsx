// The report of an import (or of a dry run) as the admin pages show it.
import {
  CHANGE_LABELS,
  COLUMN_LABELS,
  SKIP_REASONS,
  skippedTotal,
  type ImportReport,
  type PreviewLine,
  type SkipReason,
} from "~/rna/report";

export const STATUS_LABELS: Record<string, string> = {
  queued: "en attente",
  running: "en cours",
  done: "terminé",
  refused: "fichier refusé",
  failed: "interrompu",
};

export const MODE_LABELS: Record<string, string> = { dry_run: "Simulation", apply: "Import" };

const columns = (list: string[] | undefined) => (list?.length ? ` (${list.map((c) => COLUMN_LABELS[c] ?? c).join(", ")})` : "");

export function ReportTable({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  const rows: [string, number][] = [
    ["Lignes lues", report.records],
    [dryRun ? "Seraient ajoutées" : "Ajoutées", report.added],
    [dryRun ? "Seraient mises à jour" : "Mises à jour", report.updated],
    [dryRun ? "Seraient dissoutes (retirées de l'annuaire)" : "Dissoutes (retirées de l'annuaire)", report.dissolved],
    [dryRun ? "Seraient retirées (publication non autorisée)" : "Retirées (publication non autorisée)", report.withdrawn],
    ["Inchangées", report.unchanged],
    ["Ignorées", skippedTotal(report)],
    ["Conflits : fiches revendiquées", report.conflicts],
    ["Lignes mal formées", report.malformed],
  ];
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">Rapport</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value.toLocaleString("fr-FR")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {skippedTotal(report) > 0 ? (
        <>
          <h3>Lignes ignorées</h3>
          <ul>
            {(Object.keys(SKIP_REASONS) as SkipReason[])
              .filter((k) => report.skipped[k] > 0)
              .map((k) => (
                <li key={k}>
                  {SKIP_REASONS[k]} : {report.skipped[k].toLocaleString("fr-FR")}
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {report.conflictList.length ? (
        <>
          <h3>Conflits : fiches revendiquées dont les données RNA diffèrent (non modifiées)</h3>
          <ul>
            {report.conflictList.map((c) => (
              <li key={`${c.line}-${c.rna}`}>
                Ligne {c.line} : {c.rna} {c.name}
                {columns(c.columns)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.malformedList.length ? (
        <>
          <h3>Lignes mal formées</h3>
          <ul>
            {report.malformedList.map((m) => (
              <li key={`${m.line}-${m.reason}`}>
                Ligne {m.line} : {m.reason}
              </li>
            ))}
          </ul>
          {report.malformed > report.malformedList.length ? <p>… et {report.malformed - report.malformedList.length} autres.</p> : null}
        </>
      ) : null}
    </>
  );
}

export function PreviewList({ preview }: { preview: PreviewLine[] }) {
  if (preview.length === 0) return <p>Aucun changement.</p>;
  return (
    <ul>
      {preview.map((p) => (
        <li key={`${p.line}-${p.rna}-${p.change}`}>
          Ligne {p.line} : {p.rna} {p.name} — {CHANGE_LABELS[p.change]}
          {columns(p.columns)}
        </li>
      ))}
    </ul>
  );
}
