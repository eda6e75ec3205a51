import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { YearPicker } from "~/components/year-picker";
import { requireStaff } from "~/accounts/auth.server";
import { formatEuros } from "~/lib/format";
import { getDashboard, subsidyYears } from "~/subsidies/dashboard.server";
import { listSubsidiesForStaff } from "~/subsidies/reading.server";
import { Alerts } from "./alerts";
import { Breakdowns } from "./breakdowns";
import { CallsTable } from "./calls-table";
import { SubsidiesTable } from "./subsidies-table";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Subventions ${data?.dashboard.year ?? ""} – Instruction`) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const years = await subsidyYears();
  const asked = Number(new URL(request.url).searchParams.get("annee"));
  const year = Number.isInteger(asked) && years.includes(asked) ? asked : years[0];
  const [dashboard, subsidies] = await Promise.all([getDashboard(year), listSubsidiesForStaff({ year })]);
  return {
    years,
    dashboard: {
      ...dashboard,
      flaggedPayments: dashboard.flaggedPayments.map((p) => ({
        id: p.id,
        kind: p.kind,
        amountCents: p.amountCents,
        plannedDate: p.plannedDate,
        paidAt: p.paidAt,
        flags: p.flags,
        subsidy: { id: p.subsidy.id, number: p.subsidy.number, association: p.subsidy.association.name },
      })),
      overdueReports: dashboard.overdueReports.map((r) => ({
        id: r.id,
        financialYear: r.financialYear,
        dueDate: r.dueDate,
        status: r.status,
        subsidy: { id: r.subsidy.id, number: r.subsidy.number, association: r.subsidy.association.name },
      })),
    },
    subsidies: subsidies.map((s) => ({
      id: s.id,
      number: s.number,
      association: s.association.name,
      purpose: s.purpose,
      call: s.dossier?.call.title ?? "Hors appel à projets",
      votedCents: s.votedCents,
      proposedCents: s.proposedCents,
      paidCents: s.paidCents,
      stage: s.stage,
      convention: s.convention?.status ?? null,
      conventionRequired: s.conventionRequired,
    })),
  };
}

export default function SubsidyDashboard() {
  const { years, dashboard: d } = useLoaderData<typeof loader>();
  return (
    <div className="container page stack">
      <p>
        <Link to="/instruction">‹ Instruction</Link>
      </p>
      <h1>Subventions {d.year}</h1>
      <YearPicker label="Exercice" years={years} year={d.year} />
      <p className="actions">
        <Link to="/instruction/subventions/nouvelle" className="button">
          Enregistrer une subvention hors appel
        </Link>
        <a href="/instruction/subventions/export.csv?type=subventions">Exporter les subventions (CSV)</a>
        <a href="/instruction/subventions/export.csv?type=versements">Exporter les versements (CSV)</a>
        <a href="/instruction/subventions/export.xlsx">Exporter subventions et versements (Excel)</a>
      </p>

      <section aria-labelledby="totaux">
        <h2 id="totaux">Vue d'ensemble</h2>
        <dl className="definition-list">
          <dt>Enveloppe des appels</dt>
          <dd data-testid="total-envelope">{formatEuros(d.totals.envelopeCents)}</dd>
          <dt>Voté</dt>
          <dd data-testid="total-voted">{formatEuros(d.totals.votedCents)}</dd>
          <dt>Versé</dt>
          <dd data-testid="total-paid">{formatEuros(d.totals.paidCents)}</dd>
          <dt>Reste à verser</dt>
          <dd data-testid="total-remaining">{formatEuros(d.totals.remainingCents)}</dd>
          <dt>Associations financées</dt>
          <dd data-testid="total-associations">{d.totals.associationsFunded}</dd>
          <dt>Subventions votées / en attente de vote</dt>
          <dd>
            {d.totals.subsidies} / {d.totals.proposed}
          </dd>
        </dl>
        <p className="small muted">Une convention pluriannuelle compte pour son montant total dans l'exercice de sa première année.</p>
      </section>

      <CallsTable />
      <Breakdowns />
      <Alerts />
      <SubsidiesTable />
    </div>
  );
}
