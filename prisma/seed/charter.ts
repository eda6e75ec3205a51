// Demo data for the charter: version 1 (2025) and version 2 (in force), signed by about
// two thirds of the validated associations. The demo association "Épicerie solidaire
// Planoise" has not signed, so its representative can try.
import { randomBytes } from "node:crypto";
import { charterTextHash } from "../../app/charter/fingerprint.server";
import { slugify } from "../../app/lib/slug";
import { writeTransactionOn } from "../../app/lib/transaction";
import { createRng } from "../factories/association";
import type { SeedContext } from "./index";

export const CHARTER_TITLE = "Charte municipale de l'action sociale";

/** The text of the charter; version 2 adds digital inclusion, mobility, gender equality and the network's annual meeting. */
export function charterBody(version: 1 | 2): string {
  const v2 = version === 2;
  return `## Préambule

Le Centre communal d'action sociale (CCAS) de Besançon et les associations de solidarité de la ville agissent chaque jour auprès des mêmes personnes : celles qui vivent seules, qui cherchent un logement ou un emploi, qui n'ouvrent pas les droits auxquels elles peuvent prétendre, qui traversent une période difficile. Aucun de nous n'y répond seul.

Cette charte est née de la consultation des associations menée en 2020 et 2021 et du projet social du CCAS pour 2022-2026. Elle dit ce qui nous rassemble : des valeurs, des missions, des publics et une manière de travailler ensemble. La signer, c'est rejoindre le réseau des associations partenaires de l'action sociale municipale.

## 1. Nos valeurs

- **La dignité de chaque personne.** Chacun est accueilli sans jugement, écouté et considéré comme acteur de sa propre vie, quelle que soit sa situation.
- **L'égalité d'accès.** Les aides et les services s'adressent à toutes et à tous, sans discrimination d'origine, de nationalité, de sexe, d'âge, de handicap, de religion, d'opinion ou d'orientation sexuelle.
- **La laïcité et la neutralité** de l'accueil et de l'accompagnement.
- **La confidentialité.** Ce qu'une personne confie n'est partagé qu'avec son accord et seulement lorsque cela sert son accompagnement.
- **La solidarité de proximité.** L'action sociale se construit au plus près des habitants, dans les quartiers, avec les bénévoles et les professionnels qui les connaissent.
${v2 ? "- **L'égalité entre les femmes et les hommes**, dans l'accueil des personnes comme dans la vie de nos structures.\n" : ""}
## 2. Les missions du CCAS

Le CCAS anime l'action sociale générale de la commune. Avec ses antennes sociales de quartier${v2 ? " et la Maison France Services" : ""}, il :

1. accueille, informe et oriente toute personne qui le sollicite ;
2. instruit les demandes d'aide sociale légale et attribue des aides facultatives ;
3. accompagne les personnes vers l'accès aux droits, au logement, à l'emploi et à la santé ;
4. soutient les associations de solidarité, notamment par ses appels à projets et ses subventions ;
5. coordonne le réseau des acteurs de l'action sociale et tient avec eux le répertoire partagé des associations.

## 3. Les publics prioritaires

Ensemble, nous portons une attention particulière :

- aux jeunes adultes sans ressources ni droits ouverts ;
- aux personnes âgées isolées ;
- aux personnes sans logement stable ;
- aux personnes en situation de handicap, y compris de handicap psychique ;
- aux familles monoparentales et aux personnes en situation de précarité alimentaire ou énergétique ;
${v2 ? "- aux femmes en situation de vulnérabilité, notamment victimes de violences ;\n- aux personnes réfugiées et à leur intégration dans la ville ;\n" : "- aux personnes réfugiées ;\n"}- aux habitants des quartiers prioritaires, à Planoise, au « 408 » et ailleurs.

## 4. Faire avec, faire faire

Le CCAS ne fait pas tout lui-même. Il **fait avec** les associations : il construit les réponses avec celles et ceux qui connaissent le terrain et les personnes concernées. Il **fait faire** : il soutient et finance des partenaires dont l'action répond mieux qu'un service public seul aux besoins d'un quartier ou d'un public.

Les thèmes sur lesquels nous agissons ensemble sont ceux que les associations ont elles-mêmes portés : la lutte contre l'isolement, l'insertion par le logement et par l'emploi, l'accès à la santé, l'accès aux droits, le handicap${v2 ? ", l'inclusion numérique, l'accès aux mobilités" : ""} et l'intégration des personnes réfugiées.

## 5. Nos engagements réciproques

### Le CCAS s'engage à

- reconnaître l'expertise des associations et les associer à l'élaboration des politiques sociales de la ville ;
- publier des appels à projets clairs, instruits selon des critères connus à l'avance, et motiver ses décisions ;
- verser les subventions accordées dans les délais prévus par la loi ;
- tenir à jour le répertoire partagé et y faire connaître les associations signataires ;
- proposer des temps de formation aux associations et aux bénévoles, en particulier sur l'accès aux droits${v2 ? " et l'inclusion numérique" : ""}.

### L'association signataire s'engage à

- partager les valeurs de la présente charte et les faire connaître à ses bénévoles et salariés ;
- accueillir les personnes orientées par le CCAS ou par les autres membres du réseau, dans la limite de son objet et de ses moyens ;
- orienter vers le CCAS ou vers le partenaire compétent les personnes dont la demande dépasse son champ d'action ;
- tenir à jour sa fiche dans le répertoire partagé ;
- rendre compte de l'usage des subventions reçues ;
${v2 ? "- participer, dans la mesure du possible, à la rencontre annuelle des acteurs de l'action sociale ;\n" : ""}- respecter la confidentialité des informations partagées au sein du réseau.

## 6. Vie de la charte

La charte est signée au nom de l'association par son ou sa représentant·e légal·e. Elle est revue avec les associations au moins une fois pendant la durée du projet social. Chaque nouvelle version est publiée sur ce portail avec ce qui a changé ; les associations sont alors invitées à la signer de nouveau. La liste des associations signataires de la version en vigueur est publique.
`;
}

