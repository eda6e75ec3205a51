// The one write path for stored files, on the real filesystem: all or nothing, never a
// partial file under a stored name, and files removed when what follows the write fails.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const files = await import("./stored-files.server");
const { DomainError } = await import("../lib/domain-error");

const folder = () => mkdtempSync(path.join(os.tmpdir(), "stored-files-"));

describe("writeFileAtomically", () => {
  it("writes the whole file under its name, private to the portal, with no temporary file left", async () => {
    const dir = path.join(folder(), "uploads");
    await files.writeFileAtomically(dir, "a.pdf", Buffer.from("%PDF-1.4 contenu"));
    expect(readFileSync(path.join(dir, "a.pdf"), "utf8")).toBe("%PDF-1.4 contenu");
    expect(statSync(path.join(dir, "a.pdf")).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["a.pdf"]);
  });

  it("removes its temporary file when the write cannot finish, and leaves what was there", async () => {
    const dir = folder();
    writeFileSync(path.join(dir, "ancien.pdf"), "ancien");
    // The final name is taken by a folder: the rename fails after the bytes were written aside.
    mkdirSync(path.join(dir, "b.pdf"));
    writeFileSync(path.join(dir, "b.pdf", "x"), "x");
    await expect(files.writeFileAtomically(dir, "b.pdf", Buffer.alloc(4096, 1))).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(["ancien.pdf", "b.pdf"]);
    expect(readFileSync(path.join(dir, "ancien.pdf"), "utf8")).toBe("ancien");
  });

  it("refuses a name that is a path or looks like a temporary file", async () => {
    const dir = folder();
    await expect(files.writeFileAtomically(dir, "../evasion.pdf", Buffer.from("x"))).rejects.toThrow(/invalide/);
    await expect(files.writeFileAtomically(dir, ".partial-x", Buffer.from("x"))).rejects.toThrow(/invalide/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("disk errors", () => {
  it("turn a full disk into a 507 and an unwritable folder into a 503, with French messages", () => {
    const full = files.asStorageError(Object.assign(new Error("write"), { code: "ENOSPC" }));
    expect(full).toBeInstanceOf(DomainError);
    expect(full).toMatchObject({ code: "disk_full", status: 507, message: files.DISK_FULL_MESSAGE });
    expect(files.DISK_FULL_MESSAGE).toContain("manque d'espace disque");
    expect(files.asStorageError(Object.assign(new Error("open"), { code: "EROFS" }))).toMatchObject({ code: "not_writable", status: 503 });
    expect(files.asStorageError(new Error("SqliteError: database or disk is full"))).toMatchObject({ code: "disk_full" });
    const other = new Error("autre");
    expect(files.asStorageError(other)).toBe(other);
  });
});

describe("withNewFiles", () => {
  it("keeps the files when the work succeeds and removes them all when it fails", async () => {
    const dir = folder();
    await files.withNewFiles(async (f) => f.write(dir, "garde.pdf", Buffer.from("1")));
    await expect(
      files.withNewFiles(async (f) => {
        await f.write(dir, "un.pdf", Buffer.from("1"));
        await f.write(dir, "deux.pdf", Buffer.from("2"));
        throw new Error("la transaction a échoué");
      }),
    ).rejects.toThrow("la transaction a échoué");
    expect(readdirSync(dir)).toEqual(["garde.pdf"]);
  });
});

describe("removeStaleTemporaryFiles", () => {
  it("removes only temporary files a dead process left long ago", async () => {
    const dir = folder();
    writeFileSync(path.join(dir, ".partial-vieux-a.pdf"), "x");
    writeFileSync(path.join(dir, ".partial-recent-b.pdf"), "x");
    writeFileSync(path.join(dir, "c.pdf"), "x");
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(path.join(dir, ".partial-vieux-a.pdf"), old, old);
    utimesSync(path.join(dir, "c.pdf"), old, old);
    expect(await files.removeStaleTemporaryFiles(dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([".partial-recent-b.pdf", "c.pdf"]);
  });
});
