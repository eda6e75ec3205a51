// The scoring grid: every reviewer's weighted score and the average, my own grid, conflicts of interest.
import { SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { formatDecimal } from "~/lib/format";
import { conflictSchema, scoreFieldName, scoreSchema } from "~/review/schemas";
import type { DeskTexts } from "~/review/desk-texts";
import type { DataFor, ReviewPageData } from "./types";

type Props = Pick<ReviewPageData, "scoreSummary" | "myScores" | "me" | "conflicts"> & {
  criteria: ReviewPageData["dossier"]["call"]["criteria"];
  /** What the section says in this state (app/review/desk-texts.ts). */
  scoring: DeskTexts["scoring"];
  dataFor: DataFor;
};

export function ScoringSection({ scoreSummary, criteria, myScores, me, conflicts, scoring, dataFor }: Props) {
  return (
    <section aria-labelledby="notation-titre" id="notation">
      <h2 id="notation-titre">Grille de notation</h2>
      {scoring.text ? <p className={scoring.open ? "muted" : "alert alert-info"}>{scoring.text}</p> : null}
      <div className="desk-columns">
        <div>
          <ScoreTable scoreSummary={scoreSummary} />
          {conflicts.length ? (
            <p className="small muted">
              Conflits d'intérêts déclarés : {conflicts.map((c) => `${c.reviewerName}${c.reason ? ` (${c.reason})` : ""}`).join(", ")}.
            </p>
          ) : null}
        </div>
        <div>
          {scoring.closed && myScores.length ? <MyScoresRead criteria={criteria} myScores={myScores} /> : null}
          {me.conflicted ? (
            <p className="alert alert-warning">Vous avez déclaré un conflit d'intérêts sur ce dossier : vous ne pouvez pas le noter.</p>
          ) : me.canScore && scoring.open ? (
            <MyScoreForm criteria={criteria} myScores={myScores} dataFor={dataFor} />
          ) : !me.isReviewer ? (
            <p className="muted">Seul·es les instructeur·rices affecté·es à l'appel notent les dossiers.</p>
          ) : null}
          {me.isReviewer && !me.conflicted && !scoring.closed ? (
            // Folded: rarely needed; open again when the server refused what was typed.
            <details className="desk-fold" open={Boolean((dataFor("conflict") as { errors?: unknown }).errors)}>
              <summary>Un conflit d'intérêts ?</summary>
              <ValidatedForm schema={conflictSchema} method="post" actionData={dataFor("conflict")} defaultValues={{ reason: "" }}>
                <TextField
                  name="reason"
                  label="Motif du conflit d'intérêts"
                  hint="Par exemple : je suis membre du bureau de l'association."
                />
                <SubmitButton name="intent" value="conflict" className="button button-secondary">
                  Déclarer un conflit d'intérêts
                </SubmitButton>
              </ValidatedForm>
            </details>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function ScoreTable({ scoreSummary }: Pick<Props, "scoreSummary">) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Notes pondérées par instructeur·rice</caption>
        <thead>
          <tr>
            <th scope="col">Instructeur·rice</th>
            <th scope="col" className="num">
              Note pondérée / 10
            </th>
          </tr>
        </thead>
        <tbody>
          {scoreSummary.reviewers.map((r) => (
            <tr key={r.reviewerId}>
              <td>{r.name}</td>
              <td className="num">{r.conflicted ? "conflit d'intérêts" : r.score !== null ? formatDecimal(r.score) : "non noté"}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Moyenne</th>
            <td className="num">{scoreSummary.average !== null ? formatDecimal(scoreSummary.average) : "—"}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** My notes once the grid is closed: read only. */
function MyScoresRead({ criteria, myScores }: Pick<Props, "criteria" | "myScores">) {
  const byCriterion = new Map(myScores.map((s) => [s.criterionId, s.value]));
  return (
    <div>
      <h3>Ma notation</h3>
      <dl className="definition-list small">
        {criteria.map((c) => (
          <div key={c.id} style={{ display: "contents" }}>
            <dt>
              {c.label} (poids {c.weight} %)
            </dt>
            <dd>{byCriterion.has(c.id) ? `${byCriterion.get(c.id)} / 10` : "non noté"}</dd>
          </div>
        ))}
        {myScores[0]?.comment ? (
          <>
            <dt>Commentaire</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{myScores[0].comment}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

function MyScoreForm({ criteria, myScores, dataFor }: Pick<Props, "criteria" | "myScores" | "dataFor">) {
  const myScore = Object.fromEntries(myScores.map((s) => [scoreFieldName(s.criterionId), String(s.value)]));
  return (
    <ValidatedForm
      schema={scoreSchema(criteria)}
      method="post"
      actionData={dataFor("score")}
      defaultValues={{ ...myScore, comment: myScores[0]?.comment ?? "" }}
    >
      <h3>Ma notation</h3>
      <div>
        {criteria.map((c) => (
          <TextField
            key={c.id}
            name={scoreFieldName(c.id)}
            label={`${c.label} (poids ${c.weight} %)`}
            hint={`Note de 0 à 10. ${c.description}${criterionIndicatorsHint(c.indicators)}`}
            type="number"
            inputMode="numeric"
            required
          />
        ))}
      </div>
      <TextArea name="comment" label="Commentaire de notation" rows={2} />
      <SubmitButton name="intent" value="score">
        Enregistrer ma notation
      </SubmitButton>
    </ValidatedForm>
  );
}

/** « Indicateurs : Personnes accompagnées, Heures d'atelier. » when the criterion refers to some. */
function criterionIndicatorsHint(links: { indicator: { name: string; position: number } }[]) {
  if (!links.length) return "";
  const names = [...links].sort((a, b) => a.indicator.position - b.indicator.position).map((l) => l.indicator.name);
  return ` Indicateurs : ${names.join(", ")}.`;
}
