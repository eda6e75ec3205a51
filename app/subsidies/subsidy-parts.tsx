// Pieces shared by the staff and association views of a subsidy.
import { formatDate, formatEuros } from "~/lib/format";
import { INSTALMENT_KIND_LABELS, type InstalmentKind, type ReportData } from "~/subsidies/schemas";
import { REPORT_STATUS_LABELS } from "~/subsidies/subsidy-labels";

export type InstalmentView = {
  id: string;
  kind: string;
  amountCents: number;
  plannedDate: string | Date;
  paidAt: string | Date | null;
  paidCents: number | null;
  flags: string[];
};

const FLAG_LABELS: Record<string, string> = { late: "En retard", beyond_60_days: "Prévu plus de 60 jours après la signature" };

export function ScheduleTable({ instalments, caption }: { instalments: InstalmentView[]; caption: string }) {
  if (instalments.length === 0) return <p>Aucun versement n'est prévu pour le moment.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Versement</th>
            <th scope="col">Montant prévu</th>
            <th scope="col">Date prévue</th>
            <th scope="col">Versé</th>
            <th scope="col">Alerte</th>
          </tr>
        </thead>
        <tbody>
          {instalments.map((i) => (
            <tr key={i.id}>
              <th scope="row">{INSTALMENT_KIND_LABELS[i.kind as InstalmentKind] ?? i.kind}</th>
              <td>{formatEuros(i.amountCents)}</td>
              <td>{formatDate(i.plannedDate)}</td>
              <td>{i.paidAt ? `${formatEuros(i.paidCents ?? 0)} le ${formatDate(i.paidAt)}` : "Non versé"}</td>
              <td>
                {i.flags.length
                  ? i.flags.map((f) => (
                      <span key={f} className={f === "late" ? "badge badge-red" : "badge badge-orange"}>
                        {FLAG_LABELS[f] ?? f}
                      </span>
                    ))
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportContent({ data }: { data: Partial<ReportData> }) {
  if (!data.charges) return null;
  const sum = (lines: ReportData["charges"], key: "plannedCents" | "actualCents") => lines.reduce((s, l) => s + l[key], 0);
  const table = (title: string, lines: ReportData["charges"]) => (
    <div className="table-wrap">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Compte</th>
            <th scope="col">Prévu</th>
            <th scope="col">Réalisé</th>
            <th scope="col">Écart</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.code}>
              <th scope="row">{l.label}</th>
              <td>{formatEuros(l.plannedCents)}</td>
              <td>{formatEuros(l.actualCents)}</td>
              <td>{formatEuros(l.actualCents - l.plannedCents)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            <td>{formatEuros(sum(lines, "plannedCents"))}</td>
            <td>{formatEuros(sum(lines, "actualCents"))}</td>
            <td>{formatEuros(sum(lines, "actualCents") - sum(lines, "plannedCents"))}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="stack">
      {table("Charges", data.charges)}
      {table("Produits", data.income ?? [])}
      <h4>Bilan qualitatif</h4>
      <p style={{ whiteSpace: "pre-wrap" }}>{data.qualitative}</p>
      {data.gapExplanation ? (
        <>
          <h4>Explication des écarts</h4>
          <p style={{ whiteSpace: "pre-wrap" }}>{data.gapExplanation}</p>
        </>
      ) : null}
    </div>
  );
}

/** A compte rendu's state, red when overdue, green once validated. */
export function ReportStatusBadge({ report: r }: { report: { financialYear: number; status: string; overdue: boolean } }) {
  return (
    <span
      className={r.overdue ? "badge badge-red" : r.status === "valide" ? "badge badge-green" : "badge"}
      data-testid={`report-status-${r.financialYear}`}
    >
      {REPORT_STATUS_LABELS[r.status]}
      {r.overdue ? " – en retard" : ""}
    </span>
  );
}
