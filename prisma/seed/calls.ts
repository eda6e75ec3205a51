// Demo calls for projects: one open (closing in a few weeks), one closed with decisions,
// and dossiers from several associations in each state, the Épicerie's as a draft.
import { createCall } from "../factories/call";
import { buildDossierData, createDossier } from "../factories/dossier";
import type { SeedContext } from "./index";

const DAY = 24 * 60 * 60 * 1000;

export async function seedCalls(ctx: SeedContext) {
  const { db } = ctx;
  const staff = await db.user.findMany({
    where: { email: { in: ["instructrice@ccas-besancon.test", "instructeur2@ccas-besancon.test"] } },
    select: { id: true },
  });
  const reviewerIds = staff.map((s) => s.id);
  const now = Date.now();
  const year = new Date().getFullYear();

  const open = await createCall(db, {
    title: `Lutte contre l'isolement et accès aux droits ${year + 1}`,
    slug: `lutte-contre-l-isolement-et-acces-aux-droits-${year + 1}`,
    financialYear: year + 1,
    summary:
      "Soutenir les actions associatives qui rompent l'isolement des personnes seules et les accompagnent vers leurs droits, en priorité à Planoise et dans le quartier des « 408 ».",
    body: [
      "## Contexte",
      "",
      "Le projet social 2022-2026 du CCAS fait de la **lutte contre l'isolement** et de l'**accès aux droits** deux priorités, portées avec les associations du réseau.",
      "",
      "## Projets attendus",
      "",
      "- visites à domicile et actions de lien social ;",
      "- permanences d'accès aux droits et d'inclusion numérique ;",
      "- actions en direction des jeunes adultes sans ressources et des personnes âgées isolées.",
      "",
      "## Modalités",
      "",
      "Le dossier se dépose en ligne. Le budget du projet doit être équilibré ; la subvention du CCAS ne peut excéder 80 % du budget.",
    ].join("\n"),
    envelopeCents: 180_000_00,
    minAmountCents: 2_000_00,
    maxAmountCents: 25_000_00,
    opensAt: new Date(now - 10 * DAY),
    closesAt: new Date(now + 24 * DAY),
    status: "publie",
    requiredAttachments: ["statuts", "rib", "comptes"],
    fields: ["lutte-isolement", "acces-aux-droits", "inclusion-numerique", "personnes-agees", "jeunesse"],
    reviewerIds,
  });
  const closed = await createCall(db, {
    title: `Aide alimentaire et précarité ${year}`,
    slug: `aide-alimentaire-et-precarite-${year}`,
    summary: "Appel clos : soutien aux épiceries solidaires, distributions et actions contre la précarité alimentaire.",
    envelopeCents: 120_000_00,
    minAmountCents: 1_000_00,
    maxAmountCents: 15_000_00,
    opensAt: new Date(now - 120 * DAY),
    closesAt: new Date(now - 60 * DAY),
    status: "clos",
    fields: ["aide-alimentaire", "equipement-vetements"],
    reviewerIds,
  });

  const { epicerie, toitCommun } = ctx.demoAssociations;
  const others = ctx.associationIds.slice(2, 12);
  const epicerieRow = await db.association.findUniqueOrThrow({ where: { id: epicerie } });
  const epicerieData = buildDossierData(epicerieRow, {
    requestedCents: 9_500_00,
    title: "Ateliers cuisine et paniers solidaires à Planoise",
  });
  await createDossier(db, {
    callId: open.id,
    associationId: epicerie,
    state: "brouillon",
    data: {
      identification: epicerieData.identification,
      ressources_humaines: epicerieData.ressources_humaines,
      projet: epicerieData.projet,
    } as never,
  });
  // A draft holds only what was entered: drop the steps not reached yet.
  const draft = await db.dossier.findFirstOrThrow({ where: { associationId: epicerie, callId: open.id } });
  await db.dossier.update({
    where: { id: draft.id },
    data: {
      data: {
        identification: epicerieData.identification,
        ressources_humaines: epicerieData.ressources_humaines,
        projet: epicerieData.projet,
      },
      currentStep: "budget_association",
      requestedCents: null,
    },
  });
  const rep = (id: string) => db.membership.findFirst({ where: { associationId: id, isRepresentative: true }, select: { userId: true } });
  await createDossier(db, {
    callId: open.id,
    associationId: toitCommun,
    state: "en_construction",
    requestedCents: 12_000_00,
    signerId: (await rep(toitCommun))?.userId,
    title: "Permanences d'accès aux droits pour les jeunes sans ressources",
  });
  await createDossier(db, { callId: open.id, associationId: others[0], state: "en_construction", requestedCents: 6_000_00 });
  await createDossier(db, { callId: open.id, associationId: others[1], state: "en_instruction", requestedCents: 15_000_00 });
  await createDossier(db, { callId: open.id, associationId: others[2], state: "en_instruction", requestedCents: 4_500_00 });
  await createDossier(db, {
    callId: closed.id,
    associationId: others[3],
    state: "accepte",
    requestedCents: 10_000_00,
    submittedAt: new Date(now - 70 * DAY),
  });
  await createDossier(db, {
    callId: closed.id,
    associationId: others[4],
    state: "refuse",
    requestedCents: 14_000_00,
    submittedAt: new Date(now - 65 * DAY),
  });
  ctx.log(`Appels à projets : « ${open.title} » ouvert, « ${closed.title} » clos, 7 dossiers.`);
}
