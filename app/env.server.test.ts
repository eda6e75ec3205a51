// The one reader of the environment: what setEnv passes on, BUILD_DIR's default, and the
// narrow parse the Prisma CLI's config uses.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getDatabaseUrl, getEnv, inheritedEnvironment, resetEnvCache, setEnv } from "./env.server";

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["BUILD_DIR", "DATABASE_URL", "DATA_DIR", "TRUST_PROXY", "MEILI_HOST"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvCache();
});

describe("the environment", () => {
  it("builds into build/ unless BUILD_DIR says otherwise, an empty value counting as unset", () => {
    setEnv({ BUILD_DIR: "" });
    expect(getEnv().BUILD_DIR).toBe("build");
    setEnv({ BUILD_DIR: ".tmp/build-e2e" });
    expect(getEnv().BUILD_DIR).toBe(".tmp/build-e2e");
  });

  it("setEnv parses again and hands the value on to child processes", () => {
    expect(getEnv().MEILI_HOST).toBe(saved.MEILI_HOST);
    setEnv({ MEILI_HOST: "http://127.0.0.1:7777" });
    expect(getEnv().MEILI_HOST).toBe("http://127.0.0.1:7777");
    expect(inheritedEnvironment().MEILI_HOST).toBe("http://127.0.0.1:7777");
  });

  it("the database URL for the Prisma CLI follows DATA_DIR and ignores the other variables", () => {
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = "quelque-part";
    process.env.TRUST_PROXY = "beaucoup";
    expect(getDatabaseUrl()).toBe(`file:${path.resolve("quelque-part", "portail.db")}`);
    expect(() => getEnv()).toThrow(/TRUST_PROXY/);
    process.env.DATABASE_URL = "postgresql://portail:secret@db.exemple.fr:5432/portail";
    expect(getDatabaseUrl()).toBe("postgresql://portail:secret@db.exemple.fr:5432/portail");
    process.env.DATABASE_URL = "mysql://ailleurs";
    expect(() => getDatabaseUrl()).toThrow(/DATABASE_URL doit être une URL SQLite .* ou PostgreSQL/);
  });
});
