// The labels of a call ("étiquettes"): their palette of named colours, for the browser and
// the server alike. Each colour is a text/background pair that passes WCAG AA contrast for
// normal text (4.5:1), checked by labels.test.ts.

export const LABEL_COLORS = {
  gris: { label: "Gris", text: "#1f2937", background: "#e5e7eb" },
  bleu: { label: "Bleu", text: "#1e3a8a", background: "#dbeafe" },
  vert: { label: "Vert", text: "#14532d", background: "#dcfce7" },
  jaune: { label: "Jaune", text: "#713f12", background: "#fef9c3" },
  orange: { label: "Orange", text: "#7c2d12", background: "#ffedd5" },
  rouge: { label: "Rouge", text: "#7f1d1d", background: "#fee2e2" },
  violet: { label: "Violet", text: "#4c1d95", background: "#ede9fe" },
  rose: { label: "Rose", text: "#831843", background: "#fce7f3" },
  turquoise: { label: "Turquoise", text: "#134e4a", background: "#ccfbf1" },
  marine: { label: "Bleu marine", text: "#ffffff", background: "#1e3a8a" },
} as const;

export type LabelColor = keyof typeof LABEL_COLORS;
export const LABEL_COLOR_NAMES = Object.keys(LABEL_COLORS) as [LabelColor, ...LabelColor[]];
export const LABEL_COLOR_OPTIONS = LABEL_COLOR_NAMES.map((value) => ({ value, label: LABEL_COLORS[value].label }));

/** A label's name is short (it shows as a chip in tables). */
export const LABEL_NAME_MAX = 40;
/** A call's labels stay a short list to choose from. */
export const LABELS_PER_CALL_MAX = 30;

/** The colours of a stored colour name; grey for a name the palette no longer has. */
export function labelColors(color: string) {
  return LABEL_COLORS[color as LabelColor] ?? LABEL_COLORS.gris;
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
