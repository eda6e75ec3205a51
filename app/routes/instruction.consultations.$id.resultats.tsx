import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { formatDecimal, formatDateTime } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { ResultsChart, ResultsTable } from "~/network/consultation-chart";
import { CONSULTATION_STATE_LABELS, consultationState, countLabel, QUESTION_KIND_LABELS } from "~/network/consultation-labels";
import { consultationResults } from "~/network/consultation-results.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: pageTitle(matches, data ? `Résultats – ${data.consultation.title}` : "Résultats") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const results = await consultationResults(params.id ?? "");
  if (!results) throw notFound();
  return { ...results, state: consultationState(results.consultation) };
}

export default function ConsultationResults() {
  const { consultation, respondents, results, state } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to={`/instruction/consultations/${consultation.id}`}>‹ {consultation.title}</Link>
      </p>
      <h1>Résultats : {consultation.title}</h1>
      <p>
        {CONSULTATION_STATE_LABELS[state]} · du {formatDateTime(consultation.opensAt)} au {formatDateTime(consultation.closesAt)}
      </p>
      <p>
        <strong data-testid="respondents">
          {respondents === 0
            ? "Aucune association n'a répondu."
            : `${countLabel(respondents, "association")} ${respondents > 1 ? "ont" : "a"} répondu.`}
        </strong>{" "}
        <a href={`/instruction/consultations/${consultation.id}/export.csv`} download>
          Télécharger les réponses (CSV)
        </a>
      </p>
      {results.map((r, i) => (
        <section key={r.question.id} aria-labelledby={`q-${i}`} className="card">
          <h2 id={`q-${i}`}>
            {i + 1}. {r.question.label}
          </h2>
          <p className="small muted">
            {QUESTION_KIND_LABELS[r.question.kind]} · {countLabel(r.answered, "réponse")}
          </p>
          {r.kind === "text" ? (
            r.texts.length ? (
              <ul>
                {r.texts.map((t, j) => (
                  <li key={j}>
                    <strong>{t.association}</strong> : <span style={{ whiteSpace: "pre-wrap" }}>{t.text}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Aucune réponse.</p>
            )
          ) : (
            <>
              {r.kind === "scale" ? (
                <p>
                  Moyenne : <strong>{r.mean === null ? "—" : formatDecimal(r.mean, 1)}</strong>
                  {r.question.scaleMinLabel || r.question.scaleMaxLabel
                    ? ` (${r.question.scaleMin} : ${r.question.scaleMinLabel || "minimum"} ; ${r.question.scaleMax} : ${r.question.scaleMaxLabel || "maximum"})`
                    : ""}
                </p>
              ) : null}
              <div className="grid-2">
                <ResultsChart title={r.question.label} bars={r.bars} />
                <ResultsTable
                  caption={`Répartition des réponses : ${r.question.label}`}
                  bars={r.bars}
                  firstColumn={r.kind === "scale" ? "Valeur" : "Réponse"}
                />
              </div>
              {r.kind === "multiple" ? (
                <p className="small muted">
                  Plusieurs réponses possibles : la part est celle des associations ayant répondu à la question.
                </p>
              ) : null}
            </>
          )}
        </section>
      ))}
    </div>
  );
}
