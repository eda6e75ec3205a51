// Routing on a real database: the group given at the first deposit (by the rules, in order, or
// none), moving a dossier by hand, applying the rules again, and who may manage the groups.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { addMembership, createUser } from "../../prisma/factories/user";
import type { SessionUser } from "../accounts/auth.server";
import { fillAll, setup } from "../dossiers/test-support";

const { prisma } = await import("../db.server");
const { startDossier } = await import("../dossiers/drafts.server");
const { submitDossier } = await import("../dossiers/deposit.server");
const { assignReviewGroup, reapplyRouting, reassignDossier } = await import("./routing.server");
const groups = await import("./review-groups.server");
const { DomainError } = await import("../lib/domain-error");

const noRules = { fieldSlug: undefined, districtSlug: undefined, minAmount: undefined, maxAmount: undefined };

async function world() {
  const base = await setup();
  const reviewer = await prisma.callReviewer.findFirstOrThrow({ where: { callId: base.call.id } });
  const staff = await prisma.user.findUniqueOrThrow({ where: { id: reviewer.userId } });
  const admin = await createUser(prisma, { role: "admin", passwordHash: "!" });
  const association = await prisma.association.findUniqueOrThrow({
    where: { id: base.association.id },
    select: { district: true, fields: { select: { slug: true } } },
  });
  return {
    ...base,
    staff: { id: staff.id, name: staff.name, role: "staff" as const },
    admin: { id: admin.id, name: admin.name, role: "admin" as const },
    district: association.district,
    field: association.fields[0].slug,
  };
}

/** A dossier deposited by another association of the same district and field (one dossier per association and call). */
async function deposited(w: Awaited<ReturnType<typeof world>>, requestedCents: number) {
  const association = await createAssociation(prisma, { status: "validated", district: w.district, fields: [w.field] });
  const u = await createUser(prisma, { passwordHash: "!" });
  await addMembership(prisma, u.id, association.id, true, "Présidente");
  const user: SessionUser = { id: u.id, email: u.email, name: u.name, role: "member" };
  const access = { associationId: association.id, user, isRepresentative: true };
  const { id } = await startDossier(association.id, w.call.id, user);
  await fillAll(access, id, requestedCents);
  const result = await submitDossier(access, id);
  expect(result.ok).toBe(true);
  return prisma.dossier.findUniqueOrThrow({ where: { id }, select: { id: true, reviewGroupId: true, requestedCents: true } });
}

describe("assignReviewGroup at the first deposit", () => {
  it("gives the first group by position whose rules all hold, and records it", async () => {
    const w = await world();
    const members = { memberIds: [w.staff.id] };
    // Position 1 needs another district: skipped. Position 2: big amounts of the association's field.
    await groups.createReviewGroup(w.admin, w.call.id, { name: "Ailleurs", ...noRules, districtSlug: "un-autre-quartier", ...members });
    const big = await groups.createReviewGroup(w.admin, w.call.id, {
      name: "Gros montants",
      ...noRules,
      fieldSlug: w.field,
      minAmount: 5_000_00,
      ...members,
    });
    await groups.createReviewGroup(w.admin, w.call.id, { name: "Tous les autres", ...noRules, ...members });

    const dossier = await deposited(w, 8_000_00);
    expect(dossier.reviewGroupId).toBe(big.id);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "dossier", entityId: dossier.id, action: "routage" } });
    expect(audit.comment).toContain("Gros montants");

    // A smaller amount falls through to the catch-all.
    const small = await deposited(w, 3_000_00);
    const catchAll = await prisma.reviewGroup.findFirstOrThrow({ where: { callId: w.call.id, name: "Tous les autres" } });
    expect(small.reviewGroupId).toBe(catchAll.id);
  });

  it("leaves a dossier no group matches without a group, and never replaces a group given", async () => {
    const w = await world();
    await groups.createReviewGroup(w.admin, w.call.id, { name: "Très gros", ...noRules, minAmount: 9_000_00, memberIds: [w.staff.id] });
    const dossier = await deposited(w, 8_000_00);
    expect(dossier.reviewGroupId).toBeNull();
    expect(await prisma.auditEvent.count({ where: { entityId: dossier.id, action: "routage" } })).toBe(0);

    const other = await groups.createReviewGroup(w.admin, w.call.id, { name: "Autre", ...noRules, memberIds: [w.staff.id] });
    await reassignDossier(w.staff, dossier.id, other.id);
    const { writeTransaction } = await import("../db.server");
    expect(await writeTransaction((tx) => assignReviewGroup(tx, dossier.id))).toBeNull();
    expect((await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).reviewGroupId).toBe(other.id);
  });
});

