// The dossier's audit trail: state changes and decisions, who and when.
import { stateLabel } from "~/dossiers/dossier-states";
import { formatDateTime } from "~/lib/format";
import type { ReviewPageData } from "./types";

const ACTION_LABELS: Record<string, string> = {
  depot: "Dépôt",
  redepot: "Nouveau dépôt après correction",
  passage_en_instruction: "Passage en instruction",
  demande_correction: "Renvoi pour correction",
  decision: "Décision",
  conflit_interets: "Conflit d'intérêts déclaré",
  routage: "Groupe d'instruction",
  avis_demande: "Avis demandé",
  avis_relance: "Relance d'une demande d'avis",
  avis_annule: "Demande d'avis annulée",
  avis_rendu: "Avis reçu",
  etiquette_ajoutee: "Étiquette ajoutée",
  etiquette_retiree: "Étiquette retirée",
};

export function History({ history }: Pick<ReviewPageData, "history">) {
  return (
    <section aria-labelledby="historique-titre" id="historique">
      <h2 id="historique-titre">Historique</h2>
      {history.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Historique des changements d'état et décisions</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Qui</th>
                <th scope="col">Action</th>
                <th scope="col">De → à</th>
                <th scope="col">Commentaire</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{formatDateTime(h.createdAt)}</td>
                  <td>{h.actorName}</td>
                  <td>{ACTION_LABELS[h.action] ?? h.action}</td>
                  <td>
                    {h.fromState || h.toState
                      ? `${h.fromState ? stateLabel(h.fromState) : "—"} → ${h.toState ? stateLabel(h.toState) : "—"}`
                      : ""}
                  </td>
                  <td style={{ whiteSpace: "pre-wrap" }}>{h.comment ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucun événement enregistré.</p>
      )}
    </section>
  );
}
