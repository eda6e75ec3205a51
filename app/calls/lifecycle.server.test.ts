// The closing time: a published call past it is closed, and the job records it.
import { describe, expect, it } from "vitest";
import { createCall } from "../../prisma/factories/call";
import { effectiveCallStatus } from "./call-status";

const { prisma } = await import("../db.server");
const { closeDueCalls } = await import("./lifecycle.server");

const DAY = 24 * 3600_000;

describe("call closing", () => {
  it("treats a published call past its closing time as closed, and the job closes it", async () => {
    const call = await createCall(prisma, { opensAt: new Date(Date.now() - 10 * DAY), closesAt: new Date(Date.now() - 60_000) });
    expect(effectiveCallStatus(call)).toBe("clos");
    await closeDueCalls();
    expect((await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe("clos");
    const audit = await prisma.auditEvent.findFirst({ where: { entityType: "call", entityId: call.id } });
    expect(audit).toMatchObject({ fromState: "publie", toState: "clos" });
  });
});
