// A horizontal bar chart of one question's answers (inline SVG, figures written beside each bar,
// a text alternative), and the table of the same figures: nothing rests on colour alone.
import { useId } from "react";
import { formatDecimal } from "~/lib/format";
import { countLabel } from "~/network/consultation-labels";

export type ChartBar = { label: string; count: number; percent: number };

const percentText = (p: number) => `${formatDecimal(p, p % 1 === 0 ? 0 : 1)} %`;

export function ResultsChart({ title, bars }: { title: string; bars: ChartBar[] }) {
  const id = useId();
  const rowHeight = 28;
  const labelWidth = 220;
  const barWidth = 300;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const description = bars.map((b) => `${b.label} : ${countLabel(b.count, "réponse")} (${percentText(b.percent)})`).join(" ; ");
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${labelWidth + barWidth + 120} ${height}`}
      width="100%"
      style={{ maxWidth: 640 }}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((b, i) => {
        const y = i * rowHeight + 4;
        const w = Math.round((b.count / max) * barWidth);
        return (
          <g key={b.label + i}>
            <text x={labelWidth - 8} y={y + 17} textAnchor="end" fontSize="13" fill="currentColor">
              {b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(w, 1)} height={rowHeight - 8} fill="#1d4f91" stroke="#0b2545" />
            <text x={labelWidth + Math.max(w, 1) + 6} y={y + 17} fontSize="13" fill="currentColor">
              {`${b.count} (${percentText(b.percent)})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ResultsTable({ caption, bars, firstColumn = "Réponse" }: { caption: string; bars: ChartBar[]; firstColumn?: string }) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col">Nombre</th>
          <th scope="col">Part</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b, i) => (
          <tr key={b.label + i}>
            <th scope="row">{b.label}</th>
            <td>{b.count}</td>
            <td>{percentText(b.percent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
