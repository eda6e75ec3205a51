-- CreateTable
CREATE TABLE "PortalSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'ccas',
    "name" TEXT NOT NULL,
    "longName" TEXT NOT NULL,
    "siret" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "postcode" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "phone" TEXT,
    "email" TEXT,
    "representative" TEXT NOT NULL DEFAULT '',
    "court" TEXT NOT NULL DEFAULT '',
    "communes" JSONB NOT NULL DEFAULT '[]',
    "logo" BLOB,
    "logoType" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TaxonomyTerm" (
    "kind" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" DATETIME,
    "rnaCodes" JSONB NOT NULL DEFAULT '[]',
    "diThematiques" JSONB NOT NULL DEFAULT '[]',
    "diPublics" JSONB NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("kind", "slug")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Association" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "rna" TEXT,
    "siret" TEXT,
    "socialObject" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "district" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "receptionHours" TEXT NOT NULL DEFAULT '',
    "openingHours" TEXT NOT NULL DEFAULT '',
    "latitude" REAL,
    "longitude" REAL,
    "inseeCode" TEXT,
    "source" TEXT NOT NULL DEFAULT 'portal',
    "rnaImportedAt" DATETIME,
    "rnaUpdatedAt" DATETIME,
    "dissolvedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "refusalReason" TEXT,
    "validatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Association" ("acronym", "address", "city", "createdAt", "description", "district", "email", "id", "name", "phone", "postcode", "receptionHours", "refusalReason", "rna", "siret", "slug", "socialObject", "status", "updatedAt", "validatedAt", "website") SELECT "acronym", "address", "city", "createdAt", "description", "district", "email", "id", "name", "phone", "postcode", "receptionHours", "refusalReason", "rna", "siret", "slug", "socialObject", "status", "updatedAt", "validatedAt", "website" FROM "Association";
