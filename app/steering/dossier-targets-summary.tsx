// The association's dossier overview: the targets it gave (« Indicateurs et objectifs »).
export function DossierTargetsSummary({ lines, href }: { lines: { name: string; label: string; value: string }[]; href?: string }) {
  if (!lines.length) return null;
  return (
    <section aria-labelledby="objectifs-dossier">
      <h2 id="objectifs-dossier">Indicateurs et objectifs</h2>
      <dl className="definition-list">
        {lines.map((l) => (
          <div key={l.name}>
            <dt>{l.label}</dt>
            <dd>{l.value || "objectif non renseigné"}</dd>
          </div>
        ))}
      </dl>
      {href ? (
        <p>
          <a href={href}>Modifier les objectifs</a>
        </p>
      ) : null}
    </section>
  );
}
