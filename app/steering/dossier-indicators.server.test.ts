// The dossier's targets against a real SQLite database: the step's schema (French messages, the
// required target, the association's own indicators), the rows it writes, the completeness and
// the deposit that names the missing indicator, and the deposit's snapshot.
import { describe, expect, it } from "vitest";
import { createCallIndicator } from "../../prisma/factories/steering";
import { fillAll, setup } from "../dossiers/test-support";
import { indicatorTargetsSchema, ownField, ownSlotCount, targetField } from "./dossier-indicators";

const { prisma } = await import("../db.server");
const drafts = await import("../dossiers/drafts.server");
const deposit = await import("../dossiers/deposit.server");
const targets = await import("./dossier-indicators.server");
const { readSnapshot } = await import("../dossiers/submission-snapshot");

async function dossierWithIndicators() {
  const base = await setup();
  const required = await createCallIndicator(prisma, base.call.id, {
    name: "Personnes accompagnées",
    unit: "personnes",
    targetRequired: true,
  });
  const share = await createCallIndicator(prisma, base.call.id, {
    name: "Part de femmes",
    kind: "resultats",
    unit: "pourcentage",
    targetRequired: false,
  });
  const { id } = await drafts.startDossier(base.association.id, base.call.id, base.user);
  await fillAll(base.access, id);
  return { ...base, dossierId: id, required, share };
}

describe("the step's schema", () => {
  const call = [
    { id: "a", name: "Personnes accompagnées", kind: "resultats", unit: "personnes", targetRequired: true, description: "" },
    { id: "b", name: "Part de femmes", kind: "resultats", unit: "pourcentage", targetRequired: false, description: "" },
  ];
  const schema = indicatorTargetsSchema(call, 1);

  it("asks for the required target by its name, and keeps a share within 100 %", () => {
    const result = schema.safeParse({ [targetField("a")]: " ", [targetField("b")]: "120" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages[targetField("a")]).toBe("Objectif pour « Personnes accompagnées » : ce champ est obligatoire.");
    expect(messages[targetField("b")]).toBe("Objectif pour « Part de femmes » : une part s'exprime entre 0 et 100 %.");
  });

  it("reads French decimals, skips a blank own row and checks a filled one", () => {
    const ok = schema.parse({ [targetField("a")]: "1 234,5", [targetField("b")]: "" });
    expect(ok).toEqual({
      targets: [
        { callIndicatorId: "a", target: 1234.5 },
        { callIndicatorId: "b", target: null },
      ],
      own: [],
      removed: [],
    });
    const own = schema.safeParse({ [targetField("a")]: "10", [ownField(0, "name")]: "=HYPERLINK()", [ownField(0, "target")]: "" });
    expect(own.success).toBe(false);
    const paths = own.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual([ownField(0, "name"), ownField(0, "kind"), ownField(0, "unit"), ownField(0, "target")]);
  });

  it("offers one blank row more than the own indicators held, five at most", () => {
    expect([0, 3, 4, 5].map(ownSlotCount)).toEqual([1, 4, 5, 5]);
  });
});

describe("saving targets and depositing", () => {
  it("refuses the deposit naming the missing indicator, then deposits with targets in the snapshot", async () => {
    const { access, dossierId, required, share, call } = await dossierWithIndicators();
    const refused = await deposit.submitDossier(access, dossierId);
    expect(refused).toMatchObject({
      ok: false,
      message: "Le dossier est incomplet : Indicateurs et objectifs (Objectif manquant pour « Personnes accompagnées ».).",
    });

    const schema = indicatorTargetsSchema(await prisma.callIndicator.findMany({ where: { callId: call.id } }), 1);
    const input = schema.parse({
      [targetField(required.id)]: "120",
      [targetField(share.id)]: "",
      [ownField(0, "name")]: "Ateliers de cuisine",
      [ownField(0, "kind")]: "moyens",
      [ownField(0, "unit")]: "seances",
      [ownField(0, "target")]: "24",
    });
    await targets.saveDossierTargets(access, dossierId, input, "budget_projet");
    const rows = await targets.listDossierIndicators(dossierId);
    expect(rows.map((r) => [r.name, r.callIndicatorId, r.target, r.position])).toEqual([
      ["Personnes accompagnées", required.id, 120, 0],
      ["Part de femmes", share.id, null, 1],
      ["Ateliers de cuisine", null, 24, 2],
    ]);
    expect((await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } })).currentStep).toBe("budget_projet");

    const done = await deposit.submitDossier(access, dossierId);
    expect(done).toMatchObject({ ok: true });
    const submission = await prisma.dossierSubmission.findFirstOrThrow({ where: { dossierId } });
    const section = readSnapshot(submission.snapshot)!.sections.find((s) => s.key === "indicateurs");
    expect(section?.fields.map((f) => [f.label, f.value])).toEqual([
      ["Personnes accompagnées (indicateur de résultats, personnes)", "120 personnes"],
      ["Part de femmes (indicateur de résultats, %)", ""],
      ["Ateliers de cuisine (indicateur de moyens, séances ou ateliers, indicateur propre)", "24 séances ou ateliers"],
    ]);
  });

  it("updates and removes own indicators of this dossier only, and refuses a dossier under review", async () => {
    const first = await dossierWithIndicators();
    const other = await dossierWithIndicators();
    const ownIndicator = (name: string, id: string | null = null) => ({
      id,
      name,
      kind: "moyens" as const,
      unit: "heures" as const,
      target: 5,
    });
    const own = ownIndicator;
    const save = (d: typeof first, own: ReturnType<typeof ownIndicator>[], removed: string[] = []) =>
      targets.saveDossierTargets(
        d.access,
        d.dossierId,
        { targets: [{ callIndicatorId: d.required.id, target: 1 }], own, removed },
        "budget_projet",
      );
    await save(other, [own("Heures de l'autre")]);
    const foreign = (await targets.listDossierIndicators(other.dossierId)).find((r) => r.callIndicatorId === null)!;
    await save(first, [own("Heures")]);
    const mine = (await targets.listDossierIndicators(first.dossierId)).find((r) => r.callIndicatorId === null)!;
    // Another dossier's row named here is neither changed nor removed.
    await save(first, [own("Heures renommées", mine.id), own("Volées", foreign.id)], [foreign.id]);
    expect((await targets.listDossierIndicators(first.dossierId)).filter((r) => !r.callIndicatorId).map((r) => r.name)).toEqual([
      "Heures renommées",
    ]);
    expect(await prisma.projectIndicator.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ name: "Heures de l'autre" });
    await save(first, [], [mine.id]);
    expect((await targets.listDossierIndicators(first.dossierId)).filter((r) => !r.callIndicatorId)).toEqual([]);

    await prisma.dossier.update({ where: { id: first.dossierId }, data: { state: "en_instruction" } });
    await expect(save(first, [own("Trop tard")])).rejects.toMatchObject({ code: "dossier_locked" });
  });
});
