// Demo instruction: the open call's dossiers in instruction are scored by both demo reviewers,
// with a private note and an exchange with the association; decided dossiers get their history.
import type { SeedContext } from "./index";
import { recordAudit } from "../../app/lib/audit.server";
import { formatEuros } from "../../app/lib/format";

const DAY = 24 * 60 * 60 * 1000;

export async function seedReview(ctx: SeedContext) {
  const { db } = ctx;
  const reviewers = await db.user.findMany({
    where: { email: { in: ["instructrice@ccas-besancon.test", "instructeur2@ccas-besancon.test"] } },
    orderBy: { email: "asc" },
    select: { id: true, email: true },
  });
  if (reviewers.length === 0) return;
  const now = Date.now();
  const dossiers = await db.dossier.findMany({
    where: { state: { in: ["en_instruction", "accepte", "refuse"] } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      state: true,
      requestedCents: true,
      proposedCents: true,
      associationId: true,
      call: { select: { criteria: { select: { id: true } } } },
    },
  });
  let scored = 0;
  for (const [i, d] of dossiers.entries()) {
    const lead = reviewers[i % reviewers.length];
    await recordAudit(db, {
      entityType: "dossier",
      entityId: d.id,
      actorId: lead.id,
      action: "passage_en_instruction",
      fromState: "en_construction",
      toState: "en_instruction",
      createdAt: new Date(now - 2 * DAY),
    });
    // Every reviewer scores every criterion, with a spread that gives distinct averages.
    for (const [r, reviewer] of reviewers.entries()) {
      for (const [c, criterion] of d.call.criteria.entries()) {
        await db.score.create({
          data: { dossierId: d.id, reviewerId: reviewer.id, criterionId: criterion.id, value: Math.min(10, 4 + ((i * 3 + r * 2 + c) % 7)) },
        });
      }
    }
    scored += 1;
    if (d.state === "en_instruction") {
      await db.annotation.create({
        data: {
          dossierId: d.id,
          authorId: lead.id,
          body: "Vérifier la cohérence entre le budget du projet et les derniers comptes approuvés.",
        },
      });
      await db.message.create({
        data: {
          dossierId: d.id,
          authorId: lead.id,
          fromStaff: true,
          body: "Bonjour, pouvez-vous préciser le nombre de bénévoles mobilisés sur le projet ?",
          createdAt: new Date(now - DAY),
        },
      });
      const member = await db.membership.findFirst({ where: { associationId: d.associationId }, select: { userId: true } });
      if (member) {
        await db.message.create({
          data: {
            dossierId: d.id,
            authorId: member.userId,
            fromStaff: false,
            body: "Bonjour, quinze bénévoles, dont cinq formés à l'écoute.",
            createdAt: new Date(now - DAY / 2),
          },
        });
      }
    } else {
      const accepted = d.state === "accepte";
      const proposedCents = accepted ? (d.proposedCents ?? d.requestedCents) : null;
      const reason = accepted ? null : "Le projet relève d'un autre dispositif de financement (Fonds de solidarité logement).";
      await db.dossier.update({
        where: { id: d.id },
        data: accepted ? { proposedCents } : { decisionReason: d.state === "refuse" ? reason : undefined },
      });
      await recordAudit(db, {
        entityType: "dossier",
        entityId: d.id,
        actorId: lead.id,
        action: "decision",
        fromState: "en_instruction",
        toState: d.state,
        comment: accepted && proposedCents ? `Montant accordé : ${formatEuros(proposedCents)}` : reason,
        createdAt: new Date(now - DAY),
      });
    }
  }
  ctx.log(`Instruction : ${scored} dossiers notés par ${reviewers.length} instructeur·rices.`);
}
