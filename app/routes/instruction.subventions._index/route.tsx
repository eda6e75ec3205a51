import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { BarChart, type BarSeries } from "~/components/bar-chart";
import { formatDate, formatEuros } from "~/lib/format";
import { INSTALMENT_KIND_LABELS, type InstalmentKind } from "~/subsidies/schemas";
import { getDashboard, subsidyYears } from "~/subsidies/dashboard.server";
import { CONVENTION_STATUS_LABELS, INSTALMENT_FLAG_LABELS, REPORT_STATUS_LABELS, SUBSIDY_STAGE_LABELS } from "~/subsidies/subsidy-labels";
import { listSubsidiesForStaff } from "~/subsidies/reading.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Subventions ${data?.dashboard.year ?? ""} – Instruction – CCAS de Besançon` },
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

const SERIES: BarSeries[] = [
  { key: "voted", name: "Voté", color: "#1f4e8c" },
  { key: "paid", name: "Versé", color: "#2e7d32" },
];
const money = (v: number) => formatEuros(v, { round: true });

export default function SubsidyDashboard() {
  const { years, dashboard: d, subsidies } = useLoaderData<typeof loader>();
  return (
    <div className="container page stack">
      <p>
        <Link to="/instruction">‹ Instruction</Link>
      </p>
      <h1>Subventions {d.year}</h1>
      <Form method="get" className="actions">
        <label htmlFor="annee">Exercice</label>
        <select id="annee" name="annee" defaultValue={d.year}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary button-small">
          Afficher
        </button>
      </Form>
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

      <section aria-labelledby="par-appel">
        <h2 id="par-appel">Par appel à projets</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Enveloppe, voté, versé et reste à verser par appel à projets, exercice {d.year}</caption>
            <thead>
              <tr>
                <th scope="col">Appel</th>
                <th scope="col">Enveloppe</th>
                <th scope="col">Voté</th>
                <th scope="col">Versé</th>
                <th scope="col">Reste à verser</th>
                <th scope="col">Enveloppe non engagée</th>
                <th scope="col">Subventions</th>
              </tr>
            </thead>
            <tbody>
              {d.callRows.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  <td>{c.envelopeCents === null ? "—" : formatEuros(c.envelopeCents)}</td>
                  <td>{formatEuros(c.votedCents)}</td>
                  <td>{formatEuros(c.paidCents)}</td>
                  <td>{formatEuros(c.remainingCents)}</td>
                  <td>{c.envelopeCents === null ? "—" : formatEuros(c.envelopeCents - c.votedCents)}</td>
                  <td>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {(
        [
          [
            "par-domaine",
            "Par domaine d'intervention",
            d.byField,
            "Une association peut relever de plusieurs domaines : elle compte alors dans chacun, et la somme des lignes dépasse le total.",
          ],
          ["par-quartier", "Par quartier", d.byDistrict, "Le quartier est celui du siège de l'association."],
        ] as const
      ).map(([id, title, rows, note]) => (
        <section key={id} aria-labelledby={id}>
          <h2 id={id}>{title}</h2>
          <figure>
            <figcaption>
              Graphique : montants votés et versés {title.toLowerCase()}, exercice {d.year}. Les mêmes chiffres figurent dans le tableau
              ci-dessous.
            </figcaption>
            {rows.length ? (
              <BarChart
                rows={rows.map((r) => ({ label: r.label, values: { voted: r.votedCents, paid: r.paidCents } }))}
                series={SERIES}
                format={money}
              />
            ) : (
              <p>Aucune subvention votée pour cet exercice.</p>
            )}
          </figure>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">
                {title}, exercice {d.year}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{id === "par-domaine" ? "Domaine" : "Quartier"}</th>
                  <th scope="col">Voté</th>
                  <th scope="col">Versé</th>
                  <th scope="col">Associations</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    <td>{formatEuros(r.votedCents)}</td>
                    <td>{formatEuros(r.paidCents)}</td>
                    <td>{r.associations}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small muted">{note}</p>
        </section>
      ))}

      <section aria-labelledby="alertes-versements">
        <h2 id="alertes-versements">Versements en retard ou tardifs ({d.flaggedPayments.length})</h2>
        {d.flaggedPayments.length === 0 ? (
          <p>Aucun versement en retard.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Subvention</th>
                  <th scope="col">Association</th>
                  <th scope="col">Versement</th>
                  <th scope="col">Prévu le</th>
                  <th scope="col">Alerte</th>
                </tr>
              </thead>
              <tbody>
                {d.flaggedPayments.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/instruction/subventions/${p.subsidy.id}`}>{p.subsidy.number}</Link>
                    </td>
                    <td>{p.subsidy.association}</td>
                    <td>
                      {INSTALMENT_KIND_LABELS[p.kind as InstalmentKind] ?? p.kind} de {formatEuros(p.amountCents)}
                    </td>
                    <td>{formatDate(p.plannedDate)}</td>
                    <td>{p.flags.map((f) => INSTALMENT_FLAG_LABELS[f]).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="alertes-comptes-rendus">
        <h2 id="alertes-comptes-rendus">Comptes rendus financiers en retard ({d.overdueReports.length})</h2>
        {d.overdueReports.length === 0 ? (
          <p>Aucun compte rendu en retard.</p>
        ) : (
          <ul>
            {d.overdueReports.map((r) => (
              <li key={r.id}>
                <Link to={`/instruction/subventions/${r.subsidy.id}`}>{r.subsidy.number}</Link> – {r.subsidy.association} : exercice{" "}
                {r.financialYear}, attendu le {formatDate(r.dueDate)} ({REPORT_STATUS_LABELS[r.status]})
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="liste">
        <h2 id="liste">Subventions de l'exercice {d.year}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col">Association</th>
                <th scope="col">Objet</th>
                <th scope="col">Appel</th>
                <th scope="col">Voté</th>
                <th scope="col">Versé</th>
                <th scope="col">Convention</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {subsidies.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/instruction/subventions/${s.id}`}>{s.number}</Link>
                  </td>
                  <td>{s.association}</td>
                  <td>{s.purpose}</td>
                  <td>{s.call}</td>
                  <td>{s.votedCents === null ? `proposé : ${formatEuros(s.proposedCents)}` : formatEuros(s.votedCents)}</td>
                  <td>{formatEuros(s.paidCents)}</td>
                  <td>{s.convention ? CONVENTION_STATUS_LABELS[s.convention] : s.conventionRequired ? "Obligatoire" : "—"}</td>
                  <td>{SUBSIDY_STAGE_LABELS[s.stage]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
