// Password reset links, against a real SQLite database.
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");

describe("password reset requests", () => {
  it("gives one account at most three reset links an hour", async () => {
    const { requestPasswordReset, PASSWORD_RESETS_PER_HOUR } = await import("./password-reset.server");
    const user = await createUser(prisma);
    const tokens = [];
    for (let i = 0; i < 5; i++) tokens.push(await requestPasswordReset(user.id));
    expect(tokens.filter(Boolean)).toHaveLength(PASSWORD_RESETS_PER_HOUR);
    expect(await prisma.passwordReset.count({ where: { userId: user.id } })).toBe(PASSWORD_RESETS_PER_HOUR);
  });
});
