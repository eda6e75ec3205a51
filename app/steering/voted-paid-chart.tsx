// Voted vs paid as horizontal bars, plain SVG drawn on the server. Not colour alone: « Voté » is
// solid, « Versé » hatched, each bar carries its value, and the chart's text alternative says
// every figure (the table beside it holds the same ones).
import { useId } from "react";

export type VotedPaidRow = { label: string; votedCents: number; paidCents: number };

export function VotedPaidChart({
  rows,
  title,
  format,
  width = 680,
}: {
  rows: VotedPaidRow[];
  title: string;
  format: (cents: number) => string;
  width?: number;
}) {
  const raw = useId();
  const id = `chart-${raw.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const labelWidth = 200;
  const valueWidth = 120;
  const bar = 16;
  const gap = 12;
  const legend = 26;
  const groupHeight = 2 * bar + gap;
  const height = legend + rows.length * groupHeight + 4;
  const max = Math.max(1, ...rows.flatMap((r) => [r.votedCents, r.paidCents]));
  const plot = width - labelWidth - valueWidth;
  const description = rows.map((r) => `${r.label} : voté ${format(r.votedCents)}, versé ${format(r.paidCents)}`).join(" ; ");
  const series = [
    { key: "votedCents" as const, name: "Voté", fill: "#1f4e8c" },
    { key: "paidCents" as const, name: "Versé", fill: `url(#${id}-hatch)` },
  ];
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: "block" }}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#e3f0e4" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1b5e20" strokeWidth="3" />
        </pattern>
      </defs>
      {series.map((s, i) => (
        <g key={s.key} transform={`translate(${labelWidth + i * 130}, 5)`}>
          <rect width="14" height="14" fill={s.fill} stroke="#222" strokeWidth="0.5" />
          <text x="20" y="12" fontSize="12" fill="#222">
            {s.name}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const y0 = legend + r * groupHeight;
        return (
          <g key={`${row.label}-${r}`}>
            <text x={labelWidth - 8} y={y0 + bar + 4} fontSize="12" textAnchor="end" fill="#222">
              {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
            </text>
            {series.map((s, i) => {
              const v = row[s.key];
              const w = Math.max(v > 0 ? 1 : 0, (v / max) * plot);
              return (
                <g key={s.key}>
                  <rect x={labelWidth} y={y0 + i * bar} width={w} height={bar - 2} fill={s.fill} stroke="#222" strokeWidth="0.5" />
                  <text x={labelWidth + w + 4} y={y0 + i * bar + bar - 4} fontSize="11" fill="#222">
                    {s.name.toLowerCase()} {format(v)}
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
