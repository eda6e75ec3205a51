// A full disk and the storage quota, on the real portal over HTTP. The uploads folder is a
// 2 Mo tmpfs (root: CI runs as root): filled up, an upload answers 507 with a clear French
// message and what was typed, leaves no partial file and changes no stored file or row, and
// /healthz says the data folder is full; once room is back, uploads work again. Remounted
// read-only, it answers 503 and /healthz says "not_writable". Then five
// uploads at once where only two fit in the association's quota: exactly two are accepted.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startBundledMeilisearch, type RunningMeilisearch } from "../../search/server-process";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { createDossier } from "../../prisma/factories/dossier";
import { addMembership, createUser } from "../../prisma/factories/user";
import { pdfBytes } from "../sample-files";
import { SESSION_COOKIE_NAME } from "../../app/accounts/session-cookie";

const root = path.resolve(`.tmp/faults-disk-${process.pid}`);
const dataDir = path.join(root, "data");
const uploadDir = path.join(dataDir, "uploads");
const databaseUrl = `file:${path.join(dataDir, "portail.db")}`;
const masterKey = "faults-master-key-0123456789";
const FILE_SIZE = 200 * 1024;
// Two 200 Ko files fit in an association's 0,5 Mo, a third does not.
const QUOTA_MB = "0.5";

// This process's own Prisma client (for checks) opens the portal's database, not ./data.
process.env.DATABASE_URL = databaseUrl;
process.env.DATA_DIR = dataDir;
const { createPrismaClient } = await import("../../app/db.server");
let db!: ReturnType<typeof createPrismaClient>;

rmSync(root, { recursive: true, force: true });
mkdirSync(uploadDir, { recursive: true });
const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", uploadDir], { encoding: "utf8" });
const mounted = mount.status === 0;
if (!mounted) {
  console.warn(
    `disk-full.test.ts ignoré : montage d'un tmpfs refusé (${(mount.stderr || mount.error?.message || "").trim()}). Lancez les tests de pannes en root.`,
  );
}