describe("moving and routing again", () => {
  it("lets a reviewer move a dossier to another group of its call, or to none, with an audit line", async () => {
    const w = await world();
    const a = await groups.createReviewGroup(w.admin, w.call.id, { name: "A", ...noRules, memberIds: [w.staff.id] });
    const b = await groups.createReviewGroup(w.admin, w.call.id, { name: "B", ...noRules, memberIds: [w.staff.id] });
    const dossier = await deposited(w, 4_000_00);
    expect(dossier.reviewGroupId).toBe(a.id);
    await reassignDossier(w.staff, dossier.id, b.id);
    expect((await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).reviewGroupId).toBe(b.id);
    await expect(reassignDossier(w.staff, dossier.id, b.id)).rejects.toThrow("déjà dans ce groupe");
    await reassignDossier(w.staff, dossier.id, null);
    expect((await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).reviewGroupId).toBeNull();
    const comments = (
      await prisma.auditEvent.findMany({ where: { entityId: dossier.id, action: "routage" }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.comment);
    expect(comments.slice(-2)).toEqual(["Groupe changé : « A » → « B ».", "Groupe changé : « B » → « Sans groupe »."]);

    // A group of another call is refused; a staff member of no call cannot reach the dossier.
    const elsewhere = await world();
    const foreign = await groups.createReviewGroup(elsewhere.admin, elsewhere.call.id, {
      name: "Ailleurs",
      ...noRules,
      memberIds: [elsewhere.staff.id],
    });
    await expect(reassignDossier(w.staff, dossier.id, foreign.id)).rejects.toThrow("n'existe pas (ou plus) pour cet appel");
    await expect(reassignDossier(elsewhere.staff, dossier.id, a.id)).rejects.toMatchObject({ status: 403 });
  });

  it("applies the rules again to the deposited dossiers without a group only", async () => {
    const w = await world();
    const first = await deposited(w, 4_000_00);
    const second = await deposited(w, 9_000_00);
    const draft = await startDossier(w.association.id, w.call.id, w.user);
    const big = await groups.createReviewGroup(w.admin, w.call.id, {
      name: "Gros",
      ...noRules,
      minAmount: 6_000_00,
      memberIds: [w.staff.id],
    });
    expect(await reapplyRouting(w.staff, w.call.id)).toEqual({ assigned: 1, withoutGroup: 2 });
    const rows = await prisma.dossier.findMany({
      where: { id: { in: [first.id, second.id, draft.id] } },
      select: { id: true, reviewGroupId: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.reviewGroupId]))).toEqual({
      [first.id]: null,
      [second.id]: big.id,
      [draft.id]: null,
    });
  });
});

describe("managing the groups", () => {
  it("is for administrators: a reviewer is refused", async () => {
    const w = await world();
    const error = await groups
      .createReviewGroup(w.staff, w.call.id, { name: "X", ...noRules, memberIds: [w.staff.id] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ status: 403 });
  });

  it("refuses a name used in the call, and a member who is not a reviewer of the call nor an administrator", async () => {
    const w = await world();
    await groups.createReviewGroup(w.admin, w.call.id, { name: "Équipe A", ...noRules, memberIds: [w.staff.id, w.admin.id] });
    await expect(
      groups.createReviewGroup(w.admin, w.call.id, { name: "Équipe A", ...noRules, memberIds: [w.staff.id] }),
    ).rejects.toMatchObject({
      field: "name",
      message: expect.stringContaining("Un groupe s'appelle déjà « Équipe A »"),
    });
    const outsider = await createUser(prisma, { role: "staff", passwordHash: "!" });
    await expect(
      groups.createReviewGroup(w.admin, w.call.id, { name: "Équipe B", ...noRules, memberIds: [outsider.id] }),
    ).rejects.toMatchObject({
      field: "memberIds",
    });
  });

  it("orders, edits and deletes groups; a deleted group's dossiers are without a group", async () => {
    const w = await world();
    const a = await groups.createReviewGroup(w.admin, w.call.id, { name: "A", ...noRules, memberIds: [w.staff.id] });
    const b = await groups.createReviewGroup(w.admin, w.call.id, { name: "B", ...noRules, memberIds: [w.staff.id] });
    await groups.moveReviewGroup(w.admin, w.call.id, b.id, "up");
    expect((await groups.listCallGroups(w.call.id)).map((g) => g.name)).toEqual(["B", "A"]);
    const dossier = await deposited(w, 4_000_00);
    expect(dossier.reviewGroupId).toBe(b.id);
    await groups.updateReviewGroup(w.admin, w.call.id, b.id, { name: "B2", ...noRules, maxAmount: 1_000_00, memberIds: [w.admin.id] });
    const [edited] = await groups.listCallGroups(w.call.id);
    expect(edited).toMatchObject({ name: "B2", maxCents: 1_000_00, members: [{ id: w.admin.id }], dossierCount: 1 });
    await groups.deleteReviewGroup(w.admin, w.call.id, b.id);
    expect((await prisma.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).reviewGroupId).toBeNull();
    expect((await groups.listCallGroups(w.call.id)).map((g) => g.id)).toEqual([a.id]);
  });
});
