import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/lib/meta";
import { theCcas } from "~/settings/ccas-name";
import { getPortalSettings, postalAddressOf } from "~/settings/portal-settings.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Déclaration d'accessibilité") }];

export async function loader() {
  const settings = await getPortalSettings();
  const contact = [postalAddressOf(settings), settings.phone, settings.email].filter(Boolean).join(" ; ");
  return { name: settings.name, contact };
}

export default function Accessibility() {
  const { name, contact } = useLoaderData<typeof loader>();
  return (
    <div className="container page prose">
      <h1>Déclaration d'accessibilité</h1>
      <p>
        {theCcas(name, { start: true })} s'engage à rendre ce portail accessible conformément à l'article 47 de la loi n° 2005-102 du 11
        février 2005, selon le référentiel général d'amélioration de l'accessibilité (RGAA 4.1).
      </p>
      <h2>État de conformité</h2>
      <p>
        Le portail est <strong>partiellement conforme</strong> au RGAA 4.1 : aucun audit complet n'a encore été mené. Chaque page parcourue
        par les tests automatisés est vérifiée avec axe-core (aucune violation grave ou critique tolérée), et les parcours principaux sont
        testés au clavier seul.
      </p>
      <h2>Ce qui est fait</h2>
      <ul>
        <li>Lien d'évitement vers le contenu, focus visible, navigation complète au clavier.</li>
        <li>Formulaires : étiquettes associées, champs obligatoires signalés, erreurs reliées aux champs et récapitulées en tête.</li>
        <li>Recherche de l'annuaire utilisable sans JavaScript ; résultats annoncés aux lecteurs d'écran.</li>
        <li>Contrastes de couleurs d'au moins 4,5:1 pour le texte.</li>
      </ul>
      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez {theCcas(name)}
        {contact ? ` (${contact})` : ""} pour être orienté vers une alternative accessible.
      </p>
      <h2>Voie de recours</h2>
      <p>
        Si vous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des droits.
      </p>
    </div>
  );
}
