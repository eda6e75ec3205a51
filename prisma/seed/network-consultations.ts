// Demo consultations of the network: the one before the annual meeting (tied to it when the demo
// events hold one), open, with one question of each kind and answers from a few associations —
// the Épicerie solidaire Planoise has not answered yet, so its demo account can; and last year's,
// closed, answered by the Épicerie. Every consultation table gets rows.
import { createConsultation } from "../factories/network";
import type { SeedContext } from "./index";

const DAY = 24 * 3600_000;

const QUESTIONS = [
  {
    kind: "single",
    label: "Participerez-vous à la rencontre annuelle du réseau ?",
    options: ["Oui", "Non", "Pas encore décidé"],
    required: true,
  },
  {
    kind: "multiple",
    label: "Quelles difficultés rencontrez-vous en ce moment ?",
    options: ["Locaux", "Bénévoles", "Financements", "Matériel"],
  },
  { kind: "scale", label: "Votre satisfaction envers le réseau", scaleMin: 1, scaleMax: 5, required: true },
  { kind: "text", label: "Vos attentes pour l'année à venir" },
] as const;

const ANSWERS: [string, string[], number, string][] = [
  ["c1", ["c1", "c2"], 4, "Un local partagé pour stocker les dons alimentaires."],
  ["c3", ["c3"], 3, "Plus de rencontres entre associations du même quartier."],
  ["c1", ["c2", "c4"], 5, ""],
];

export async function seedNetworkConsultations({ db, associationIds, demoAssociations, users, log }: SeedContext) {
  const now = Date.now();
  const meeting = await db.event.findFirst({
    where: { title: { contains: "encontre" } },
    orderBy: { startsAt: "desc" },
    select: { id: true },
  });
  const current = await createConsultation(db, {
    title: "Consultation avant la rencontre annuelle du réseau",
    opensAt: new Date(now - 7 * DAY),
    closesAt: new Date(now + 21 * DAY),
    eventId: meeting?.id,
    questions: QUESTIONS.map((q) => ({ ...q, options: "options" in q ? [...q.options] : undefined })),
  });
  await db.consultation.update({
    where: { id: current.id },
    data: {
      description: "Le CCAS prépare la rencontre annuelle : dites-nous vos attentes et vos difficultés. Une réponse par association.",
      createdById: users["instructrice@ccas-besancon.test"],
    },
  });
  await db.consultationQuestion.updateMany({
    where: { consultationId: current.id, kind: "scale" },
    data: { scaleMinLabel: "Pas du tout satisfaite", scaleMaxLabel: "Très satisfaite" },
  });
  const answering = [
    demoAssociations.toitCommun,
    ...associationIds.filter((id) => id !== demoAssociations.epicerie && id !== demoAssociations.toitCommun),
  ].slice(0, 3);
  const [single, multiple, scale, text] = current.questions;
  for (const [i, associationId] of answering.entries()) {
    const [choice, choices, value, free] = ANSWERS[i];
    await db.consultationResponse.create({
      data: {
        consultationId: current.id,
        associationId,
        submittedById: associationId === demoAssociations.toitCommun ? users["tresorier@toit-commun.test"] : null,
        answers: {
          create: [
            { questionId: single.id, value: choice },
            { questionId: multiple.id, value: choices },
            { questionId: scale.id, value },
            ...(free ? [{ questionId: text.id, value: free }] : []),
          ],
        },
      },
    });
  }
  const past = await createConsultation(db, {
    title: "Consultation de l'an dernier : les besoins en locaux",
    opensAt: new Date(now - 400 * DAY),
    closesAt: new Date(now - 370 * DAY),
    questions: [
      { kind: "single", label: "Disposez-vous d'un local adapté ?", options: ["Oui", "Non"], required: true },
      { kind: "text", label: "Ce qui vous manque" },
    ],
  });
  await db.consultationResponse.create({
    data: {
      consultationId: past.id,
      associationId: demoAssociations.epicerie,
      answers: {
        create: [
          { questionId: past.questions[0].id, value: "c2" },
          { questionId: past.questions[1].id, value: "Une chambre froide pour les produits frais." },
        ],
      },
    },
  });
  log(`2 consultations du réseau, ${answering.length + 1} réponses`);
}
