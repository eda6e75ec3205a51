// The CCAS's identity, its communes and its logo, against a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { HTML_BYTES, JPEG_BYTES, PNG_BYTES, SVG_BYTES, WEBP_BYTES, createSettingsAdmin, logoPost } from "./test-support";

const { prisma } = await import("../db.server");
const { saveIdentity } = await import("./identity.server");
const { saveCommunes } = await import("./territory.server");
const { checkLogo, logoResponse, readLogoUpload, removeLogo, saveLogo, MAX_LOGO_BYTES } = await import("./logo.server");
const { getPortalSettings } = await import("./portal-settings.server");
const { identitySchema, territorySchema } = await import("./schemas");
const { parseWith } = await import("../lib/forms.server");

let admin: { id: string };
beforeAll(async () => {
  admin = await createSettingsAdmin(prisma);
});

const identity = {
  name: "CCAS de Dole",
  longName: "Centre communal d'action sociale de Dole",
  siret: "732 829 320 00074",
  address: "2 place de l'Europe",
  postcode: "39100",
  city: "Dole",
  phone: "03 84 79 79 79",
  email: "ccas@dole.test",
  representative: "le président du CCAS",
  court: "tribunal administratif de Besançon",
};

describe("the CCAS's identity", () => {
  it("saves what the form sends, shows it at once to every reader and audits it", async () => {
    await getPortalSettings(); // cached before the change
    const parsed = parseWith(identitySchema, identity);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await saveIdentity(parsed.data, admin);
    const settings = await getPortalSettings();
    expect(settings).toMatchObject({
      name: "CCAS de Dole",
      siret: "73282932000074",
      postcode: "39100",
      phone: "0384797979",
      configured: true,
    });
    const audit = await prisma.auditEvent.findFirst({
      where: { entityType: "settings", action: "identité modifiée" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.actorId).toBe(admin.id);
    expect(audit?.comment).toContain("siret");
  });

  it("refuses a SIRET whose key is wrong, in the form and in the domain", async () => {
    const parsed = parseWith(identitySchema, { ...identity, siret: "73282932000075" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.siret).toMatch(/clé de contrôle/);
    await expect(saveIdentity({ ...identitySchema.parse(identity), siret: "73282932000075" }, admin)).rejects.toMatchObject({
      code: "invalid_siret",
      field: "siret",
    });
    // La Poste's establishments follow their own rule.
    expect(parseWith(identitySchema, { ...identity, siret: "35600000000001" }).ok).toBe(true);
  });

  it("takes no SIRET (the open data then waits) and refuses a phone number that is not French", async () => {
    const parsed = parseWith(identitySchema, { ...identity, siret: "", phone: "12 34" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual(["phone"]);
    await saveIdentity(identitySchema.parse({ ...identity, siret: " " }), admin);
    expect((await getPortalSettings()).siret).toBeNull();
  });
});

describe("the communes served", () => {
  it("reads one commune per line, Corsica's codes included", () => {
    const parsed = parseWith(territorySchema, { communes: "25056 Besançon\n2A004 ; Ajaccio\n\n2b033 - Bastia" });
    expect(parsed).toEqual({
      ok: true,
      data: {
        communes: [
          { code: "25056", name: "Besançon" },
          { code: "2A004", name: "Ajaccio" },
          { code: "2B033", name: "Bastia" },
        ],
      },
    });
  });

  it("refuses a bad code, an empty list and a commune given twice", async () => {
    for (const communes of [
      "2505 Besançon",
      "ABCDE Nulle part",
      "",
      "25056 Besançon\n25056 Besançon-bis",
      "25056Besançon",
      "73282932000074",
      "25056 1234",
    ]) {
      const parsed = parseWith(territorySchema, { communes });
      expect(parsed.ok, communes).toBe(false);
      if (!parsed.ok) expect(Object.keys(parsed.errors), communes).toEqual(["communes"]);
    }
    await expect(saveCommunes([], admin)).rejects.toMatchObject({ code: "invalid_communes" });
    await expect(saveCommunes([{ code: "3A001", name: "X" }], admin)).rejects.toMatchObject({ code: "invalid_communes" });
    await expect(
      saveCommunes(
        [
          { code: "39198", name: "Dole" },
          { code: "39198", name: "Dole" },
        ],
        admin,
      ),
    ).rejects.toThrow(/deux fois/);
  });

  it("saves the list for every reader", async () => {
    await saveCommunes(
      [
        { code: "39198", name: "Dole" },
        { code: "39009", name: "Authume" },
      ],
      admin,
    );
    expect((await getPortalSettings()).communes).toEqual([
      { code: "39198", name: "Dole" },
      { code: "39009", name: "Authume" },
    ]);
  });
});

describe("the logo", () => {
  it("recognises PNG, JPEG and WebP by their content", async () => {
    expect(await checkLogo(PNG_BYTES)).toBe("image/png");
    expect(await checkLogo(JPEG_BYTES)).toBe("image/jpeg");
    expect(await checkLogo(WEBP_BYTES)).toBe("image/webp");
  });

  it("refuses SVG (scripts), HTML named .png, an empty file and one over 1 MB", async () => {
    await expect(checkLogo(SVG_BYTES)).rejects.toMatchObject({ code: "logo_refused", field: "logo" });
    const html = await readLogoUpload(logoPost(HTML_BYTES, "logo.png", "image/png"));
    if (!html.ok) throw html.error;
    await expect(saveLogo(html.bytes, admin)).rejects.toMatchObject({ code: "logo_refused" });
    await expect(checkLogo(new Uint8Array())).rejects.toMatchObject({ code: "logo_refused" });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG_BYTES);
    await expect(checkLogo(big)).rejects.toMatchObject({ code: "logo_too_large" });
    const upload = await readLogoUpload(logoPost(big, "grand.png", "image/png"));
    expect(upload.ok).toBe(false);
    if (!upload.ok) expect(upload.error.code).toBe("logo_too_large");
    expect((await getPortalSettings()).hasLogo).toBe(false);
  });

  it("stores a PNG named .svg as a PNG and serves it at /logo with its type, nosniff and an ETag", async () => {
    const upload = await readLogoUpload(logoPost(PNG_BYTES, "logo.svg", "image/svg+xml"));
    if (!upload.ok) throw upload.error;
    expect(await saveLogo(upload.bytes, admin)).toBe("image/png");
    expect((await getPortalSettings()).hasLogo).toBe(true);

    const response = await logoResponse(new Request("http://localhost/logo"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toMatch(/public/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_BYTES);
    const etag = response.headers.get("ETag")!;
    expect(etag).toMatch(/^".+"$/);

    const again = await logoResponse(new Request("http://localhost/logo", { headers: { "If-None-Match": etag } }));
    expect(again.status).toBe(304);
    // A new logo, a new ETag.
    await saveLogo(JPEG_BYTES, admin);
    const changed = await logoResponse(new Request("http://localhost/logo", { headers: { "If-None-Match": etag } }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get("Content-Type")).toBe("image/jpeg");
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });

  it("can be removed: /logo then answers 404", async () => {
    await saveLogo(PNG_BYTES, admin);
    await removeLogo(admin);
    expect((await getPortalSettings()).hasLogo).toBe(false);
    expect((await logoResponse(new Request("http://localhost/logo"))).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { entityType: "settings", action: "logo retiré" } })).toBe(1);
  });
});
