// Saving steps against a real database (SQLite or PostgreSQL): values kept as typed, title and amount
// denormalised, the declaration signed by the legal representative only.
import { describe, expect, it } from "vitest";
import { setup } from "./test-support";

const drafts = await import("./drafts.server");
const reading = await import("./reading.server");
const steps = await import("./steps.server");

describe("dossier life", () => {
  it("saves a step as typed even when invalid, and denormalises title and amount", async () => {
    const { call, access } = await setup();
    const { id } = await drafts.startDossier(access.associationId, call.id, access.user);
    const saved = await steps.saveStep(access, id, "budget_projet", { c60: "1000", p74_ccas: "1 000", p75: "abc" }, { validate: true });
    expect(saved.ok).toBe(false);
    await steps.saveStep(access, id, "projet", { title: "Jardins partagés", unknownField: "x" }, { validate: false });
    const dossier = await reading.getDossierForMember(access.associationId, id);
    expect(dossier.parsed.budget_projet).toMatchObject({ p75: "abc" });
    expect(dossier.parsed.projet).toEqual({ title: "Jardins partagés" });
    expect(dossier.projectTitle).toBe("Jardins partagés");
    expect(dossier.requestedCents).toBe(1_000_00);
    expect(dossier.parsed.identification?.name).toBeTruthy();
  });

  it("keeps a draft amount too large for the database as typed, without taking it as the amount requested", async () => {
    const { call, access } = await setup();
    const { id } = await drafts.startDossier(access.associationId, call.id, access.user);
    const saved = await steps.saveStep(access, id, "budget_projet", { p74_ccas: "30 000 000" }, { validate: false });
    expect(saved).toEqual({ ok: true });
    const dossier = await reading.getDossierForMember(access.associationId, id);
    expect(dossier.parsed.budget_projet).toMatchObject({ p74_ccas: "30 000 000" });
    expect(dossier.requestedCents).toBeNull();
  });

  it("lets only the legal representative sign the declaration", async () => {
    const { call, access } = await setup({ representative: false });
    const { id } = await drafts.startDossier(access.associationId, call.id, access.user);
    await expect(
      steps.saveStep(
        access,
        id,
        "declaration",
        { engagementRepublicain: "on", regularite: "on", exactitude: "on", montant: "on" },
        { validate: true },
      ),
    ).rejects.toThrow(/représentant·e légal·e/);
  });
});
