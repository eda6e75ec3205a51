// What changed between two versions of the charter: words added in <ins>, removed in <del>,
// each also announced in words for screen readers. The text is rendered as text, never as HTML.
export type CharterDiffPart = { kind: "same" | "added" | "removed"; text: string };

export function CharterDiff({ parts, label }: { parts: CharterDiffPart[]; label: string }) {
  const added = parts.filter((p) => p.kind === "added" && p.text.trim()).length;
  const removed = parts.filter((p) => p.kind === "removed" && p.text.trim()).length;
  return (
    <section aria-label={label}>
      <p className="small">
        {added === 0 && removed === 0
          ? "Aucune différence dans le texte."
          : `${added} passage(s) ajouté(s), ${removed} passage(s) supprimé(s). Les ajouts sont soulignés sur fond vert, les suppressions barrées sur fond rouge.`}
      </p>
      <div className="card charter-diff" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", lineHeight: 1.6 }}>
        {parts.map((part, i) => {
          if (part.kind === "added")
            return (
              <ins key={i} style={{ background: "#d8f3dc", color: "#0b3d17", textDecoration: "underline" }}>
                <span className="visually-hidden">[début de l'ajout] </span>
                {part.text}
                <span className="visually-hidden"> [fin de l'ajout]</span>
              </ins>
            );
          if (part.kind === "removed")
            return (
              <del key={i} style={{ background: "#fde2e1", color: "#6b1510" }}>
                <span className="visually-hidden">[début de la suppression] </span>
                {part.text}
                <span className="visually-hidden"> [fin de la suppression]</span>
              </del>
            );
          return <span key={i}>{part.text}</span>;
        })}
      </div>
    </section>
  );
}
