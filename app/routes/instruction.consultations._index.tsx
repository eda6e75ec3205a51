import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { formatDateTime } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { CONSULTATION_STATE_LABELS, consultationState, countLabel } from "~/network/consultation-labels";
import { listConsultations } from "~/network/consultations.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Consultations du réseau – Instruction") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const now = new Date();
  const rows = await listConsultations();
  return {
    consultations: rows.map((c) => ({
      id: c.id,
      title: c.title,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      state: consultationState(c, now),
      answers: c._count.responses,
      questions: c._count.questions,
    })),
  };
}

export default function StaffConsultations() {
  const { consultations } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/instruction">‹ Espace instruction</Link>
      </p>
      <h1>Consultations du réseau</h1>
      <p>
        <Link to="/instruction/consultations/nouvelle" className="button">
          Nouvelle consultation
        </Link>
      </p>
      {consultations.length === 0 ? (
        <p>Aucune consultation pour l'instant.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Consultations</caption>
            <thead>
              <tr>
                <th scope="col">Consultation</th>
                <th scope="col">État</th>
                <th scope="col">Période</th>
                <th scope="col">Réponses</th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/instruction/consultations/${c.id}`}>{c.title}</Link>
                    <br />
                    <span className="small muted">{countLabel(c.questions, "question")}</span>
                  </td>
                  <td>{CONSULTATION_STATE_LABELS[c.state]}</td>
                  <td>
                    du {formatDateTime(c.opensAt)} au {formatDateTime(c.closesAt)}
                  </td>
                  <td>
                    {c.answers > 0 ? (
                      <Link to={`/instruction/consultations/${c.id}/resultats`}>{countLabel(c.answers, "réponse")}</Link>
                    ) : (
                      "Aucune réponse"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
