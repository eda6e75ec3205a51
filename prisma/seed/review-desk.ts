// Demo review desk: every demo deposit gets the record a real deposit stores (its snapshot and
// fingerprint, so its attestation and PDF can be downloaded), the open call gets labels, one of
// its deposited dossiers awaits a correction with a reason and a due date, and one in instruction
// has an opinion received and another asked.
import { createHash, randomBytes } from "node:crypto";
import { buildSubmissionSnapshot } from "../../app/dossiers/submission-snapshot.server";
import { recordAudit } from "../../app/lib/audit.server";
import { loadTaxonomy } from "../../app/settings/taxonomy.server";
import type { SeedContext } from "./index";

const DAY = 24 * 3600_000;

export async function seedReviewDesk(ctx: SeedContext) {
  const { db } = ctx;
  await recordDeposits(ctx);
  const reviewer = await db.user.findUnique({ where: { email: "instructrice@ccas-besancon.test" }, select: { id: true } });
  const call = await db.call.findFirst({ where: { status: "publie" }, orderBy: { closesAt: "desc" }, select: { id: true } });
  if (!reviewer || !call) return;
  const now = Date.now();

  const [priority, district] = await Promise.all([
    db.callLabel.create({ data: { callId: call.id, name: "Prioritaire", color: "rouge", position: 1 } }),
    db.callLabel.create({ data: { callId: call.id, name: "Quartier prioritaire", color: "violet", position: 2 } }),
    db.callLabel.create({ data: { callId: call.id, name: "Pièces à vérifier", color: "orange", position: 3 } }),
  ]);
  const deposited = await db.dossier.findMany({
    where: { callId: call.id, state: { not: "brouillon" } },
    orderBy: { number: "asc" },
    select: { id: true, state: true, association: { select: { id: true, name: true } } },
  });
  for (const d of deposited.slice(0, 2)) await db.dossierLabel.create({ data: { dossierId: d.id, labelId: district.id } });
  const inInstruction = deposited.filter((d) => d.state === "en_instruction");
  if (inInstruction[0]) await db.dossierLabel.create({ data: { dossierId: inInstruction[0].id, labelId: priority.id } });

  // A correction awaited: the last dossier still "en construction" that is not Toit Commun's (its demo account deposits).
  const awaiting = deposited.filter((d) => d.state === "en_construction" && d.association.id !== ctx.demoAssociations.toitCommun).at(-1);
  if (awaiting) {
    const requestedAt = new Date(now - 2 * DAY);
    const message =
      "Le budget du projet ne mentionne pas le cofinancement de la Ville annoncé dans la description : complétez la ligne 74.";
    await db.dossier.update({ where: { id: awaiting.id }, data: { correctionRequestedAt: requestedAt } });
    await db.correctionRequest.create({
      data: {
        dossierId: awaiting.id,
        reason: "incomplet",
        message,
        dueAt: new Date(now + 12 * DAY),
        requestedById: reviewer.id,
        createdAt: requestedAt,
      },
    });
    await recordAudit(db, {
      entityType: "dossier",
      entityId: awaiting.id,
      actorId: reviewer.id,
      action: "demande_correction",
      fromState: "en_construction",
      toState: "en_construction",
      comment: message,
    });
  }

  // Opinions on the first dossier in instruction: one received, one still awaited.
  const consulted = inInstruction[0];
  if (consulted) {
    const token = () => createHash("sha256").update(randomBytes(32)).digest("hex");
    await db.expertOpinion.create({
      data: {
        dossierId: consulted.id,
        expertName: "Claire Martin, adjointe déléguée aux solidarités",
        expertEmail: "elue.solidarites@exemple.test",
        question: "Ce projet répond-il à un besoin que vous constatez dans le quartier ?",
        dueAt: new Date(now + 5 * DAY),
        tokenHash: token(),
        requestedById: reviewer.id,
        createdAt: new Date(now - 4 * DAY),
        answeredAt: new Date(now - DAY),
        answer:
          "Oui : les permanences de la mairie de quartier reçoivent chaque semaine des personnes seules sans solution. Le projet gagnerait à s'appuyer sur le centre social.",
      },
    });
    await db.expertOpinion.create({
      data: {
        dossierId: consulted.id,
        expertName: "Fédération des centres sociaux du Doubs",
        expertEmail: "contact@centres-sociaux.exemple.test",
        question: "L'association est-elle un partenaire fiable pour vos centres ?",
        dueAt: new Date(now + 7 * DAY),
        confidential: true,
        tokenHash: token(),
        requestedById: reviewer.id,
        createdAt: new Date(now - DAY),
      },
    });
  }
  ctx.log(
    `Bureau d'instruction : 3 étiquettes, ${awaiting ? "une demande de correction en attente" : "aucune demande de correction"}, ${consulted ? "2 avis demandés" : "aucun avis"}.`,
  );
}

/** Each demo deposit as a real one stores it: the dossier's snapshot and its fingerprint. */
async function recordDeposits(ctx: SeedContext) {
  const { db } = ctx;
  const taxonomy = await loadTaxonomy(db);
  const submissions = await db.dossierSubmission.findMany({
    where: { sha256: null },
    select: {
      id: true,
      dossierId: true,
      kind: true,
      submittedAt: true,
      submittedById: true,
      dossier: {
        select: {
          declarationSignerId: true,
          association: { select: { memberships: { where: { isRepresentative: true }, take: 1, select: { userId: true } } } },
        },
      },
    },
  });
  for (const s of submissions) {
    // Who deposited: as recorded, else the declaration's signer, else the legal representative.
    const submitterId = s.submittedById ?? s.dossier.declarationSignerId ?? s.dossier.association.memberships[0]?.userId;
    const submitter = submitterId ? await db.user.findUnique({ where: { id: submitterId }, select: { id: true, name: true } }) : null;
    const record = await buildSubmissionSnapshot(db, {
      dossierId: s.dossierId,
      kind: s.kind,
      at: s.submittedAt,
      submitter: submitter ?? { id: "", name: "—" },
      taxonomy,
    });
    await db.dossierSubmission.update({ where: { id: s.id }, data: record });
  }
}
