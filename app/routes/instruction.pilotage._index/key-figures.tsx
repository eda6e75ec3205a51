// The year's key figures, as the subsidy dashboard counts them (a subsidy in its financial year).
import { useLoaderData } from "@remix-run/react";
import { formatEuros } from "~/lib/format";
import type { loader } from "./route";

export function KeyFigures() {
  const { dashboard: d } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="chiffres-cles">
      <h2 id="chiffres-cles">Chiffres clés</h2>
      <dl className="definition-list">
        <dt>Montant voté</dt>
        <dd data-testid="steering-voted">{formatEuros(d.totals.votedCents)}</dd>
        <dt>Montant versé</dt>
        <dd data-testid="steering-paid">{formatEuros(d.totals.paidCents)}</dd>
        <dt>Reste à verser</dt>
        <dd>{formatEuros(d.totals.votedCents - d.totals.paidCents)}</dd>
        <dt>Projets financés</dt>
        <dd data-testid="steering-projects">{d.totals.projects}</dd>
        <dt>Associations financées</dt>
        <dd data-testid="steering-associations">{d.totals.associations}</dd>
        <dt>Dont rattaché au projet social</dt>
        <dd>{formatEuros(d.totals.attachedVotedCents)}</dd>
      </dl>
      <p className="small muted">
        Les montants sont ceux des subventions votées de l'exercice (une convention pluriannuelle pour son total, dans l'exercice de sa
        première année), comme au tableau de bord des subventions. Les indicateurs portent sur les projets actifs dans l'année ; les valeurs
        atteintes viennent des seuls comptes rendus validés.
      </p>
    </section>
  );
}
