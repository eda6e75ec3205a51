// A call's indicators against a real SQLite database: added in order, moved, edited, removed;
// once a dossier is deposited their kind and unit are fixed and none is removed; criteria refer
// to them and keep them when the call's form is saved again.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { createDossier } from "../../prisma/factories/dossier";
import { createUser } from "../../prisma/factories/user";
import type { SessionUser } from "../accounts/auth.server";
import { callIndicatorSchema } from "./call-indicator-schemas";

const { prisma } = await import("../db.server");
const indicators = await import("./call-indicators.server");

async function setup() {
  const call = await createCall(prisma, { financialYear: 2093 });
  const u = await createUser(prisma, { role: "admin", passwordHash: "!" });
  const admin: SessionUser = { id: u.id, email: u.email, name: u.name, role: "admin" };
  return { call, admin };
}
const input = (over: Record<string, unknown> = {}) =>
  callIndicatorSchema.parse({ name: "Personnes accompagnées", kind: "resultats", unit: "personnes", targetRequired: "on", ...over });

describe("a call's indicators", () => {
  it("adds indicators in order, moves, edits and removes them, with an audit line each", async () => {
    const { call, admin } = await setup();
    const a = await indicators.addCallIndicator(call.id, input(), admin);
    const b = await indicators.addCallIndicator(
      call.id,
      input({ name: "Heures d'atelier", kind: "moyens", unit: "heures", targetRequired: undefined }),
      admin,
    );
    expect(b).toMatchObject({ targetRequired: false, position: 1 });
    await indicators.moveCallIndicator(call.id, b.id, "up", admin);
    let page = await indicators.getCallIndicatorsForAdmin(call.id);
    expect(page.indicators.map((i) => i.name)).toEqual(["Heures d'atelier", "Personnes accompagnées"]);
    await indicators.updateCallIndicator(call.id, a.id, input({ unit: "pourcentage", name: "Part de femmes" }), admin);
    await indicators.removeCallIndicator(call.id, b.id, admin);
    page = await indicators.getCallIndicatorsForAdmin(call.id);
    expect(page.indicators.map((i) => [i.name, i.unit])).toEqual([["Part de femmes", "pourcentage"]]);
    expect(page.locked).toBe(false);
    expect(await prisma.auditEvent.count({ where: { entityType: "call", entityId: call.id, action: "indicateurs" } })).toBe(5);
  });

  it("refuses an indicator of another call", async () => {
    const { call, admin } = await setup();
    const other = await createCall(prisma);
    const foreign = await indicators.addCallIndicator(other.id, input(), admin);
    await expect(indicators.removeCallIndicator(call.id, foreign.id, admin)).rejects.toMatchObject({ code: "indicator_not_found" });
    expect(await prisma.callIndicator.count({ where: { id: foreign.id } })).toBe(1);
  });

  it("once a dossier is deposited, keeps kind and unit and refuses removal, but lets the name change", async () => {
    const { call, admin } = await setup();
    const a = await indicators.addCallIndicator(call.id, input(), admin);
    const association = await createAssociation(prisma, { status: "validated" });
    await createDossier(prisma, { callId: call.id, associationId: association.id, state: "en_construction" });
    await expect(indicators.updateCallIndicator(call.id, a.id, input({ kind: "moyens" }), admin)).rejects.toMatchObject({
      code: "indicator_locked",
      field: "kind",
      message: expect.stringContaining("la nature de « Personnes accompagnées » ne peut plus changer"),
    });
    await expect(indicators.updateCallIndicator(call.id, a.id, input({ unit: "heures" }), admin)).rejects.toMatchObject({ field: "unit" });
    await expect(indicators.removeCallIndicator(call.id, a.id, admin)).rejects.toMatchObject({
      message: expect.stringContaining("ne peut plus être retiré"),
    });
    const renamed = await indicators.updateCallIndicator(
      call.id,
      a.id,
      input({ name: "Personnes suivies", targetRequired: undefined }),
      admin,
    );
    expect(renamed).toMatchObject({ name: "Personnes suivies", kind: "resultats", unit: "personnes", targetRequired: false });
    expect((await indicators.getCallIndicatorsForAdmin(call.id)).locked).toBe(true);
  });

  it("links criteria to indicators, refuses an unknown indicator, and keeps the links when the call is saved again", async () => {
    const { call, admin } = await setup();
    const a = await indicators.addCallIndicator(call.id, input(), admin);
    const criteria = await prisma.criterion.findMany({ where: { callId: call.id }, orderBy: { position: "asc" } });
    expect(criteria.length).toBeGreaterThan(1);
    await expect(indicators.setCriterionIndicators(call.id, { [criteria[0].id]: ["nope"] }, admin)).rejects.toMatchObject({
      code: "indicator_not_found",
    });
    await indicators.setCriterionIndicators(call.id, { [criteria[1].id]: [a.id] }, admin);
    const listed = await indicators.listCallIndicators(call.id);
    expect(listed[0].criteria.map((c) => c.criterion.label)).toEqual([criteria[1].label]);

    const { updateCallFromInput } = await import("../calls/editing.server");
    const full = await prisma.call.findUniqueOrThrow({ where: { id: call.id }, include: { fields: true } });
    await updateCallFromInput(
      call.id,
      {
        title: full.title,
        summary: full.summary,
        body: full.body,
        fields: full.fields.map((f) => f.slug),
        envelope: full.envelopeCents,
        minAmount: full.minAmountCents,
        maxAmount: full.maxAmountCents,
        opensAt: "2093-01-01T09:00",
        closesAt: "2093-03-01T12:00",
        financialYear: full.financialYear,
        requiredAttachments: [],
        reviewerIds: [],
        ...Object.fromEntries(
          criteria.flatMap((c, i) => [
            [`criterionLabel_${i}`, c.label],
            [`criterionDescription_${i}`, c.description],
            [`criterionWeight_${i}`, String(c.weight)],
          ]),
        ),
      } as never,
      admin,
    );
    const after = await prisma.criterion.findMany({
      where: { callId: call.id },
      orderBy: { position: "asc" },
      include: { indicators: true },
    });
    expect(after.map((c) => c.indicators.map((i) => i.indicatorId))).toEqual(after.map((_, i) => (i === 1 ? [a.id] : [])));
  });
});
