// A call's labels as coloured chips (tables, the dossier page, the management page).
import { labelColors } from "./labels";

export type LabelChipProps = { name: string; color: string };

export function LabelChip({ name, color }: LabelChipProps) {
  const { text, background } = labelColors(color);
  return (
    <span className="label-chip" style={{ color: text, background }}>
      {name}
    </span>
  );
}

/** The labels of one dossier, as a list (nothing when it has none). */
export function LabelChips({ labels }: { labels: readonly (LabelChipProps & { id: string })[] }) {
  if (labels.length === 0) return null;
  return (
    <ul className="label-chips" aria-label="Étiquettes">
      {labels.map((l) => (
        <li key={l.id}>
          <LabelChip name={l.name} color={l.color} />
        </li>
      ))}
    </ul>
  );
}
