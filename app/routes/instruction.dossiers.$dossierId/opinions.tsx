// Expert opinions (avis) on the dossier: ask someone without an account through a personal
// link, follow the requests (remind, cancel), read the answers. Staff only; the association never
// sees opinions, and a confidential one is never shown to the other experts (decision 023).
import { Form } from "@remix-run/react";
import { Checkbox, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { formatDate, formatDateTime, formatFileSize } from "~/lib/format";
import { opinionRequestSchema } from "~/review/opinion-schemas";
import type { ReviewOpinion } from "~/review/opinions.server";
import type { DataFor } from "./types";

const STATUS: Record<ReviewOpinion["status"], { label: string; badge: string }> = {
  attendu: { label: "Avis attendu", badge: "badge badge-orange" },
  rendu: { label: "Avis rendu", badge: "badge badge-green" },
  annule: { label: "Demande annulée", badge: "badge badge-grey" },
};

export function OpinionsSection({ opinions, canAsk, dataFor }: { opinions: ReviewOpinion[]; canAsk: boolean; dataFor: DataFor }) {
  return (
    <section aria-labelledby="avis-titre" id="avis" className="stack">
      <h2 id="avis-titre">Avis demandés</h2>
      <p className="small muted">
        Avis d'une personne sans compte (élu·e, partenaire), donné par un lien personnel envoyé par courriel. L'association ne voit jamais
        les avis ; un avis confidentiel n'est pas non plus montré aux autres personnes consultées.
      </p>
      {opinions.length ? (
        <ul className="stack" style={{ listStyle: "none", paddingLeft: 0 }}>
          {opinions.map((o) => (
            <li key={o.id} className="card stack">
              <p>
                <strong>{o.expertName}</strong> ({o.expertEmail}) <span className={STATUS[o.status].badge}>{STATUS[o.status].label}</span>
                {o.late ? <span className="badge badge-red">{o.answeredAt ? "Rendu en retard" : "En retard"}</span> : null}
                {o.confidential ? <span className="badge badge-grey">Confidentiel</span> : null}
              </p>
              <p className="small muted">
                Demandé par {o.requestedByName} le {formatDate(o.createdAt)}, attendu avant le {formatDate(o.dueAt)}
                {o.remindedAt ? ` ; relancé le ${formatDate(o.remindedAt)}` : ""}
                {o.cancelledAt ? ` ; annulé le ${formatDate(o.cancelledAt)}` : ""}.
              </p>
              <p style={{ whiteSpace: "pre-wrap" }}>
                <span className="small muted">Question : </span>
                {o.question}
              </p>
              {o.answeredAt ? (
                <div className="stack">
                  <p className="small muted">Avis rendu le {formatDateTime(o.answeredAt)} :</p>
                  <p style={{ whiteSpace: "pre-wrap" }}>{o.answer}</p>
                  {o.fileUrl ? (
                    <p>
                      Fichier joint :{" "}
                      <a href={o.fileUrl} download>
                        {o.fileName}
                      </a>{" "}
                      <span className="small muted">({formatFileSize(o.fileSize ?? 0)})</span>
                    </p>
                  ) : null}
                </div>
              ) : null}
              {o.status === "attendu" ? (
                <Form method="post" className="actions" preventScrollReset>
                  <input type="hidden" name="opinionId" value={o.id} />
                  {o.canRemind ? (
                    <button type="submit" name="intent" value="opinion_remind" className="button button-secondary">
                      Relancer {o.expertName}
                    </button>
                  ) : (
                    <span className="small muted">Relancé·e il y a moins d'un jour.</span>
                  )}
                  <button type="submit" name="intent" value="opinion_cancel" className="button button-danger">
                    Annuler la demande à {o.expertName}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun avis demandé.</p>
      )}
      {canAsk ? (
        <ValidatedForm
          key={opinions.length}
          schema={opinionRequestSchema}
          method="post"
          actionData={dataFor("opinion_request")}
          defaultValues={{ expertName: "", expertEmail: "", question: "", dueOn: "", confidential: false }}
          className="card stack"
        >
          <h3>Demander un avis</h3>
          <div className="form-grid">
            <TextField name="expertName" label="Nom de la personne consultée" required autoComplete="off" />
            <TextField name="expertEmail" label="Son adresse e-mail" type="email" required autoComplete="off" />
          </div>
          <TextArea name="question" label="Question posée" required rows={3} />
          <TextField name="dueOn" label="Date limite de réponse" type="date" required hint="Une date après aujourd'hui." />
          <Checkbox
            name="confidential"
            label="Avis confidentiel"
            hint="Lu par le seul personnel du CCAS : jamais montré aux autres personnes consultées sur ce dossier."
          />
          <SubmitButton name="intent" value="opinion_request" className="button button-secondary">
            Envoyer la demande d'avis
          </SubmitButton>
        </ValidatedForm>
      ) : (
        <p className="small muted">Le dossier est décidé : on ne demande plus d'avis.</p>
      )}
    </section>
  );
}
