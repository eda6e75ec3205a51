// SQLite → PostgreSQL copy (npm run db:copy): a real SQLite file holding the demo data and a row
// in every table, copied to real PostgreSQL databases of the test cluster. Runs in the PostgreSQL
// phase of npm test (TEST_POSTGRESQL_URL); the insertion order is checked on both phases.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, onCluster, TEST_POSTGRESQL_URL } from "../tests/postgresql";
import { migrateDatabase } from "./migrate";
import { insertionOrder, parseSchema } from "./schema-models";

const { createPrismaClient } = await import("../app/db.server");
const { Prisma } = await import("../app/generated/prisma/client");
const { copiedModels, compareDatabases, copyDatabase, CopyMismatchError, CopyRefusedError } = await import("./db-copy");
const { getEnv } = await import("../app/env.server");

describe("insertion order", () => {
  it("puts every model after the models its foreign keys reference", () => {
    const models = copiedModels();
    expect(models.map((m) => m.name).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    const seen = new Set<string>();
    for (const model of models) {
      for (const parent of model.parents) expect([model.name, seen.has(parent)]).toEqual([model.name, true]);
      seen.add(model.name);
    }
    expect(models.find((m) => m.name === "AssociationField")?.primaryKey).toEqual(["associationId", "slug"]);
  });

  it("refuses a model that references itself, and a cycle", () => {
    const tree = `model Node {\n  id String @id\n  parentId String?\n  parent Node? @relation("tree", fields: [parentId], references: [id])\n  children Node[] @relation("tree")\n}`;
    expect(() => insertionOrder(parseSchema(tree))).toThrow(/vers lui-même.*Node/);
    const cycle = `model A {\n  id String @id\n  bId String\n  b B @relation(fields: [bId], references: [id])\n  bs B[] @relation("ab")\n}\nmodel B {\n  id String @id\n  aId String\n  a A @relation("ab", fields: [aId], references: [id])\n  as A[]\n}`;
    expect(() => insertionOrder(parseSchema(cycle))).toThrow(/cycle.*A, B/);
  });
});

describe.runIf(TEST_POSTGRESQL_URL)("npm run db:copy", () => {
  const admin = TEST_POSTGRESQL_URL!;
  const root = path.join(getEnv().DATA_DIR, "db-copy");
  const sourceFile = path.join(root, "portail.db");
  const sourceUrl = `file:${sourceFile}`;
  const source = createPrismaClient(sourceUrl);
  const prefix = `${process.env.TEST_DATABASE_PREFIX}copy_${Date.now().toString(36)}`;
  let databases = 0;
  const freshDatabase = () => createDatabase(admin, `${prefix}_${++databases}`);
  const oldUpdate = new Date("2020-03-04T05:06:07.089Z");
  const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f, 0xc3]);

  beforeAll(async () => {
    mkdirSync(root, { recursive: true });
    await migrateDatabase(sourceUrl);
    // The demo data, as `npm start` seeds it: another process, whose portal database is the source.
    const script = path.join(root, "seed.ts");
    writeFileSync(
      script,
      [
        `const { prisma } = await import(${JSON.stringify(path.resolve("app/db.server.ts"))});`,
        `const { seedDemo } = await import(${JSON.stringify(path.resolve("prisma/seed/index.ts"))});`,
        `const started = Date.now(); await seedDemo(prisma); console.log(Date.now() - started); await prisma.$disconnect();`,
      ].join("\n"),
    );
    const seeded = spawnSync(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, DATABASE_URL: sourceUrl, DATA_DIR: root },
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`Données de démonstration impossibles :\n${seeded.stderr}`);
    console.log(`Données de démonstration semées en ${seeded.stdout.trim().split("\n").at(-1)} ms`);

    // A row in each table the demo leaves empty, and values worth checking one by one.
    const user = await source.user.create({
      data: {
        email: "ancienne@exemple.test",
        name: "Ancienne",
        passwordHash: "x",
        role: "staff",
        updatedAt: oldUpdate,
        createdAt: oldUpdate,
      },
    });
    await source.session.create({ data: { id: "session-copie", userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
    await source.passwordReset.create({ data: { userId: user.id, tokenHash: "reset-copie", expiresAt: new Date() } });
    await source.loginAttempt.create({ data: { email: user.email, ip: "203.0.113.7", success: false } });
    await source.signUpRequest.create({
      data: {
        email: "nouvelle@exemple.test",
        tokenHash: "signup-copie",
        passwordHash: "x",
        expiresAt: new Date(),
        data: { zeta: "dernière", alpha: { b: [1, 2.5, null, true], a: "«é»" }, "10": "clé numérique" },
      },
    });
    const email = await source.emailMessage.create({
      data: { to: "a@exemple.test", subject: "Pièce jointe", text: "…", status: "pending", attachments: [{ filename: "a.bin", size: 6 }] },
    });
    await source.emailAttachment.create({
      data: { emailId: email.id, position: 0, filename: "a.bin", contentType: "application/octet-stream", content: bytes },
    });
    const association = await source.association.findFirstOrThrow({ where: { documents: { some: {} } }, include: { documents: true } });
    await source.invitation.create({
      data: {
        associationId: association.id,
        email: "invitee@exemple.test",
        tokenHash: "invitation-copie",
        invitedById: user.id,
        expiresAt: new Date(),
      },
    });
    await source.searchSyncJob.create({ data: { associationId: association.id } });
    await source.jobLease.create({ data: { name: "clôture des appels à projets", nextRunAt: new Date(), runs: 3, holder: "hôte:1:a" } });
    const dossier = await source.dossier.findFirstOrThrow({ where: { state: { not: "brouillon" } } });
    await source.dossierAttachment.create({ data: { dossierId: dossier.id, documentId: association.documents[0].id, kind: "statuts" } });
    await source.conflictOfInterest.create({ data: { dossierId: dossier.id, reviewerId: user.id, reason: "Membre du bureau" } });
    await source.rnaImport.create({
      data: {
        mode: "dry_run",
        status: "done",
        fileName: "rna_waldec_25.csv",
        sha256: "0",
        sizeBytes: 12,
        report: { added: 1 },
        preview: [],
      },
    });
    await source.associationClaim.create({ data: { associationId: association.id, userId: user.id, data: { name: "Reprise" } } });
    const event = await source.event.findFirstOrThrow();
    await source.registration.create({
      data: { eventId: event.id, name: "Refusée par la cible", email: "r@exemple.test", status: "confirmee" },
    });
  }, 120_000);

  afterAll(async () => {
    await source.$disconnect();
  });

  // 21 fields, 11 publics and one district (prisma/migrations/20261201170605_reference_data).
  const MIGRATED_TERMS = 33;
  // The default synonym groups (prisma/migrations/20261202094500_default_synonyms).
  const MIGRATED_SYNONYMS = 26;
  const MIGRATED: Record<string, number> = { TaxonomyTerm: MIGRATED_TERMS, SearchSynonym: MIGRATED_SYNONYMS };
  const countsOf = async (url: string) =>
    onCluster(url, async (client) => {
      const counts: Record<string, number> = {};
      for (const model of copiedModels()) {
        counts[model.table] = Number((await client.query(`SELECT COUNT(*) AS n FROM "${model.table}"`)).rows[0].n);
      }
      return counts;
    });
  // As migrated and nothing more: the data migrations' rows only (the generic taxonomy, the default synonyms).
  const everyTableEmpty = (counts: Record<string, number>) => Object.entries(counts).every(([table, n]) => n === (MIGRATED[table] ?? 0));

  it("copies every table, keeping ids, dates, Json, enums, bytes and nulls; a second copy is refused and changes nothing", async () => {
    const targetUrl = await freshDatabase();
    const started = Date.now();
    const report = await copyDatabase({ sourceUrl, targetUrl, batchSize: 7 });
    console.log(`Copie des données de démonstration : ${report.rows} lignes en ${Date.now() - started} ms (lots de 7 lignes)`);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    // Every table had rows: the copy was tried on all of them.
    expect(report.checks.filter((c) => c.source.count === 0).map((c) => c.table)).toEqual([]);
    expect(report.checks.length).toBe(Object.values(Prisma.ModelName).length);

    const target = createPrismaClient(targetUrl, { poolSize: 2 });
    try {
      // Read back after the commit, independently of the copy's own check.
      expect((await compareDatabases(source, target)).filter((c) => !c.ok)).toEqual([]);

      const user = await target.user.findUniqueOrThrow({ where: { email: "ancienne@exemple.test" } });
      expect(user.updatedAt.toISOString()).toBe(oldUpdate.toISOString()); // @updatedAt did not overwrite it
      expect(user.role).toBe("staff");
      const dossier = await source.dossier.findFirstOrThrow({ where: { state: "accepte" } });
      const copied = await target.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
      expect(copied.data).toEqual(dossier.data);
      expect(copied.state).toBe("accepte");
      expect(copied.submittedAt?.toISOString()).toBe(dossier.submittedAt?.toISOString());
      expect((await target.signUpRequest.findFirstOrThrow()).data).toEqual({
        zeta: "dernière",
        alpha: { b: [1, 2.5, null, true], a: "«é»" },
        "10": "clé numérique",
      });
      expect(Buffer.from((await target.emailAttachment.findFirstOrThrow()).content)).toEqual(bytes);
      const published = await source.charterVersion.findFirstOrThrow({ where: { publishedAt: { not: null } } });
      expect(await target.charterVersion.findUnique({ where: { id: published.id } })).toEqual(published);
      // A nullable Json's null is SQL NULL on PostgreSQL (not the JSON value null), as on SQLite.
      const nulls = await onCluster(targetUrl, (c) =>
        c.query<{ sql: string; json: string }>(
          `SELECT COUNT(*) FILTER (WHERE "icalEvent" IS NULL) AS sql, COUNT(*) FILTER (WHERE "icalEvent" = 'null'::jsonb) AS json FROM "EmailMessage"`,
        ),
      );
      expect(Number(nulls.rows[0].sql)).toBeGreaterThan(0);
      expect(Number(nulls.rows[0].json)).toBe(0);
      // The charter's triggers hold on the copy: a published version cannot be changed.
      await expect(target.charterVersion.update({ where: { id: published.id }, data: { title: "Réécrite" } })).rejects.toThrow(
        /ne peut pas être modifiée/,
      );
    } finally {
      await target.$disconnect();
    }

    const before = await countsOf(targetUrl);
    await expect(copyDatabase({ sourceUrl, targetUrl })).rejects.toThrow(CopyRefusedError);
    await expect(copyDatabase({ sourceUrl, targetUrl })).rejects.toThrow(/La base cible n'est pas vide : User \(\d+ lignes\)/);
    expect(await countsOf(targetUrl)).toEqual(before);
    // The command says so and exits non-zero.
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-copy-cli.ts", "--from", sourceUrl, "--to", targetUrl], {
      env: process.env,
      encoding: "utf8",
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/n'est pas vide/);
  }, 180_000);

  it("leaves the target empty when one row is refused mid-copy; copies once the cause is gone, without the writes made after the snapshot", async () => {
    const targetUrl = await freshDatabase();
    await migrateDatabase(targetUrl);
    // Registration comes last but one: every table before it has been written when it fails.
    await onCluster(targetUrl, (c) =>
      c.query(`ALTER TABLE "Registration" ADD CONSTRAINT "refus" CHECK ("name" <> 'Refusée par la cible')`),
    );
    await expect(copyDatabase({ sourceUrl, targetUrl, batchSize: 50 })).rejects.toThrow(/refus/);
    expect(everyTableEmpty(await countsOf(targetUrl))).toBe(true);

    await onCluster(targetUrl, (c) => c.query(`ALTER TABLE "Registration" DROP CONSTRAINT "refus"`));
    // The portal keeps writing to the source during the copy: what it writes after the snapshot
    // is not copied, and the copy still checks out against the snapshot.
    let lateWrite: Promise<{ id: string }> | undefined;
    const report = await copyDatabase({
      sourceUrl,
      targetUrl,
      log: (message) => {
        if (message.startsWith("Instantané")) {
          lateWrite = source.loginAttempt.create({ data: { email: "tardive@exemple.test", ip: "203.0.113.9", success: true } });
        }
      },
    });
    expect(report.checks.every((c) => c.ok)).toBe(true);
    const late = await lateWrite!;
    const target = createPrismaClient(targetUrl, { poolSize: 2 });
    try {
      expect(await target.loginAttempt.findUnique({ where: { id: late.id } })).toBeNull();
      expect(await target.loginAttempt.count()).toBe((await source.loginAttempt.count()) - 1);
    } finally {
      await target.$disconnect();
    }
  }, 180_000);

  it("catches a difference: a row changed on the way rolls the copy back, a row changed after is reported", async () => {
    // The target changes one value as it is inserted: counts agree, the checksum does not.
    const alteredUrl = await freshDatabase();
    await migrateDatabase(alteredUrl);
    const changed = await source.association.findFirstOrThrow({ select: { id: true } });
    await onCluster(alteredUrl, (c) =>
      c.query(`CREATE FUNCTION "alter_city"() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN IF NEW."id" = '${changed.id}' THEN NEW."city" := NEW."city" || ' '; END IF; RETURN NEW; END $$;
               CREATE TRIGGER "alter_city" BEFORE INSERT ON "Association" FOR EACH ROW EXECUTE FUNCTION "alter_city"()`),
    );
    const refused = await copyDatabase({ sourceUrl, targetUrl: alteredUrl }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CopyMismatchError);
    const checks = (refused as InstanceType<typeof CopyMismatchError>).checks;
    expect(checks.filter((c) => !c.ok).map((c) => c.table)).toEqual(["Association"]);
    expect(checks.find((c) => c.table === "Association")?.source.count).toBe(checks.find((c) => c.table === "Association")?.target.count);
    expect(everyTableEmpty(await countsOf(alteredUrl))).toBe(true);

    // After a good copy, one changed date and one deleted row are found, and nothing else.
    const targetUrl = await freshDatabase();
    await copyDatabase({ sourceUrl, targetUrl });
    await onCluster(targetUrl, async (c) => {
      await c.query(
        `UPDATE "Dossier" SET "updatedAt" = "updatedAt" + interval '1 millisecond' WHERE "id" = (SELECT min("id") FROM "Dossier")`,
      );
      await c.query(`DELETE FROM "LoginAttempt"`);
    });
    const target = createPrismaClient(targetUrl, { poolSize: 2 });
    try {
      const compared = await compareDatabases(source, target);
      expect(compared.filter((c) => !c.ok).map((c) => c.table)).toEqual(["LoginAttempt", "Dossier"]);
      const dossier = compared.find((c) => c.table === "Dossier")!;
      expect(dossier.source.count).toBe(dossier.target.count);
      expect(dossier.source.checksum).not.toBe(dossier.target.checksum);
    } finally {
      await target.$disconnect();
    }
  }, 180_000);
});
