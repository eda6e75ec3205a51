// The review queue's sorts, on whichever engine the suite runs (SQLite and PostgreSQL place
// empty values differently unless told), and its tabs counted on a small world.
import { beforeAll, describe, expect, it } from "vitest";
import { reviewFixture } from "./test-support";

const { world, newDossier } = await reviewFixture();
const { prisma } = await import("../db.server");
const { listReviewQueue } = await import("./queue.server");

describe("review queue", () => {
  it("sorts by amount requested, largest first, dossiers without an amount last", async () => {
    const small = await newDossier(10_000);
    const large = await newDossier(90_000);
    const none = await newDossier();
    await prisma.dossier.update({ where: { id: none.id }, data: { requestedCents: null } });
    const queue = await listReviewQueue(world.admin, { callId: world.callId, sort: "montant" });
    const order = queue.dossiers.map((d) => d.id).filter((id) => [small.id, large.id, none.id].includes(id));
    expect(order).toEqual([large.id, small.id, none.id]);
  });
});

describe("queue tabs", () => {
  const ids = { callId: "", groupId: "", inGroup: "", noGroup: "", followedByB: "", decided: "", followedByA: "" };
  beforeAll(async () => {
    // A call of its own, so the dossiers of the test above do not count.
    const call = await prisma.call.create({
      data: {
        slug: `appel-onglets-${Date.now()}`,
        title: "Onglets",
        summary: "Test",
        body: "Test",
        envelopeCents: 1_000_000,
        minAmountCents: 0,
        maxAmountCents: 1_000_000,
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 86_400_000),
        financialYear: 2027,
        status: "publie",
        reviewers: { create: [{ userId: world.reviewerA.id }, { userId: world.reviewerB.id }] },
      },
    });
    const group = await prisma.reviewGroup.create({
      data: { callId: call.id, name: "Groupe A", position: 1, members: { create: [{ userId: world.reviewerA.id }] } },
    });
    const make = async (
      state: "en_construction" | "en_instruction" | "accepte",
      reviewGroupId: string | null,
      followers: string[] = [],
    ) => {
      const d = await newDossier();
      await prisma.dossier.update({ where: { id: d.id }, data: { callId: call.id, state, reviewGroupId } });
      for (const userId of followers) await prisma.dossierFollow.create({ data: { dossierId: d.id, userId } });
      return d.id;
    };
    ids.inGroup = await make("en_construction", group.id); // A's to follow
    ids.noGroup = await make("en_instruction", null); // everyone's to follow (no rule took it)
    ids.followedByB = await make("en_construction", group.id, [world.reviewerB.id]);
    ids.decided = await make("accepte", group.id);
    ids.followedByA = await make("en_instruction", group.id, [world.reviewerA.id]);
    ids.callId = call.id;
    ids.groupId = group.id;
  });

  const tabs = async (user: typeof world.reviewerA, tab: "a-suivre" | "suivis" | "traites" | "tous", extra = {}) => {
    const queue = await listReviewQueue(user, { callId: ids.callId, tab, ...extra });
    return { ids: queue.dossiers.map((d) => d.id).sort(), counts: queue.tabCounts };
  };

  it("counts each tab for a member of the group", async () => {
    const result = await tabs(world.reviewerA, "a-suivre");
    expect(result.counts).toEqual({ "a-suivre": 2, suivis: 1, traites: 1, tous: 5 });
    expect(result.ids).toEqual([ids.inGroup, ids.noGroup].sort());
    expect((await tabs(world.reviewerA, "suivis")).ids).toEqual([ids.followedByA]);
    expect((await tabs(world.reviewerA, "traites")).ids).toEqual([ids.decided]);
  });

  it("counts each tab for a reviewer of the call outside the group", async () => {
    const result = await tabs(world.reviewerB, "a-suivre");
    expect(result.counts).toEqual({ "a-suivre": 1, suivis: 1, traites: 1, tous: 5 });
    expect(result.ids).toEqual([ids.noGroup]);
    expect((await tabs(world.reviewerB, "suivis")).ids).toEqual([ids.followedByB]);
  });

  it("gives an administrator outside every group the dossiers no group took, in any call", async () => {
    const result = await tabs(world.admin, "a-suivre");
    expect(result.ids).toEqual([ids.noGroup]);
    expect(result.counts).toEqual({ "a-suivre": 1, suivis: 0, traites: 1, tous: 5 });
  });

  it("shows nothing of the call to a staff member who does not review it", async () => {
    expect((await tabs(world.outsider, "tous")).counts).toEqual({ "a-suivre": 0, suivis: 0, traites: 0, tous: 0 });
  });

  it("keeps the other filters within a tab: group, none, state", async () => {
    expect((await tabs(world.reviewerA, "tous", { groupId: ids.groupId })).counts).toEqual({
      "a-suivre": 1,
      suivis: 1,
      traites: 1,
      tous: 4,
    });
    expect((await tabs(world.reviewerA, "tous", { groupId: "sans" })).ids).toEqual([ids.noGroup]);
    const queue = await listReviewQueue(world.reviewerA, { callId: ids.callId, tab: "a-suivre", state: "en_instruction" });
    expect(queue.dossiers.map((d) => d.id)).toEqual([ids.noGroup]);
    expect(queue.counts).toEqual({ en_construction: 1, en_instruction: 1 });
  });
});