const FIRST_NAMES = [
  "Nadia",
  "Laurent",
  "Sophie",
  "Karim",
  "Élise",
  "Jean-Marc",
  "Fatou",
  "Thomas",
  "Maryse",
  "Hugo",
  "Chantal",
  "Yasmine",
  "Pierre",
  "Agnès",
  "Mehdi",
  "Odile",
];
const LAST_NAMES = [
  "Girard",
  "Bourgeois",
  "Mougin",
  "Benali",
  "Perrot",
  "Vuillemin",
  "Diallo",
  "Cuenot",
  "Faivre",
  "Rousseau",
  "Jeannin",
  "Haddad",
  "Lambert",
  "Pernot",
  "Mercier",
  "Colin",
];
const ROLES = ["Présidente", "Président", "Co-présidente", "Trésorier", "Secrétaire générale", "Président"];

const DAY = 24 * 60 * 60 * 1000;

export async function seedCharter(ctx: SeedContext) {
  const { db } = ctx;
  const adminId = ctx.users["admin@ccas-besancon.test"];
  const rng = createRng(1616);
  const v1At = new Date("2025-03-14T09:30:00Z");
  const v2At = new Date("2026-01-20T10:00:00Z");
  const v1 = { title: CHARTER_TITLE, body: charterBody(1) };
  const v2 = { title: CHARTER_TITLE, body: charterBody(2) };
  const [version1, version2] = [
    await db.charterVersion.create({
      data: {
        ...v1,
        version: 1,
        sha256: charterTextHash(v1),
        publishedAt: v1At,
        publishedById: adminId,
        createdAt: new Date(v1At.getTime() - 20 * DAY),
        changeNote: "Première version, écrite avec les associations après la consultation 2020-2021.",
      },
      select: { id: true },
    }),
    await db.charterVersion.create({
      data: {
        ...v2,
        version: 2,
        sha256: charterTextHash(v2),
        publishedAt: v2At,
        publishedById: adminId,
        createdAt: new Date(v2At.getTime() - 10 * DAY),
        changeNote:
          "Ajout de l'inclusion numérique, de l'accès aux mobilités et de l'égalité femmes-hommes ; participation à la rencontre annuelle du réseau.",
      },
      select: { id: true },
    }),
  ];

  const validated = await db.association.findMany({
    where: { id: { in: ctx.associationIds }, status: "validated" },
    select: { id: true, name: true, slug: true },
    orderBy: { createdAt: "asc" },
  });
  const { epicerie, toitCommun } = ctx.demoAssociations;
  const existingReps = new Map(
    (
      await db.membership.findMany({
        where: { isRepresentative: true, associationId: { in: validated.map((a) => a.id) } },
        select: { associationId: true, title: true, user: { select: { id: true, name: true } } },
      })
    ).map((m) => [m.associationId, { userId: m.user.id, name: m.user.name, title: m.title ?? "Représentant·e légal·e" }]),
  );

  let signedCurrent = 0;
  let signedEarlier = 0;
  await writeTransactionOn(db, async (tx) => {
    for (const [i, association] of validated.entries()) {
      if (association.id === epicerie) continue;
      // About two thirds sign version 2; some of the others signed version 1 only.
      const signsV2 = association.id === toitCommun || i % 3 !== 0;
      const signsV1 = signsV2 ? i % 2 === 0 : i % 6 === 3;
      if (!signsV2 && !signsV1) continue;
      let rep = existingReps.get(association.id);
      if (!rep) {
        const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`;
        const title = ROLES[i % ROLES.length];
        const user = await tx.user.create({
          data: {
            email: `representant.${slugify(association.slug).slice(0, 40)}.${i}@associations-besancon.test`,
            name,
            // Never a valid argon2 hash: these demo representatives cannot log in.
            passwordHash: `!unusable!${randomBytes(16).toString("hex")}`,
            role: "member",
          },
          select: { id: true },
        });
        await tx.membership.create({ data: { userId: user.id, associationId: association.id, isRepresentative: true, title } });
        rep = { userId: user.id, name, title };
      }
      const sign = async (versionId: string, text: { title: string; body: string }, from: Date, to: Date) => {
        const signedAt = new Date(from.getTime() + Math.floor(rng.next() * (to.getTime() - from.getTime())));
        await tx.charterSignature.create({
          data: {
            versionId,
            associationId: association.id,
            userId: rep!.userId,
            signerName: rep!.name,
            signerRole: rep!.title,
            signedAt,
            ip: `192.0.2.${(i % 250) + 1}`,
            userAgent: "Données de démonstration",
            textSha256: charterTextHash(text),
          },
        });
      };
      if (signsV1) await sign(version1.id, v1, new Date(v1At.getTime() + DAY), new Date(v1At.getTime() + 200 * DAY));
      if (signsV2) await sign(version2.id, v2, new Date(v2At.getTime() + DAY), new Date(Math.min(Date.now(), v2At.getTime() + 250 * DAY)));
      if (signsV2) signedCurrent += 1;
      else signedEarlier += 1;
    }
  });
  ctx.log(
    `Charte : versions 1 et 2 publiées, ${signedCurrent} associations signataires de la version 2, ${signedEarlier} de la version 1 seulement.`,
  );
}
