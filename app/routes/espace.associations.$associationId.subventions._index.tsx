import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAssociationMember } from "~/accounts/auth.server";
import { formatDate, formatEuros } from "~/lib/format";
import { REPORT_STATUS_LABELS, SUBSIDY_STAGE_LABELS } from "~/subsidies/subsidy-labels";
import { listSubsidiesForAssociation } from "~/subsidies/reading.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Subventions du CCAS – Mon espace") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { associationId } = await requireAssociationMember(request, params.associationId ?? "");
  const subsidies = await listSubsidiesForAssociation(associationId);
  return {
    associationId,
    subsidies: subsidies.map((s) => ({
      id: s.id,
      number: s.number,
      purpose: s.purpose,
      financialYear: s.financialYear,
      votedCents: s.votedCents,
      paidCents: s.paidCents,
      stage: s.stage,
      reports: s.reports.map((r) => ({
        id: r.id,
        financialYear: r.financialYear,
        status: r.status,
        dueDate: r.dueDate,
        overdue: r.overdue,
      })),
    })),
  };
}

export default function AssociationSubsidies() {
  const { associationId, subsidies } = useLoaderData<typeof loader>();
  return (
    <div className="container page stack">
      <p>
        <Link to="/espace">‹ Mon espace</Link>
      </p>
      <h1>Subventions du CCAS</h1>
      {subsidies.length === 0 ? <p>Aucune subvention pour le moment.</p> : null}
      {subsidies.map((s) => (
        <section key={s.id} className="card stack" aria-labelledby={`s-${s.id}`}>
          <h2 id={`s-${s.id}`}>
            <Link to={`/espace/associations/${associationId}/subventions/${s.id}`}>
              {s.number} – {s.purpose}
            </Link>
          </h2>
          <p>
            Exercice {s.financialYear} –{" "}
            {s.votedCents === null
              ? "en attente du vote du conseil d'administration"
              : `${formatEuros(s.votedCents)} votés, ${formatEuros(s.paidCents)} versés`}{" "}
            – {SUBSIDY_STAGE_LABELS[s.stage]}
          </p>
          {s.reports.length ? (
            <ul>
              {s.reports.map((r) => (
                <li key={r.id}>
                  Compte rendu financier {r.financialYear} : {REPORT_STATUS_LABELS[r.status]}
                  {r.overdue ? " – en retard" : ""} (au plus tard le {formatDate(r.dueDate)})
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
