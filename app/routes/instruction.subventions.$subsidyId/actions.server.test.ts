// The staff subsidy actions as the route calls them, with real requests against a real SQLite
// database: the same payment posted 2 and 5 times at once is recorded exactly once, and every
// other answer is a 400 that carries its French message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../../prisma/factories/association";
import { createUser } from "../../../prisma/factories/user";

const { prisma } = await import("../../db.server");
const subsidies = {
  ...(await import("../../subsidies/creation.server")),
  ...(await import("../../subsidies/vote.server")),
  ...(await import("../../subsidies/payments.server")),
};
const { handleStaffSubsidyAction } = await import("./actions.server");

let staff: { id: string };

beforeAll(async () => {
  staff = await createUser(prisma, { role: "staff", passwordHash: "!" });
});

afterAll(async () => {
  await prisma.$disconnect();
});

/** A voted subsidy below 23 000 € (no convention needed) with one instalment to pay. */
async function payableSubsidy() {
  const association = await createAssociation(prisma);
  const subsidy = await subsidies.createGrant(
    { associationId: association.id, purpose: "Épicerie mobile", amount: 5_000_00, financialYear: 2026, fundsAction: false },
    staff,
  );
  await subsidies.recordVote(subsidy.id, { decisionDate: "2026-03-20", deliberationRef: "CA-2026-014", yearAmounts: [5_000_00] }, staff);
  await subsidies.setSchedule(subsidy.id, [{ kind: "solde", amountCents: 5_000_00, plannedDate: "2026-05-02" }], staff);
  const instalment = await prisma.instalment.findFirstOrThrow({ where: { subsidyId: subsidy.id } });
  return { subsidy, instalment };
}

function post(subsidyId: string, fields: Record<string, string>) {
  return new Request(`http://localhost/instruction/subventions/${subsidyId}`, { method: "POST", body: new URLSearchParams(fields) });
}

type Failure = { ok: false; errors: Record<string, string>; values: Record<string, unknown> };

/** The action's answer as a status and, for a refusal, its messages. */
async function answer(result: unknown): Promise<{ status: number; errors?: Record<string, string> }> {
  if (result instanceof Response) return { status: result.status };
  const { data, init } = result as { data: Failure; init?: { status?: number } };
  return { status: init?.status ?? 200, errors: data.errors };
}

describe("recording a payment", () => {
  it.each([2, 5])("posted %i times at once, records it exactly once and says so to the others", async (times) => {
    const { subsidy, instalment } = await payableSubsidy();
    const fields = { intent: "payment", instalmentId: instalment.id, paidAt: "2026-05-04", amount: "5 000" };
    const answers = await Promise.all(
      Array.from({ length: times }, () => handleStaffSubsidyAction(post(subsidy.id, fields), subsidy.id, staff).then(answer)),
    );
    expect(answers.filter((a) => a.status === 302)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 302);
    expect(refused).toHaveLength(times - 1);
    for (const r of refused) {
      expect(r.status).toBe(400);
      expect(r.errors?.instalmentId).toMatch(
        /^Ce versement est déjà enregistré \(5\s000,00\s€ versés le 4 mai 2026\) : il n'est pas enregistré une seconde fois\.$/,
      );
    }
    const paid = await prisma.instalment.findUniqueOrThrow({ where: { id: instalment.id } });
    expect(paid.paidCents).toBe(5_000_00);
    expect(await prisma.auditEvent.count({ where: { entityId: subsidy.id, action: "payment_recorded" } })).toBe(1);
  });

  it("is recorded once when the same payment comes twice in a row", async () => {
    const { subsidy, instalment } = await payableSubsidy();
    const fields = { intent: "payment", instalmentId: instalment.id, paidAt: "2026-05-04", amount: "5 000" };
    expect((await answer(await handleStaffSubsidyAction(post(subsidy.id, fields), subsidy.id, staff))).status).toBe(302);
    const again = await answer(await handleStaffSubsidyAction(post(subsidy.id, fields), subsidy.id, staff));
    expect(again.status).toBe(400);
    expect(again.errors?.instalmentId).toMatch(/déjà enregistré/);
    expect(await prisma.auditEvent.count({ where: { entityId: subsidy.id, action: "payment_recorded" } })).toBe(1);
  });
});
