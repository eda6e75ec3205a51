// The taxonomy's write side: stable slugs, mappings checked, order, retiring with reassignment,
// the last-term rule, and the associations re-indexed through the outbox.
import { beforeAll, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createSettingsAdmin } from "./test-support";

const { prisma } = await import("../db.server");
const { addTerm, moveTerm, restoreTerm, updateTerm } = await import("./terms.server");
const { retireTerm, termUsage } = await import("./retiring.server");
const { getTaxonomy } = await import("./taxonomy.server");
const { termSchemas } = await import("./schemas");
const { parseWith } = await import("../lib/forms.server");

let admin: { id: string };
beforeAll(async () => {
  admin = await createSettingsAdmin(prisma);
});

const pendingJobs = (associationId: string) => prisma.searchSyncJob.count({ where: { associationId } });

describe("adding and editing terms", () => {
  it("makes the slug from the label once: a rename keeps it, and re-indexes the associations it names", async () => {
    const term = await addTerm("district", { label: "Quartier des Prés-de-Vaux" }, admin);
    expect(term.slug).toBe("quartier-des-pres-de-vaux");
    const association = await createAssociation(prisma, { status: "validated", district: term.slug as never });
    const before = await pendingJobs(association.id);
    await updateTerm(
      { kind: "district", slug: term.slug },
      { label: "Prés-de-Vaux – Bregille-bas", description: "Au bord du Doubs" },
      admin,
    );
    const taxonomy = await getTaxonomy();
    expect(taxonomy.find("district", term.slug)).toMatchObject({ label: "Prés-de-Vaux – Bregille-bas", description: "Au bord du Doubs" });
    expect(taxonomy.all("district").filter((t) => t.slug.startsWith("pres-de-vaux"))).toEqual([]);
    expect(await pendingJobs(association.id)).toBeGreaterThan(before);
    const audit = await prisma.auditEvent.findFirst({
      where: { entityType: "taxonomy", entityId: `district:${term.slug}`, action: "renommage" },
    });
    expect(audit).toMatchObject({ fromState: "Quartier des Prés-de-Vaux", toState: "Prés-de-Vaux – Bregille-bas", actorId: admin.id });
  });

  it("gives a new term a slug of its own when its label's slug is taken, even by a retired term", async () => {
    const first = await addTerm("public", { label: "Aidants familiaux" }, admin);
    await retireTerm({ kind: "public", slug: first.slug }, {}, admin);
    const second = await addTerm("public", { label: "Aidants familiaux" }, admin);
    expect(second.slug).toBe("aidants-familiaux-2");
  });

  it("refuses a label an active term of the kind already has", async () => {
    await expect(addTerm("district", { label: "planoise" }, admin)).rejects.toMatchObject({ code: "duplicate_label", field: "label" });
  });

  it("puts terms in order", async () => {
    const a = await addTerm("district", { label: "Ordre A" }, admin);
    const b = await addTerm("district", { label: "Ordre B" }, admin);
    const order = async () =>
      (await getTaxonomy())
        .all("district")
        .map((t) => t.slug)
        .filter((s) => s === a.slug || s === b.slug);
    expect(await order()).toEqual([a.slug, b.slug]);
    await moveTerm({ kind: "district", slug: b.slug }, "up", admin);
    expect(await order()).toEqual([b.slug, a.slug]);
  });
});

