// The form that asks for a ZIP of dossiers (POST /instruction/dossiers/archive.zip): the dossiers as
// hidden `dossierId` fields, the pattern of the folders' names from a fixed choice.
import { ARCHIVE_PATTERN_CHOICES, ARCHIVE_PLACEHOLDERS, DEFAULT_ARCHIVE_PATTERN, MAX_ARCHIVE_DOSSIERS } from "~/review/archive-names";

export function ArchiveForm({ dossierIds, back }: { dossierIds: string[]; back: string }) {
  return (
    <section className="card stack" aria-labelledby="archive-zip">
      <h2 id="archive-zip">Dossiers et pièces jointes (ZIP)</h2>
      {dossierIds.length === 0 ? (
        <p>Aucun dossier déposé sur cet appel pour le moment.</p>
      ) : (
        <form method="post" action="/instruction/dossiers/archive.zip" className="stack">
          <p>
            {dossierIds.length} dossier{dossierIds.length > 1 ? "s" : ""} déposé{dossierIds.length > 1 ? "s" : ""} : pour chacun, un dossier
            de l'archive avec le dossier tel que déposé et son attestation de dépôt (PDF) et les pièces jointes ; à la racine,{" "}
            <code>sommaire.csv</code>.
            {dossierIds.length > MAX_ARCHIVE_DOSSIERS ? ` Une archive contient au plus ${MAX_ARCHIVE_DOSSIERS} dossiers.` : ""}
          </p>
          {dossierIds.map((id) => (
            <input key={id} type="hidden" name="dossierId" value={id} />
          ))}
          <input type="hidden" name="retour" value={back} />
          <div className="field">
            <label htmlFor="archive-pattern" className="field-label">
              Nom de chaque dossier dans l'archive
            </label>
            <select id="archive-pattern" name="pattern" defaultValue={DEFAULT_ARCHIVE_PATTERN} aria-describedby="archive-pattern-hint">
              {ARCHIVE_PATTERN_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
            <p className="field-hint" id="archive-pattern-hint">
              Repères : {ARCHIVE_PLACEHOLDERS.map((p) => `{${p.key}} ${p.label}`).join(" ; ")}.
            </p>
          </div>
          <div className="actions">
            <button type="submit" className="button">
              Télécharger les dossiers (ZIP)
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
