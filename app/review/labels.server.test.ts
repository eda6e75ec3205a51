// A call's labels on a real SQLite database: names unique per call (whatever the case), the
// bounded count, who may manage them, deleting says how many dossiers carried the label.
import { describe, expect, it } from "vitest";
import { createCall } from "../../prisma/factories/call";
import { reviewFixture } from "./test-support";

const { prisma, world, newDossier } = await reviewFixture();
const {
  addDossierLabel,
  createCallLabel,
  deleteCallLabel,
  getCallLabelsPage,
  getDossierLabels,
  labelForDeletion,
  removeDossierLabel,
  updateCallLabel,
} = await import("./labels.server");
const { LABELS_PER_CALL_MAX } = await import("./labels");

describe("a call's labels", () => {
  it("refuses a second label of the same name on the call, in French, whatever the case", async () => {
    await createCallLabel(world.reviewerA, world.callId, { name: "Priorité", color: "rouge" });
    await expect(createCallLabel(world.reviewerB, world.callId, { name: "priorité", color: "bleu" })).rejects.toMatchObject({
      code: "label_name_taken",
      field: "name",
      message: "Une étiquette « Priorité » existe déjà sur cet appel : choisissez un autre nom.",
    });
    // A different accent is a different word.
    const other = await createCallLabel(world.admin, world.callId, { name: "Priorite bis", color: "vert" });
    await expect(
      updateCallLabel(world.reviewerA, world.callId, { labelId: other.id, name: "PRIORITÉ", color: "vert" }),
    ).rejects.toMatchObject({
      code: "label_name_taken",
    });
    // Renaming a label to its own name in another case is allowed.
    const renamed = await updateCallLabel(world.reviewerA, world.callId, { labelId: other.id, name: "Priorite Bis", color: "violet" });
    expect(renamed).toMatchObject({ name: "Priorite Bis", color: "violet" });
    const trail = await prisma.auditEvent.findMany({
      where: { entityType: "call", entityId: world.callId },
      orderBy: { createdAt: "asc" },
    });
    expect(trail.map((t) => t.action)).toEqual(["etiquette_creee", "etiquette_creee", "etiquette_modifiee"]);
    expect(trail.at(-1)?.comment).toBe("Étiquette « Priorite bis » (vert) → « Priorite Bis » (violet)");
  });

  it("is managed by the call's reviewers and administrators only", async () => {
    await expect(createCallLabel(world.outsider, world.callId, { name: "Intrus", color: "gris" })).rejects.toMatchObject({ status: 403 });
    await expect(getCallLabelsPage(world.outsider, world.callId)).rejects.toMatchObject({ status: 403 });
    expect(await prisma.callLabel.count({ where: { callId: world.callId, name: "Intrus" } })).toBe(0);
  });

  it("keeps the count bounded", async () => {
    const call = await createCall(prisma, { title: "Bornes", reviewerIds: [world.reviewerA.id] });
    for (let i = 0; i < LABELS_PER_CALL_MAX; i++)
      await createCallLabel(world.reviewerA, call.id, { name: `Étiquette ${i}`, color: "gris" });
    await expect(createCallLabel(world.reviewerA, call.id, { name: "Une de trop", color: "gris" })).rejects.toMatchObject({
      code: "too_many_labels",
    });
    // The same name on another call is fine.
    await expect(createCallLabel(world.reviewerA, world.callId, { name: "Étiquette 0", color: "gris" })).resolves.toBeTruthy();
  });

  it("puts a label on a dossier once, takes it off, and says how many dossiers carry it before deleting it", async () => {
    const label = await createCallLabel(world.reviewerA, world.callId, { name: "Comité de mars", color: "bleu" });
    const [d1, d2, d3] = [await newDossier(), await newDossier(), await newDossier()];
    expect(await addDossierLabel(world.reviewerA, d1.id, label.id)).toEqual({ name: "Comité de mars", changed: true });
    expect(await addDossierLabel(world.reviewerA, d1.id, label.id)).toEqual({ name: "Comité de mars", changed: false });
    await addDossierLabel(world.reviewerB, d2.id, label.id);
    await addDossierLabel(world.admin, d3.id, label.id);
    expect(await removeDossierLabel(world.reviewerA, d3.id, label.id)).toEqual({ name: "Comité de mars", changed: true });
    expect((await getDossierLabels(world.reviewerA, d1.id)).labels.map((l) => l.name)).toEqual(["Comité de mars"]);
    expect((await getDossierLabels(world.reviewerA, d3.id)).available.map((l) => l.name)).toContain("Comité de mars");
    await expect(addDossierLabel(world.outsider, d1.id, label.id)).rejects.toMatchObject({ status: 403 });
    const d1Trail = await prisma.auditEvent.findMany({ where: { entityType: "dossier", entityId: d1.id } });
    expect(d1Trail.map((t) => t.action)).toEqual(["etiquette_ajoutee"]);

    expect(await labelForDeletion(world.reviewerA, world.callId, label.id)).toMatchObject({ name: "Comité de mars", dossierCount: 2 });
    expect(await deleteCallLabel(world.reviewerA, world.callId, label.id)).toEqual({ name: "Comité de mars", dossierCount: 2 });
    expect(await prisma.dossierLabel.count({ where: { labelId: label.id } })).toBe(0);
    await expect(deleteCallLabel(world.reviewerA, world.callId, label.id)).rejects.toMatchObject({ code: "label_gone" });
  });

  it("never puts a label of another call on a dossier", async () => {
    const call = await createCall(prisma, { title: "Autre", reviewerIds: [world.reviewerA.id] });
    const foreign = await createCallLabel(world.reviewerA, call.id, { name: "Étrangère", color: "rose" });
    const dossier = await newDossier();
    await expect(addDossierLabel(world.reviewerA, dossier.id, foreign.id)).rejects.toMatchObject({ code: "label_gone" });
    expect(await prisma.dossierLabel.count({ where: { dossierId: dossier.id } })).toBe(0);
  });
});