describe("mappings", () => {
  it("keeps RNA codes and data·inclusion thématiques on fields, publics on publics", async () => {
    await updateTerm(
      { kind: "field", slug: "aide-alimentaire" },
      { label: "Aide alimentaire", rnaCodes: ["020010", "020000"], diThematiques: ["equipement-et-alimentation--alimentation"] },
      admin,
    );
    expect((await getTaxonomy()).find("field", "aide-alimentaire")).toMatchObject({ rnaCodes: ["020010", "020000"] });
    await updateTerm({ kind: "public", slug: "familles" }, { label: "Familles", diPublics: ["familles"] }, admin);
    expect((await getTaxonomy()).find("public", "familles")?.diPublics).toEqual(["familles"]);
  });

  it("refuses bad codes and values, in the form and in the domain", async () => {
    const field = { kind: "field" as const, slug: "aide-alimentaire" };
    for (const rnaCodes of [["000000"], ["19000"], ["01900A"]])
      await expect(updateTerm(field, { label: "Aide alimentaire", rnaCodes }, admin)).rejects.toMatchObject({ field: "rnaCodes" });
    await expect(updateTerm(field, { label: "Aide alimentaire", diThematiques: ["alimentation"] }, admin)).rejects.toMatchObject({
      field: "diThematiques",
    });
    await expect(
      updateTerm({ kind: "public", slug: "familles" }, { label: "Familles", diPublics: ["parents"] }, admin),
    ).rejects.toMatchObject({
      field: "diPublics",
    });
    await expect(
      updateTerm({ kind: "district", slug: "planoise" }, { label: "Planoise", rnaCodes: ["019000"] }, admin),
    ).rejects.toMatchObject({
      code: "invalid_mapping",
    });

    const form = (values: Record<string, unknown>) => parseWith(termSchemas.field, { label: "Aide alimentaire", ...values });
    expect(form({ rnaCodes: "020010, 000000" }).ok).toBe(false);
    expect(form({ rnaCodes: "2001" }).ok).toBe(false);
    expect(form({ diThematiques: ["inconnue"] }).ok).toBe(false);
    expect(form({ rnaCodes: "020010 020010;019000", diThematiques: "sante--sante-mentale" })).toEqual({
      ok: true,
      data: { label: "Aide alimentaire", rnaCodes: ["020010", "019000"], diThematiques: ["sante--sante-mentale"] },
    });
    expect(parseWith(termSchemas.public, { label: "Familles", diPublics: ["inconnu"] }).ok).toBe(false);
  });
});

