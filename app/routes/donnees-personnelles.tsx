import type { MetaFunction } from "@remix-run/node";
import { pageTitle, useCcas } from "~/lib/meta";
import { theCcas } from "~/settings/ccas-name";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Données personnelles") }];

export default function PersonalData() {
  const ccas = useCcas();
  return (
    <div className="container page prose">
      <h1>Données personnelles</h1>
      <p>
        {theCcas(ccas.name, { start: true })} traite les données de ce portail pour animer le réseau des associations de solidarité :
        annuaire, appels à projets, subventions, charte et événements (mission d'intérêt public, article 6-1-e du RGPD).
      </p>
      <h2>Ce qui est conservé</h2>
      <ul>
        <li>Comptes : nom, adresse e-mail, mot de passe chiffré (argon2id), rôle.</li>
        <li>
          Sessions : identifiant, adresse IP et navigateur, pour la sécurité ; durée d'inactivité maximale 2 heures, durée de vie 12 heures.
        </li>
        <li>Tentatives de connexion : adresse e-mail et IP, pour limiter les attaques par essais successifs.</li>
        <li>Associations : les informations de leur fiche, publiques une fois validées.</li>
      </ul>
      <h2>Vos droits</h2>
      <p>Vous pouvez accéder à vos données, les rectifier ou demander leur effacement auprès du CCAS. Vous pouvez aussi saisir la CNIL.</p>
    </div>
  );
}
