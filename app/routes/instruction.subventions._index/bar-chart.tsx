// A horizontal bar chart drawn as plain SVG, so the server renders it whole (recharts 3 only
// draws after measuring in the browser). The SVG is decorative for assistive technologies:
// the figure's caption names it and the table beside it carries the same numbers.
import { useId } from "react";

export type BarSeries = { key: string; name: string; color: string };
export type BarRow = { label: string; values: Record<string, number> };

export function BarChart({
  rows,
  series,
  format,
  width = 640,
}: {
  rows: BarRow[];
  series: BarSeries[];
  format: (v: number) => string;
  width?: number;
}) {
  const id = useId();
  const labelWidth = 210;
  const valueWidth = 110;
  const barHeight = 14;
  const groupGap = 10;
  const groupHeight = series.length * barHeight + groupGap;
  const legendHeight = 24;
  const height = legendHeight + rows.length * groupHeight + 4;
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const plotWidth = width - labelWidth - valueWidth;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: "block" }}
      aria-hidden="true"
      focusable="false"
      data-chart={id}
    >
      {series.map((s, i) => (
        <g key={s.key} transform={`translate(${labelWidth + i * 150}, 4)`}>
          <rect width="12" height="12" fill={s.color} />
          <text x="16" y="11" fontSize="12" fill="#222">
            {s.name}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const y0 = legendHeight + r * groupHeight;
        return (
          <g key={row.label}>
            <text x={labelWidth - 8} y={y0 + (series.length * barHeight) / 2 + 4} fontSize="12" textAnchor="end" fill="#222">
              {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
            </text>
            {series.map((s, i) => {
              const v = row.values[s.key] ?? 0;
              const w = Math.max(v > 0 ? 1 : 0, (v / max) * plotWidth);
              return (
                <g key={s.key}>
                  <rect x={labelWidth} y={y0 + i * barHeight} width={w} height={barHeight - 2} fill={s.color} />
                  <text x={labelWidth + w + 4} y={y0 + i * barHeight + barHeight - 4} fontSize="11" fill="#222">
                    {format(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