describe("retiring", () => {
  it("keeps history: the slug stays on the associations, its label still names them, it is no longer offered", async () => {
    const term = await addTerm("district", { label: "Quartier éphémère" }, admin);
    const association = await createAssociation(prisma, { status: "validated", district: term.slug as never });
    expect(await termUsage({ kind: "district", slug: term.slug })).toBe(1);
    const result = await retireTerm({ kind: "district", slug: term.slug }, {}, admin);
    expect(result).toMatchObject({ retired: true, moved: 0 });
    const taxonomy = await getTaxonomy();
    expect(taxonomy.isActive("district", term.slug)).toBe(false);
    expect(taxonomy.label("district", term.slug)).toBe("Quartier éphémère");
    expect(taxonomy.options("district").map((o) => o.slug)).not.toContain(term.slug);
    expect((await prisma.association.findUniqueOrThrow({ where: { id: association.id } })).district).toBe(term.slug);
    await restoreTerm({ kind: "district", slug: term.slug }, admin);
    expect((await getTaxonomy()).isActive("district", term.slug)).toBe(true);
  });

  it("moves a district's associations to another one in the same step, and re-indexes them", async () => {
    const old = await addTerm("district", { label: "Ancien quartier" }, admin);
    const target = await addTerm("district", { label: "Nouveau quartier" }, admin);
    const moved = [
      await createAssociation(prisma, { status: "validated", district: old.slug as never }),
      await createAssociation(prisma, { status: "pending", district: old.slug as never }),
    ];
    const other = await createAssociation(prisma, { status: "validated", district: "planoise" });
    const jobsBefore = await Promise.all(moved.map((a) => pendingJobs(a.id)));
    const otherJobs = await pendingJobs(other.id);
    const result = await retireTerm({ kind: "district", slug: old.slug }, { reassignTo: target.slug }, admin);
    expect(result).toMatchObject({ retired: true, moved: 2 });
    for (const [i, a] of moved.entries()) {
      expect((await prisma.association.findUniqueOrThrow({ where: { id: a.id } })).district).toBe(target.slug);
      expect(await pendingJobs(a.id)).toBeGreaterThan(jobsBefore[i]);
    }
    expect((await prisma.association.findUniqueOrThrow({ where: { id: other.id } })).district).toBe("planoise");
    expect(await pendingJobs(other.id)).toBe(otherJobs);
    expect(await termUsage({ kind: "district", slug: old.slug })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityType: "association", entityId: moved[0].id, action: "réaffectation" } })).toBe(1);
  });

  it("replaces a field in the associations' lists without duplicates", async () => {
    const old = await addTerm("field", { label: "Ancien champ" }, admin);
    const both = await createAssociation(prisma, { status: "validated", fields: ["sante"] });
    const only = await createAssociation(prisma, { status: "validated", fields: ["addictions"] });
    await prisma.associationField.createMany({
      data: [
        { associationId: both.id, slug: old.slug },
        { associationId: only.id, slug: old.slug },
      ],
    });
    const result = await retireTerm({ kind: "field", slug: old.slug }, { reassignTo: "sante" }, admin);
    expect(result.moved).toBe(2);
    const fieldsOf = async (id: string) =>
      (await prisma.associationField.findMany({ where: { associationId: id }, orderBy: { slug: "asc" } })).map((f) => f.slug);
    expect(await fieldsOf(both.id)).toEqual(["sante"]);
    expect(await fieldsOf(only.id)).toEqual(["addictions", "sante"]);
  });

  it("replaces a public too, and refuses a target that is retired, unknown, of another kind or the term itself", async () => {
    const old = await addTerm("public", { label: "Ancien public" }, admin);
    const a = await createAssociation(prisma, { status: "validated", publics: ["familles"] });
    await prisma.associationPublic.create({ data: { associationId: a.id, slug: old.slug } });
    const retiredTarget = await addTerm("public", { label: "Public retiré" }, admin);
    await retireTerm({ kind: "public", slug: retiredTarget.slug }, {}, admin);
    for (const reassignTo of [retiredTarget.slug, "inconnu", "planoise", old.slug])
      await expect(retireTerm({ kind: "public", slug: old.slug }, { reassignTo }, admin)).rejects.toMatchObject({ field: "reassignTo" });
    expect((await getTaxonomy()).isActive("public", old.slug)).toBe(true);
    await retireTerm({ kind: "public", slug: old.slug }, { reassignTo: "familles" }, admin);
    expect((await prisma.associationPublic.findMany({ where: { associationId: a.id } })).map((p) => p.slug)).toEqual(["familles"]);
  });

  it("reassigns the associations of a term retired earlier", async () => {
    const old = await addTerm("district", { label: "Retiré plus tôt" }, admin);
    const a = await createAssociation(prisma, { status: "validated", district: old.slug as never });
    await retireTerm({ kind: "district", slug: old.slug }, {}, admin);
    expect(await retireTerm({ kind: "district", slug: old.slug }, { reassignTo: "planoise" }, admin)).toMatchObject({
      retired: false,
      moved: 1,
    });
    expect((await prisma.association.findUniqueOrThrow({ where: { id: a.id } })).district).toBe("planoise");
  });

  it("never retires the last active term of a kind", async () => {
    const districts = await prisma.taxonomyTerm.findMany({ where: { kind: "district", retiredAt: null }, orderBy: { position: "asc" } });
    const [last, ...others] = districts;
    for (const d of others) await retireTerm({ kind: "district", slug: d.slug }, {}, admin);
    await expect(retireTerm({ kind: "district", slug: last.slug }, {}, admin)).rejects.toMatchObject({
      code: "last_term",
      message: expect.stringMatching(/dernier quartier en service/),
    });
    expect((await getTaxonomy()).active("district").map((d) => d.slug)).toEqual([last.slug]);
    for (const d of others) await restoreTerm({ kind: "district", slug: d.slug }, admin);
  });

  it("answers 404 for a term that does not exist", async () => {
    await expect(retireTerm({ kind: "district", slug: "nulle-part" }, {}, admin)).rejects.toMatchObject({ status: 404 });
    await expect(updateTerm({ kind: "field", slug: "nulle-part" }, { label: "X" }, admin)).rejects.toMatchObject({ status: 404 });
  });
});