DROP TABLE "Association";
ALTER TABLE "new_Association" RENAME TO "Association";
CREATE UNIQUE INDEX "Association_slug_key" ON "Association"("slug");
CREATE INDEX "Association_status_idx" ON "Association"("status");
CREATE INDEX "Association_rna_idx" ON "Association"("rna");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Reference data every CCAS starts from (administrators edit it; the demo seed adds Besançon's districts).
INSERT INTO "TaxonomyTerm" ("kind", "slug", "label", "description", "position", "rnaCodes", "diThematiques", "diPublics", "updatedAt") VALUES
('field', 'aide-alimentaire', 'Aide alimentaire', 'Distribution de denrées, épiceries solidaires, repas', 0, '["020010"]', '["equipement-et-alimentation--alimentation"]', '[]', CURRENT_TIMESTAMP),
('field', 'hebergement-logement', 'Hébergement et logement', 'Mise à l''abri, logement accompagné, aide au logement', 1, '["032510","032000"]', '["logement-hebergement--rechercher-une-solution-dhebergement-temporaire","logement-hebergement--se-maintenir-dans-le-logement","logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement"]', '[]', CURRENT_TIMESTAMP),
('field', 'lutte-isolement', 'Lutte contre l''isolement', 'Visites, lien social, personnes seules', 2, '["019040"]', '["remobilisation--lien-social"]', '[]', CURRENT_TIMESTAMP),
('field', 'insertion-emploi', 'Insertion par l''emploi', 'Insertion par l''activité économique, accompagnement vers l''emploi', 3, '["030010","030000"]', '["preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi","trouver-un-emploi--maintien-dans-lemploi"]', '[]', CURRENT_TIMESTAMP),
('field', 'inclusion-numerique', 'Inclusion numérique', 'Accès et accompagnement aux outils numériques', 4, '[]', '["numerique--maitriser-les-fondamentaux-du-numerique","numerique--acceder-a-des-services-en-ligne","numerique--acquerir-un-equipement"]', '[]', CURRENT_TIMESTAMP),
('field', 'acces-aux-droits', 'Accès aux droits', 'Information juridique, aide aux démarches administratives', 5, '["019000"]', '["difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits","difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"]', '[]', CURRENT_TIMESTAMP),
('field', 'sante', 'Accès à la santé', 'Prévention, soins, accompagnement vers la santé', 6, '["017000"]', '["sante--acces-aux-soins"]', '[]', CURRENT_TIMESTAMP),
('field', 'sante-mentale', 'Santé mentale', 'Écoute, accompagnement du handicap psychique', 7, '[]', '["sante--sante-mentale"]', '[]', CURRENT_TIMESTAMP),
('field', 'handicap', 'Handicap', 'Accompagnement des personnes handicapées', 8, '["003030"]', '["sante--constituer-un-dossier-mdph-invalidite","famille--prise-en-charge-personne-dependante"]', '[]', CURRENT_TIMESTAMP),
('field', 'personnes-agees', 'Personnes âgées', 'Services et accompagnement des aînés', 9, '["021015"]', '["famille--prise-en-charge-personne-dependante","famille--soutien-aidants"]', '[]', CURRENT_TIMESTAMP),
('field', 'mobilite', 'Mobilité', 'Transport solidaire, aide au permis, accès aux mobilités', 10, '[]', '["mobilite--etre-accompagne-dans-son-parcours-mobilite","mobilite--preparer-un-permis","mobilite--financer-ma-mobilite"]', '[]', CURRENT_TIMESTAMP),
('field', 'refugies-migrants', 'Accueil des réfugiés et migrants', 'Accueil, intégration, apprentissage du français', 11, '["003050"]', '["lecture-ecriture-calcul--maitriser-le-francais","difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete"]', '[]', CURRENT_TIMESTAMP),
('field', 'egalite-femmes-hommes', 'Droits des femmes', 'Égalité, lutte contre les violences faites aux femmes', 12, '[]', '["famille--surmonter-conflits-separation-violence","difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination"]', '[]', CURRENT_TIMESTAMP),
('field', 'famille-parentalite', 'Famille et parentalité', 'Soutien aux parents, petite enfance', 13, '[]', '["famille--soutien-a-la-parentalite-et-a-leducation","famille--garde-denfants"]', '[]', CURRENT_TIMESTAMP),
('field', 'jeunesse', 'Jeunesse', 'Jeunes adultes, décrochage, accès à l''autonomie', 14, '[]', '["remobilisation--bien-etre-confiance-en-soi","se-former--trouver-sa-formation"]', '[]', CURRENT_TIMESTAMP),
('field', 'equipement-vetements', 'Vêtements et équipement', 'Vestiaires, meubles, équipement de la maison', 15, '["020010"]', '["equipement-et-alimentation--habillement","equipement-et-alimentation--electromenager"]', '[]', CURRENT_TIMESTAMP),
('field', 'budget-surendettement', 'Budget et surendettement', 'Accompagnement budgétaire, microcrédit', 16, '[]', '["difficultes-financieres--situation-dendettement-surendettement","difficultes-financieres--ameliorer-sa-gestion-budgetaire"]', '[]', CURRENT_TIMESTAMP),
('field', 'addictions', 'Addictions', 'Prévention et réduction des risques', 17, '[]', '["sante--addictions"]', '[]', CURRENT_TIMESTAMP),
('field', 'entraide-benevolat', 'Entraide et bénévolat', 'Entraide, engagement bénévole', 18, '["014000"]', '["remobilisation--benevolat-action-citoyenne"]', '[]', CURRENT_TIMESTAMP),
('field', 'culture-loisirs-solidaires', 'Culture et loisirs solidaires', 'Accès à la culture, aux vacances et aux loisirs', 19, '[]', '["remobilisation--activites-sportives-et-culturelles"]', '[]', CURRENT_TIMESTAMP),
('field', 'medico-social', 'Médico-social', 'Établissements et services médico-sociaux', 20, '["018000"]', '["sante--acces-aux-soins"]', '[]', CURRENT_TIMESTAMP),
('public', 'tout-public', 'Tout public', '', 0, '[]', '[]', '["tous-publics"]', CURRENT_TIMESTAMP),
('public', 'jeunes-adultes', 'Jeunes adultes (18-25 ans)', '', 1, '[]', '[]', '["jeunes","etudiants"]', CURRENT_TIMESTAMP),
('public', 'personnes-agees', 'Personnes âgées', '', 2, '[]', '[]', '["seniors"]', CURRENT_TIMESTAMP),
('public', 'familles', 'Familles', '', 3, '[]', '[]', '["familles"]', CURRENT_TIMESTAMP),
('public', 'enfants', 'Enfants', '', 4, '[]', '[]', '["familles"]', CURRENT_TIMESTAMP),
('public', 'personnes-handicapees', 'Personnes en situation de handicap', '', 5, '[]', '[]', '["personnes-en-situation-de-handicap"]', CURRENT_TIMESTAMP),
('public', 'sans-logement-stable', 'Personnes sans logement stable', '', 6, '[]', '[]', '["personnes-en-situation-durgence"]', CURRENT_TIMESTAMP),
('public', 'refugies', 'Personnes réfugiées et migrantes', '', 7, '[]', '[]', '["personnes-exilees"]', CURRENT_TIMESTAMP),
('public', 'femmes', 'Femmes', '', 8, '[]', '[]', '["femmes"]', CURRENT_TIMESTAMP),
('public', 'demandeurs-emploi', 'Demandeurs d''emploi', '', 9, '[]', '[]', '["demandeurs-emploi"]', CURRENT_TIMESTAMP),
('public', 'personnes-isolees', 'Personnes isolées', '', 10, '[]', '[]', '["tous-publics"]', CURRENT_TIMESTAMP),
('district', 'toute-la-ville', 'Tout le territoire', '', 0, '[]', '[]', '[]', CURRENT_TIMESTAMP);
