// The list of a dossier's deposits with their two downloads, for the association's dossier page and
// the staff's: each deposit with its date, its kind, who deposited, the fingerprint, and both PDFs
// with their format and size. A deposit made before the records existed says so.
import { formatDateTime, formatFileSize } from "~/lib/format";

export type DepositRecordView = {
  id: string;
  kindLabel: string;
  submittedAt: string | Date;
  submittedByName: string | null;
  sha256: string | null;
  files: { attestation: number; dossier: number } | null;
};

export function DepositRecords({ records, base }: { records: DepositRecordView[]; /** …/depots */ base: string }) {
  if (!records.length) return <p>Le dossier n'a pas encore été déposé.</p>;
  return (
    <ol className="stack">
      {records.map((r) => (
        <li key={r.id}>
          <strong>{r.kindLabel}</strong> – le {formatDateTime(r.submittedAt)}
          {r.submittedByName ? ` par ${r.submittedByName}` : ""}
          {r.files ? (
            <ul>
              <li>
                <a href={`${base}/${r.id}/attestation.pdf`} download>
                  Attestation de dépôt
                </a>{" "}
                <span className="muted">(PDF, {formatFileSize(r.files.attestation)})</span>
              </li>
              <li>
                <a href={`${base}/${r.id}/dossier.pdf`} download>
                  Dossier complet tel que déposé
                </a>{" "}
                <span className="muted">(PDF, {formatFileSize(r.files.dossier)})</span>
              </li>
              <li className="small">
                Empreinte SHA-256 : <code style={{ wordBreak: "break-all" }}>{r.sha256}</code>
              </li>
            </ul>
          ) : (
            <p className="small muted">Attestation non disponible pour ce dépôt antérieur.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
