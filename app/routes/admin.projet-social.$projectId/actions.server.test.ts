// The social project editor's actions as the route calls them, on a real SQLite database: a
// refused form answers 400 with its French message and what was typed (the record's id and the
// intent included, so only that form shows it); a refused button is said at the top of the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCall } from "../../../prisma/factories/call";
import { createSocialProject } from "../../../prisma/factories/steering";
import { createUser } from "../../../prisma/factories/user";

const { prisma } = await import("../../db.server");
const { saveCallSteering } = await import("../../steering/call-steering.server");
const { handleSocialProjectAction } = await import("./actions.server");

let admin: { id: string };

beforeAll(async () => {
  admin = await createUser(prisma, { role: "admin", passwordHash: "!" });
});

afterAll(async () => {
  await prisma.$disconnect();
});

const post = (projectId: string, fields: Record<string, string>) =>
  new Request(`http://localhost/admin/projet-social/${projectId}`, { method: "POST", body: new URLSearchParams(fields) });

type Failure = { ok: false; errors: Record<string, string>; values: Record<string, unknown> };

async function answer(result: unknown) {
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location") };
  const { data, init } = result as { data: Failure; init?: { status?: number } };
  return { status: init?.status ?? 200, errors: data.errors, values: data.values };
}

describe("the social project editor", () => {
  it("answers a refused axis form with its message, what was typed, its intent and its axis", async () => {
    const p = await createSocialProject(prisma, { startYear: 2091, endYear: 2092 });
    const axis = p.axes[0];
    const refused = await answer(
      await handleSocialProjectAction(
        post(p.id, { intent: "edit_axis", axisId: axis.id, title: "=HYPERLINK(1)", description: "Gardée" }),
        p.id,
        admin,
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.errors).toEqual({ title: "Intitulé de l'axe : ne peut pas commencer par =, +, -, @ ni par une tabulation." });
    expect(refused.values).toMatchObject({ intent: "edit_axis", axisId: axis.id, title: "=HYPERLINK(1)", description: "Gardée" });
    expect((await prisma.socialAxis.findUniqueOrThrow({ where: { id: axis.id } })).title).toBe(axis.title);
  });

  it("says a refused removal at the top of the page, and keeps the axis", async () => {
    const p = await createSocialProject(prisma, { startYear: 2093, endYear: 2093 });
    const call = await createCall(prisma, { financialYear: 2093 });
    await saveCallSteering(call.id, { axisIds: [p.axes[1].id], flagshipIds: [] }, admin);
    const refused = await answer(await handleSocialProjectAction(post(p.id, { intent: "remove_axis", axisId: p.axes[1].id }), p.id, admin));
    expect(refused).toMatchObject({ status: 302, location: `/admin/projet-social/${p.id}` });
    expect(await prisma.socialAxis.count({ where: { id: p.axes[1].id } })).toBe(1);
    // A period overlapping another project is refused beside the first year.
    const overlap = await answer(
      await handleSocialProjectAction(
        post(p.id, { intent: "project", title: "Chevauche", startYear: "2092", endYear: "2093" }),
        p.id,
        admin,
      ),
    );
    expect(overlap.status).toBe(400);
    expect(overlap.errors?.startYear).toMatch(/^Période : elle chevauche celle du projet « .+ » \(2091-2092\)\./);
    expect(overlap.values).toMatchObject({ intent: "project", title: "Chevauche" });
  });
});
