// Dossiers with complete, realistic step data (Cerfa 12156 sections), for tests, the seed
// and the review side: `createDossier(db, { callId, associationId, state: "en_instruction" })`.
import type { Db } from "../../app/db.server";
import { draftNumber, nextDossierNumber } from "../../app/dossiers/dossier-number";

export type DossierState = "brouillon" | "en_construction" | "en_instruction" | "accepte" | "refuse" | "sans_suite";

type AssociationRow = {
  name: string;
  acronym: string | null;
  rna: string | null;
  siret: string | null;
  address: string;
  postcode: string;
  city: string;
  email: string | null;
  phone: string | null;
  district: string;
};

const euros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",").replace(/,00$/, "");

/** Every step filled in and valid; the CCAS amount is `requestedCents` and the budget balances. */
export function buildDossierData(association: AssociationRow, options: { requestedCents?: number; title?: string; seed?: number } = {}) {
  const seed = options.seed ?? association.name.length;
  const requested = options.requestedCents ?? 8_000_00;
  const personnel = 12_000_00 + (seed % 5) * 1_000_00;
  const purchases = 3_500_00;
  const services = 2_000_00;
  const inKind = 4_000_00;
  const charges = personnel + purchases + services;
  const commune = 2_500_00;
  const ownFunds = charges - requested - commune;
  return {
    identification: {
      name: association.name,
      acronym: association.acronym ?? "",
      rna: association.rna ?? "W251000001",
      siret: association.siret ?? "73282932000074",
      address: association.address,
      postcode: association.postcode,
      city: association.city,
      email: association.email ?? "contact@association.test",
      phone: association.phone ?? "03 81 00 00 00",
      representativeName: "Martine Durand",
      representativeRole: "Présidente",
      contactName: "Karim Benali",
      contactEmail: "karim.benali@association.test",
      contactPhone: "06 12 34 56 78",
    },
    administration: {
      agrements: "Agrément Jeunesse et éducation populaire (SDJES du Doubs, 2019)",
      utilitePublique: "non",
      utilitePubliqueDate: "",
      commissaireComptes: "non",
    },
    reseaux: {
      federations: "Fédération des acteurs de la solidarité Bourgogne-Franche-Comté",
      partenaires: "Antenne sociale de quartier, Maison de quartier",
    },
    ressources_humaines: {
      adherents: String(80 + (seed % 40)),
      benevoles: String(20 + (seed % 15)),
      volontaires: "2",
      salaries: "3",
      etpt: "2,4",
      misADisposition: "0",
    },
    budget_association: {
      exercice: String(new Date().getFullYear()),
      totalCharges: "185000",
      totalProduits: "185000",
      subventionsPubliques: "92000",
      contributionsNature: "30000",
    },
    projet: {
      title: options.title ?? `Rompre l'isolement à ${association.city} : visites et ateliers partagés`,
      objectives: "Réduire l'isolement des personnes seules ; faciliter l'accès aux droits ; créer du lien entre voisins.",
      description:
        "Des bénévoles formés rendent visite chaque semaine à des personnes isolées repérées avec l'antenne sociale. Deux ateliers collectifs par mois (cuisine, numérique) réunissent les participant·es.",
      fields: ["lutte-isolement", "acces-aux-droits"],
      publics: ["personnes-isolees", "personnes-agees"],
      beneficiaries: String(60 + (seed % 50)),
      territory: association.district,
      means: "Une coordinatrice à mi-temps, 15 bénévoles, une salle prêtée par la Ville, un véhicule.",
      startDate: `${new Date().getFullYear() + 1}-01-15`,
      durationMonths: "12",
      indicators:
        "Nombre de personnes visitées ; fréquence des visites ; satisfaction mesurée par questionnaire ; orientations vers les services.",
    },
    budget_projet: {
      c60: euros(purchases),
      c61: euros(services),
      c62: "0",
      c63: "0",
      c64: euros(personnel),
      c65: "0",
      c66: "0",
      c67: "0",
      c68: "0",
      p70: "0",
      p73: "0",
      p74_etat: "0",
      p74_region: "0",
      p74_departement: "0",
      p74_commune: euros(commune),
      p74_ccas: euros(requested),
      p74_autres: "0",
      p75: euros(Math.max(0, ownFunds)),
      c86: euros(inKind),
      p87: euros(inKind),
    },
    declaration: { engagementRepublicain: "on", regularite: "on", exactitude: "on", montant: "on" },
  };
}

export async function createDossier(
  db: Db,
  options: {
    callId: string;
    associationId: string;
    state?: DossierState;
    data?: Record<string, Record<string, unknown>>;
    requestedCents?: number;
    title?: string;
    signerId?: string;
    submittedAt?: Date;
  },
) {
  const state = options.state ?? "en_construction";
  const association = await db.association.findUniqueOrThrow({ where: { id: options.associationId } });
  const built = buildDossierData(association, { requestedCents: options.requestedCents, title: options.title });
  const data = { ...built, ...(options.data ?? {}) };
  const projet = data.projet as Record<string, unknown>;
  const budget = data.budget_projet as Record<string, unknown>;
  const requestedCents =
    typeof budget?.p74_ccas === "string" ? Math.round(Number(budget.p74_ccas.replace(/\s/g, "").replace(",", ".")) * 100) : null;
  const submitted = state !== "brouillon";
  const now = new Date();
  const submittedAt = submitted ? (options.submittedAt ?? new Date(now.getTime() - 3 * 24 * 3600_000)) : null;
  const { financialYear } = await db.call.findUniqueOrThrow({ where: { id: options.callId }, select: { financialYear: true } });
  for (let attempt = 0; ; attempt++) {
    const number = submitted ? await nextDossierNumber(db, financialYear) : draftNumber();
    try {
      return await db.dossier.create({
        data: {
          number,
          callId: options.callId,
          associationId: options.associationId,
          state,
          data,
          currentStep: submitted ? "declaration" : "projet",
          projectTitle: typeof projet?.title === "string" ? projet.title : null,
          requestedCents,
          declarationSignedAt: submitted ? submittedAt : null,
          declarationSignerId: submitted ? (options.signerId ?? null) : null,
          submittedAt,
          ...(submittedAt ? { submissions: { create: { kind: "depot", submittedAt, submittedById: options.signerId ?? null } } } : {}),
          instructionStartedAt: ["en_instruction", "accepte", "refuse", "sans_suite"].includes(state) ? now : null,
          decidedAt: ["accepte", "refuse", "sans_suite"].includes(state) ? now : null,
        },
      });
    } catch (error) {
      if (attempt < 5 && String(error).includes("Unique constraint")) continue;
      throw error;
    }
  }
}