let meili: RunningMeilisearch | undefined;
let portal: ChildProcess | undefined;
let base: string;

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Délai dépassé : ${what}`);
}

/** A whole PDF (its trailer last) of exactly `size` bytes. */
async function pdfOfSize(size: number, text: string) {
  const pdf = await pdfBytes(text);
  return Buffer.concat([pdf.subarray(0, pdf.length - 6), Buffer.alloc(size - pdf.length, 0x20), Buffer.from("%%EOF\n")]);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const uploadsListing = () => readdirSync(uploadDir).sort();

beforeAll(async () => {
  if (!mounted) return;
  const meiliPort = await freePort();
  meili = await startBundledMeilisearch({ dataDir: path.join(root, "meili"), port: meiliPort, masterKey });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  portal = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      MEILI_HOST: meili.host,
      MEILI_MASTER_KEY: masterKey,
      SEED_DEMO: "0",
      // Nothing leaves this machine: no address is looked up (the map has its stand-in in e2e/).
      GEOCODER_URL: "off",
      BUILD_DIR: ".tmp/build-faults",
      ASSOCIATION_STORAGE_QUOTA_MB: QUOTA_MB,
      // An empty 2 Mo tmpfs counts as healthy; under 256 Ko free it is "nearly full".
      DATA_DIR_MIN_FREE_MB: "0.25",
      DATA_DIR_MIN_FREE_PERCENT: "5",
    },
  });
  await waitUntil(async () => (await fetch(`${base}/healthz`)).ok, 240_000, "démarrage du portail");
  db = createPrismaClient(databaseUrl);
});

afterAll(async () => {
  if (portal && portal.exitCode === null) {
    const exited = new Promise((r) => portal!.once("exit", r));
    portal.kill("SIGTERM");
    await exited;
  }
  await db?.$disconnect();
  await meili?.stop();
  if (mounted) {
    const umount = spawnSync("umount", [uploadDir]);
    if (umount.status !== 0) spawnSync("umount", ["-l", uploadDir]);
  }
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!mounted)("a full disk and the storage quota, over HTTP", () => {
  /** An association with a member signed in (a session made directly); its cookie. */
  async function memberOfNewAssociation() {
    const association = await createAssociation(db, { status: "validated" });
    const user = await createUser(db, { passwordHash: "!" });
    await addMembership(db, user.id, association.id, true, "Trésorière");
    const sessionId = randomBytes(20).toString("hex");
    await db.session.create({ data: { id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
    return { associationId: association.id, cookie: `${SESSION_COOKIE_NAME}=${sessionId}` };
  }

  async function upload(url: string, cookie: string, fields: Record<string, string>, file: Buffer, name: string) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append("file", new Blob([new Uint8Array(file)], { type: "application/pdf" }), name);
    const response = await fetch(`${base}${url}`, {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { Origin: base, Cookie: cookie },
    });
    return { status: response.status, html: await response.text() };
  }

  const health = async () => {
    const response = await fetch(`${base}/healthz`);
    return { status: response.status, body: (await response.json()) as { status: string; dataFolder: { status: string } } };
  };

  it("a full disk: a clear message and what was typed, no partial file, nothing stored changed, /healthz says so", async () => {
    const { associationId, cookie } = await memberOfNewAssociation();
    const documentsUrl = `/espace/associations/${associationId}/documents`;
    const first = await pdfOfSize(FILE_SIZE, "Statuts");
    expect(
      (await upload(documentsUrl, cookie, { intent: "upload", kind: "statuts", label: "Statuts 2026" }, first, "statuts.pdf")).status,
    ).toBe(302);
    const [stored] = await db.document.findMany({ where: { associationId } });
    expect(stored).toMatchObject({ size: FILE_SIZE, sha256: sha256(first) });
    expect(uploadsListing()).toEqual([stored.storedName]);

    // Something else fills the disk, leaving less than one file's room.
    const free = () => {
      const s = statfsSync(uploadDir);
      return s.bavail * s.bsize;
    };
    writeFileSync(path.join(uploadDir, "remplissage.bin"), Buffer.alloc(free() - 64 * 1024));
    expect(free()).toBeLessThan(FILE_SIZE);
    const listing = uploadsListing();

    const bilan = await pdfOfSize(FILE_SIZE, "Bilan");
    const refused = await upload(
      documentsUrl,
      cookie,
      { intent: "upload", kind: "comptes", label: "Bilan annuel 2026" },
      bilan,
      "bilan.pdf",
    );
    expect(refused.status).toBe(507);
    expect(refused.html).toContain("Le serveur manque d&#x27;espace disque : votre fichier n&#x27;a pas été enregistré.");
    expect(refused.html).toContain('value="Bilan annuel 2026"');
    expect(refused.html).toMatch(/<option value="comptes" selected=""/);

    // The same on a dossier's attachments step.
    const staff = await createUser(db, { role: "staff" });
    const call = await createCall(db, { status: "publie", reviewerIds: [staff.id] });
    const dossier = await createDossier(db, { callId: call.id, associationId, state: "brouillon" });
    const piecesUrl = `/espace/associations/${associationId}/dossiers/${dossier.id}/pieces`;
    const refusedPiece = await upload(piecesUrl, cookie, { intent: "upload", kind: "rib", label: "RIB" }, bilan, "rib.pdf");
    expect(refusedPiece.status).toBe(507);
    expect(refusedPiece.html).toContain("Le serveur manque d&#x27;espace disque");
    expect(refusedPiece.html).toMatch(/<option value="rib" selected=""/);

    // No partial file, the stored file and its row unchanged, no row added.
    expect(uploadsListing()).toEqual(listing);
    expect(readdirSync(uploadDir).filter((n) => n.startsWith("."))).toEqual([]);
    expect(sha256(readFileSync(path.join(uploadDir, stored.storedName)))).toBe(stored.sha256);
    expect(await db.document.findMany({ where: { associationId } })).toEqual([stored]);
    expect(await db.dossierAttachment.count({ where: { dossierId: dossier.id } })).toBe(0);

    const degraded = await health();
    expect(degraded.status).toBe(503);
    expect(degraded.body.status).toBe("degraded");
    expect(["full", "nearly_full"]).toContain(degraded.body.dataFolder.status);

    // Room again: healthy, and the same upload goes through.
    rmSync(path.join(uploadDir, "remplissage.bin"));
    expect(await health()).toMatchObject({ status: 200, body: { status: "ok", dataFolder: { status: "ok" } } });
    expect(
      (await upload(documentsUrl, cookie, { intent: "upload", kind: "comptes", label: "Bilan annuel 2026" }, bilan, "bilan.pdf")).status,
    ).toBe(302);
    const rows = await db.document.findMany({ where: { associationId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.sha256)).toEqual([sha256(first), sha256(bilan)]);
    expect(uploadsListing()).toEqual(rows.map((r) => r.storedName).sort());
  });

  it("a read-only disk: 503 with a French message, nothing stored, /healthz says not writable", async () => {
    rmSync(path.join(uploadDir, "remplissage.bin"), { force: true });
    const { associationId, cookie } = await memberOfNewAssociation();
    const listing = uploadsListing();
    expect(spawnSync("mount", ["-o", "remount,ro", uploadDir]).status).toBe(0);
    try {
      const refused = await upload(
        `/espace/associations/${associationId}/documents`,
        cookie,
        { intent: "upload", kind: "rib", label: "RIB" },
        await pdfOfSize(FILE_SIZE, "RIB"),
        "rib.pdf",
      );
      expect(refused.status).toBe(503);
      expect(refused.html).toContain(
        "Le serveur ne peut pas écrire de fichier pour le moment : votre fichier n&#x27;a pas été enregistré.",
      );
      expect(await db.document.count({ where: { associationId } })).toBe(0);
      expect(await health()).toMatchObject({ status: 503, body: { status: "degraded", dataFolder: { status: "not_writable" } } });
    } finally {
      spawnSync("mount", ["-o", "remount,rw", uploadDir]);
    }
    expect(uploadsListing()).toEqual(listing);
    expect((await health()).status).toBe(200);
  });

  it("five uploads at once where two fit the quota: exactly two accepted, the others told why", async () => {
    // Room on the disk whatever the test above left (it removes its filler only when it passes).
    rmSync(path.join(uploadDir, "remplissage.bin"), { force: true });
    const { associationId, cookie } = await memberOfNewAssociation();
    const before = uploadsListing();
    const files = await Promise.all(Array.from({ length: 5 }, (_, i) => pdfOfSize(FILE_SIZE, `Rapport ${i}`)));
    const answers = await Promise.all(
      files.map((file, i) =>
        upload(
          `/espace/associations/${associationId}/documents`,
          cookie,
          { intent: "upload", kind: "rapport_activite", label: `Rapport ${i}` },
          file,
          `rapport-${i}.pdf`,
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 302)).toHaveLength(2);
    const refused = answers.filter((a) => a.status !== 302);
    expect(refused).toHaveLength(3);
    for (const a of refused) {
      expect(a.status).toBe(400);
      expect(a.html).toContain("dépasse l&#x27;espace de stockage restant de l&#x27;association");
    }
    const rows = await db.document.findMany({ where: { associationId } });
    expect(rows).toHaveLength(2);
    // Only the two accepted files were added to the disk: the refused ones were removed.
    expect(uploadsListing().filter((n) => !before.includes(n))).toEqual(rows.map((r) => r.storedName).sort());
  });
});
