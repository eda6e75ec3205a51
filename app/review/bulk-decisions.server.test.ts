// Bulk decisions on a real SQLite database: each dossier with its own amount, each applied on
// its own through `decide` (subsidy, e-mail, audit) or refused with its reason, never skipped.
import { describe, expect, it } from "vitest";
import { formatEuros } from "~/lib/format";
import { reviewFixture } from "./test-support";

const { prisma, world, newDossier } = await reviewFixture();
const { applyDecisions, prepareDecisions } = await import("./bulk-decisions.server");
const { confirmDecisionsSchema, amountField, reasonField } = await import("./bulk-schemas");

async function inInstruction(requestedCents: number) {
  const d = await newDossier(requestedCents);
  return prisma.dossier.update({ where: { id: d.id }, data: { state: "en_instruction" } });
}

describe("preparing bulk decisions", () => {
  it("lists each selected dossier of the call with what stops it being decided, and the amounts already granted", async () => {
    const ready = await inInstruction(500_000);
    const open = await newDossier(300_000);
    const granted = await prisma.dossier.update({
      where: { id: (await newDossier(400_000)).id },
      data: { state: "accepte", proposedCents: 250_000 },
    });
    const step = await prepareDecisions(world.reviewerA, world.callId, [ready.id, open.id, granted.id, "inconnu"]);
    expect(Object.fromEntries(step.rows.map((r) => [r.id, r.blocked]))).toEqual({
      [ready.id]: null,
      [open.id]: "« En construction » : seul un dossier en instruction peut être décidé. Passez-le d'abord en instruction.",
      [granted.id]: "Déjà décidé (« Accepté ») : rien n'est changé.",
    });
    expect(step.unknown).toBe(1);
    expect(step.call.envelopeCents).toBe(1_500_000);
    // The granted dossier is in the selection: not counted twice.
    const others = await prepareDecisions(world.reviewerA, world.callId, [ready.id]);
    expect(others.grantedCents - step.grantedCents).toBe(250_000);
    await expect(prepareDecisions(world.outsider, world.callId, [ready.id])).rejects.toMatchObject({ status: 403 });
  });
});

describe("the confirmation form", () => {
  it("asks an amount of each dossier accepted and a reason of each refused, in French", () => {
    const rows = [{ id: "a1", number: "AAP-2027-0001" }];
    const accept = confirmDecisionsSchema("accepte", rows).safeParse({ decision: "accepte", dossierId: "a1", [amountField("a1")]: "abc" });
    expect(accept.success).toBe(false);
    expect(accept.error?.issues[0].message).toBe(
      "Montant accordé au dossier AAP-2027-0001 : indiquez un montant en euros, par exemple 1 234,56.",
    );
    const ok = confirmDecisionsSchema("accepte", rows).parse({ decision: "accepte", dossierId: ["a1"], [amountField("a1")]: "1 234,50" });
    expect(ok[amountField("a1")]).toBe(123_450);
    const refuse = confirmDecisionsSchema("refuse", rows).safeParse({ decision: "refuse", dossierId: ["a1"], [reasonField("a1")]: "  " });
    expect(refuse.error?.issues[0].message).toBe("Motif du refus du dossier AAP-2027-0001 : ce champ est obligatoire.");
    expect(confirmDecisionsSchema("sans_suite", rows).safeParse({ decision: "sans_suite", dossierId: ["a1"] }).success).toBe(true);
  });
});

describe("applying bulk decisions", () => {
  it("accepts each dossier with its own amount (subsidy of that amount), refuses an amount above the request and a stale dossier", async () => {
    const [a, b, tooMuch] = [await inInstruction(800_000), await inInstruction(600_000), await inInstruction(200_000)];
    const stale = await inInstruction(100_000);
    // Decided by someone else after the confirmation was shown.
    await prisma.dossier.update({ where: { id: stale.id }, data: { state: "refuse" } });
    const { results, unknown } = await applyDecisions(world.reviewerA, world.callId, "accepte", [
      { dossierId: a.id, amountCents: 750_000 },
      { dossierId: b.id, amountCents: 420_000 },
      { dossierId: tooMuch.id, amountCents: 200_001 },
      { dossierId: stale.id, amountCents: 100_000 },
    ]);
    expect(unknown).toBe(0);
    expect(results.map((r) => [r.id, r.outcome, r.message])).toEqual([
      [a.id, "done", "Accepté"],
      [b.id, "done", "Accepté"],
      [tooMuch.id, "refused", `Le montant accordé ne peut pas dépasser le montant demandé (${formatEuros(200_000)}).`],
      [stale.id, "refused", "Déjà décidé (« Refusé ») : rien n'est changé."],
    ]);
    expect(await prisma.subsidy.findUnique({ where: { dossierId: a.id } })).toMatchObject({ proposedCents: 750_000, financialYear: 2027 });
    expect(await prisma.subsidy.findUnique({ where: { dossierId: b.id } })).toMatchObject({ proposedCents: 420_000 });
    expect(results[0].subsidy?.proposedCents).toBe(750_000);
    expect(await prisma.subsidy.findUnique({ where: { dossierId: tooMuch.id } })).toBeNull();
    expect(await prisma.dossier.findUniqueOrThrow({ where: { id: tooMuch.id } })).toMatchObject({ state: "en_instruction" });
    expect(await prisma.dossier.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ state: "refuse" });
    expect(await prisma.auditEvent.count({ where: { entityId: { in: [a.id, b.id] }, action: "decision", toState: "accepte" } })).toBe(2);
    expect(await prisma.auditEvent.findFirst({ where: { entityId: world.callId, action: "decisions_groupees" } })).toMatchObject({
      comment: `Accepté : ${a.number}, ${b.number}`,
    });
    const mails = await prisma.emailMessage.findMany({ where: { to: world.memberEmail, subject: { contains: "décision du CCAS" } } });
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [`Dossier ${a.number} : décision du CCAS`, `Dossier ${b.number} : décision du CCAS`].sort(),
    );
  });

  it("refuses with each dossier's reason, reports dossiers outside the call apart, and leaves another reviewer's call alone", async () => {
    const [r1, r2] = [await inInstruction(100_000), await inInstruction(100_000)];
    const { results, unknown } = await applyDecisions(world.reviewerB, world.callId, "refuse", [
      { dossierId: r1.id, reason: "Hors du champ de l'appel." },
      { dossierId: r2.id, reason: "Budget incomplet." },
      { dossierId: "inconnu", reason: "x" },
    ]);
    expect(unknown).toBe(1);
    expect(results.every((r) => r.outcome === "done")).toBe(true);
    expect(await prisma.dossier.findUniqueOrThrow({ where: { id: r2.id } })).toMatchObject({
      state: "refuse",
      decisionReason: "Budget incomplet.",
    });
    const untouched = await inInstruction(100_000);
    await expect(applyDecisions(world.outsider, world.callId, "sans_suite", [{ dossierId: untouched.id }])).rejects.toMatchObject({
      status: 403,
    });
    expect(await prisma.dossier.findUniqueOrThrow({ where: { id: untouched.id } })).toMatchObject({ state: "en_instruction" });
  });
});
