import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { YearPicker } from "~/components/year-picker";
import { requireStaff } from "~/accounts/auth.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { getSteeringDashboard } from "~/steering/dashboard.server";
import { steeringYearOf } from "~/steering/year-query.server";
import { AxesSection } from "./axes-section";
import { IndicatorsSection } from "./indicators-section";
import { KeyFigures } from "./key-figures";
import { TrendsSection } from "./trends-section";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Pilotage du projet social ${data?.dashboard.year ?? ""} – Instruction`) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { year, years } = await steeringYearOf(request);
  return { years, dashboard: await getSteeringDashboard(year) };
}

export default function SteeringDashboardPage() {
  const { years, dashboard: d } = useLoaderData<typeof loader>();
  const query = `annee=${d.year}`;
  return (
    <div className="container page stack">
      <p>
        <Link to="/instruction">‹ Instruction</Link>
      </p>
      <h1>Pilotage du projet social {d.year}</h1>
      {d.project ? (
        <p data-testid="steering-project">
          {d.project.title} ({d.project.startYear}-{d.project.endYear})
          {d.project.adoptedOn ? `, adopté le ${formatDate(d.project.adoptedOn)}` : ""}.
        </p>
      ) : (
        <p role="note">Aucun projet social ne couvre l'année {d.year} : toutes les subventions y figurent comme non rattachées.</p>
      )}
      <YearPicker label="Année" years={years} year={d.year} />
      <p className="actions">
        <a href={`/instruction/pilotage/rapport.pdf?${query}`} className="button">
          Télécharger le rapport annuel (PDF)
        </a>
        <a href={`/instruction/pilotage/export.xlsx?${query}`}>Exporter le tableau de bord (Excel)</a>
        <a href={`/instruction/pilotage/export.csv?${query}&type=axes`}>Exporter les axes (CSV)</a>
        <a href={`/instruction/pilotage/export.csv?${query}&type=indicateurs`}>Exporter les indicateurs (CSV)</a>
        <a href={`/instruction/pilotage/export.csv?${query}&type=tendances`}>Exporter les tendances (CSV)</a>
      </p>
      <KeyFigures />
      <AxesSection />
      <IndicatorsSection />
      <TrendsSection />
    </div>
  );
}
