import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { IN_DIRECTORY } from "~/associations/directory-visibility";
import { prisma } from "~/db.server";
import { useCcas } from "~/lib/meta";
import { ofCcas } from "~/settings/ccas-name";
import { getTaxonomy } from "~/settings/taxonomy.server";

export async function loader(_: LoaderFunctionArgs) {
  const [associations, taxonomy] = await Promise.all([prisma.association.count({ where: IN_DIRECTORY }), getTaxonomy()]);
  return { associations, fields: taxonomy.active("field").map((f) => ({ slug: f.slug, label: f.label })) };
}

export default function Home() {
  const { associations, fields } = useLoaderData<typeof loader>();
  const ccas = useCcas();
  return (
    <>
      <section className="hero">
        <div className="container">
          <h1>Le réseau des associations de solidarité</h1>
          <p className="lead">
            {associations} associations partenaires {ofCcas(ccas.name)}, leurs actions et leurs contacts. Trouvez qui peut aider, près de
            chez vous.
          </p>
          <Form method="get" action="/annuaire" role="search" className="search-bar">
            <div className="field">
              <label htmlFor="home-q" className="field-label">
                Rechercher dans l'annuaire
              </label>
              <input id="home-q" type="search" name="q" placeholder="Ex. : aide alimentaire, logement, numérique…" />
            </div>
            <button type="submit" className="button">
              Rechercher
            </button>
          </Form>
        </div>
      </section>
      <div className="container page">
        <h2>Parcourir par champ d'intervention</h2>
        <ul className="tags">
          {fields.map((f) => (
            <li key={f.slug} className="tag">
              <Link to={`/annuaire?champ=${f.slug}`}>{f.label}</Link>
            </li>
          ))}
        </ul>
        <div className="cards" style={{ marginTop: "2rem" }}>
          <section className="card">
            <h2>Appels à projets</h2>
            <p>Le CCAS finance les projets des associations qui répondent à son projet social. Déposez votre dossier en ligne.</p>
            <Link to="/appels-a-projets">Voir les appels à projets</Link>
          </section>
          <section className="card">
            <h2>Charte de l'action sociale</h2>
            <p>Les valeurs, les missions et les publics que le CCAS et les associations partagent.</p>
            <Link to="/charte">Lire la charte</Link>
          </section>
          <section className="card">
            <h2>Événements</h2>
            <p>La rencontre annuelle des associations et les ateliers : accès aux droits, inclusion numérique.</p>
            <Link to="/evenements">Voir les événements</Link>
          </section>
          <section className="card">
            <h2>Votre association</h2>
            <p>Inscrivez votre association pour apparaître dans l'annuaire, répondre aux appels à projets et signer la charte.</p>
            <Link to="/inscription">Inscrire une association</Link>
          </section>
        </div>
      </div>
    </>
  );
}
