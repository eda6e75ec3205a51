// Bulk actions on a selection of a call's dossiers, on a real SQLite database: every dossier
// reported (done or skipped with its reason), only dossiers of that call, only for its reviewers.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createCall } from "../../prisma/factories/call";
import { reviewFixture } from "./test-support";

const { prisma, world, newDossier } = await reviewFixture();
const { bulkAddLabel, bulkMessage, bulkRemoveLabel, bulkStartInstruction, exportSelection } = await import("./bulk.server");
const { createCallLabel } = await import("./labels.server");

describe("labels on a selection", () => {
  it("applies a label once per dossier (applying again skips, saying so) and takes it off", async () => {
    const label = await createCallLabel(world.reviewerA, world.callId, { name: "À compléter", color: "orange" });
    const [d1, d2, d3] = [await newDossier(), await newDossier(), await newDossier()];
    const first = await bulkAddLabel(world.reviewerA, world.callId, [d1.id, d2.id], label.id);
    expect(first.done.map((d) => d.id).sort()).toEqual([d1.id, d2.id].sort());
    const second = await bulkAddLabel(world.reviewerA, world.callId, [d1.id, d2.id, d3.id], label.id);
    expect(second.done.map((d) => d.id)).toEqual([d3.id]);
    expect(second.skipped.map((d) => [d.id, d.reason]).sort()).toEqual(
      [
        [d1.id, "Portait déjà cette étiquette."],
        [d2.id, "Portait déjà cette étiquette."],
      ].sort(),
    );
    expect(await prisma.dossierLabel.count({ where: { labelId: label.id } })).toBe(3);
    const removed = await bulkRemoveLabel(world.reviewerB, world.callId, [d1.id, d3.id], label.id);
    expect(removed.done).toHaveLength(2);
    expect(await prisma.dossierLabel.count({ where: { labelId: label.id } })).toBe(1);
    const trail = await prisma.auditEvent.findMany({ where: { entityType: "dossier", entityId: d1.id }, orderBy: { createdAt: "asc" } });
    expect(trail.map((t) => [t.action, t.actorId])).toEqual([
      ["etiquette_ajoutee", world.reviewerA.id],
      ["etiquette_retiree", world.reviewerB.id],
    ]);
  });

  it("refuses a selection holding a dossier of another call, a draft, or for someone who does not review the call", async () => {
    const label = await createCallLabel(world.reviewerA, world.callId, { name: "Vérifié", color: "vert" });
    const mine = await newDossier();
    const otherCall = await createCall(prisma, { title: "Autre appel", reviewerIds: [world.reviewerA.id] });
    const foreign = await prisma.dossier.create({
      data: { number: `X-${Date.now()}`, callId: otherCall.id, associationId: world.associationId, state: "en_construction" },
    });
    const draft = await prisma.dossier.update({ where: { id: (await newDossier()).id }, data: { state: "brouillon" } });
    for (const intruder of [foreign.id, draft.id, "inconnu"]) {
      await expect(bulkAddLabel(world.reviewerA, world.callId, [mine.id, intruder], label.id)).rejects.toMatchObject({
        code: "selection_outside_call",
        field: "dossierId",
      });
    }
    await expect(bulkAddLabel(world.outsider, world.callId, [mine.id], label.id)).rejects.toMatchObject({ status: 403 });
    expect(await prisma.dossierLabel.count({ where: { labelId: label.id } })).toBe(0);
  });
});

describe("moving a selection to instruction", () => {
  it("moves the dossiers en construction and lists the others with the reason", async () => {
    const [open, started, decided] = [await newDossier(), await newDossier(), await newDossier()];
    await prisma.dossier.update({ where: { id: started.id }, data: { state: "en_instruction" } });
    await prisma.dossier.update({ where: { id: decided.id }, data: { state: "accepte" } });
    const report = await bulkStartInstruction(world.reviewerA, world.callId, [open.id, started.id, decided.id]);
    expect(report.done.map((d) => d.id)).toEqual([open.id]);
    expect(Object.fromEntries(report.skipped.map((d) => [d.id, d.reason]))).toEqual({
      [started.id]: "Déjà en instruction.",
      [decided.id]: "« Accepté » : seul un dossier en construction passe en instruction.",
    });
    expect(await prisma.dossier.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ state: "en_instruction" });
    expect(await prisma.auditEvent.count({ where: { entityId: open.id, action: "passage_en_instruction" } })).toBe(1);
    expect(
      await prisma.auditEvent.findFirst({ where: { entityId: world.callId, action: "action_groupee" }, orderBy: { createdAt: "desc" } }),
    ).toMatchObject({ comment: `Passage en instruction : ${open.number}` });
  });
});

describe("a message to a selection", () => {
  it("posts into each thread, e-mails the association, and does not post the same message twice", async () => {
    const [d1, d2] = [await newDossier(), await newDossier()];
    const body = `Le comité se réunit le 12 mars ${Date.now()}.`;
    const report = await bulkMessage(world.reviewerA, world.callId, [d1.id, d2.id], body);
    expect(report.done).toHaveLength(2);
    expect(await prisma.message.count({ where: { body, fromStaff: true, dossierId: { in: [d1.id, d2.id] } } })).toBe(2);
    expect(await prisma.emailMessage.count({ where: { to: world.memberEmail, text: { contains: body } } })).toBe(2);
    const again = await bulkMessage(world.reviewerA, world.callId, [d1.id, d2.id], body);
    expect(again.done).toHaveLength(0);
    expect(again.skipped.map((s) => s.reason)).toEqual([
      "Ce même message vient d'être envoyé à ce dossier.",
      "Ce même message vient d'être envoyé à ce dossier.",
    ]);
    expect(await prisma.message.count({ where: { body } })).toBe(2);
  });
});

describe("exporting a selection", () => {
  it("writes only the selected dossiers, with their labels, formulas neutralised", async () => {
    const label = await createCallLabel(world.reviewerA, world.callId, { name: "Export", color: "bleu" });
    const [chosen, left] = [await newDossier(), await newDossier()];
    await prisma.dossier.update({ where: { id: chosen.id }, data: { projectTitle: '=HYPERLINK("http://x")' } });
    await bulkAddLabel(world.reviewerA, world.callId, [chosen.id], label.id);
    const csv = await exportSelection(world.reviewerA, world.callId, [chosen.id], "csv");
    const text = csv.body.toString("utf8");
    expect(text).toContain(chosen.number);
    expect(text).not.toContain(left.number);
    expect(text).toContain("'=HYPERLINK");
    expect(text.split("\n")[0]).toContain("Étiquettes");
    expect(text).toMatch(/;Export\r?\n/);

    const xlsx = await exportSelection(world.reviewerA, world.callId, [chosen.id, left.id], "xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Dossiers")!;
    expect(sheet.rowCount).toBe(3);
    const cells = sheet.getSheetValues().flat();
    expect(cells).toContain(left.number);
    // A text cell, never a formula (exceljs would read one back as { formula }).
    expect(cells).toContain('=HYPERLINK("http://x")');
  });
});
