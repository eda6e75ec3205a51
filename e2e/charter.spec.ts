// The charter: an administrator publishes a version, a legal representative signs it and the
// association shows as a signatory; a new version removes the badge until it signs again.
// Other journeys share this database: assertions stay on the associations created here.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { createAssociation } from "../prisma/factories/association";
import { addMembership, createUser } from "../prisma/factories/user";
import { burst, expectHandled } from "./support/bursts";
import { expect, expectAccessible, getDb, loginAs, sessionCookieFor, signIn, test, uniqueEmail, waitForMail } from "./support/fixtures";

function uniqueWord(prefix: string) {
  return `${prefix}${Date.now().toString(36).replace(/\d/g, "")}${Math.random().toString(36).slice(2, 8).replace(/\d/g, "")}`;
}

async function associationWithRepresentative(name: string, repName: string) {
  const db = getDb();
  const association = await createAssociation(db, { name, status: "validated" });
  const rep = await createUser(db, { email: uniqueEmail("representante"), name: repName });
  await addMembership(db, rep.id, association.id, true, "Présidente");
  return { association, rep };
}

async function currentVersion() {
  return getDb().charterVersion.findFirst({ where: { publishedAt: { not: null } }, orderBy: { version: "desc" } });
}

/** Through the administration's pages: edit the text, save the draft, read the preview, publish. */
async function publishVersionThroughUi(page: Page, clause: string) {
  await page.goto("/admin");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Rédiger la charte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Charte de l'action sociale" })).toBeVisible();
  await expectAccessible(page);
  const body = page.getByLabel("Texte de la charte");
  await body.fill(`${await body.inputValue()}\n\n## Clause ajoutée\n\n${clause}`);
  await page.getByLabel("Ce qui change dans cette version").fill(`Ajout de la clause ${clause}.`);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("status")).toContainText("Brouillon enregistré");
  await expect(page.locator("article").getByText(clause)).toBeVisible();
  await expect(page.locator("ins").filter({ hasText: clause })).toBeVisible();
  await expectAccessible(page);
  const publishButton = page.getByRole("button", { name: /^Publier la version \d+$/ });
  const version = Number((await publishButton.textContent())!.match(/\d+/)![0]);
  // The confirmation is required.
  await publishButton.click();
  await expect(page.getByRole("alert")).toContainText("Cochez la case pour confirmer la publication");
  await page.getByRole("checkbox", { name: /Je publie ce brouillon comme version/ }).check();
  await publishButton.click();
  // Publishing re-indexes every signatory of the previous version before answering: give it time on a busy machine.
  await expect(page.getByRole("status")).toContainText(`Version ${version} publiée`, { timeout: 60_000 });
  await expectAccessible(page);
  const published = await currentVersion();
  expect(published?.version).toBe(version);
  expect(published?.body).toContain(clause);
  return published!;
}

async function signThroughUi(page: Page, associationId: string, signer: { name: string; role: string }, version: number) {
  await page.goto("/espace");
  await expectAccessible(page);
  await expect(page.getByText(`à signer (version ${version}`)).toBeVisible();
  await page.locator(`main a[href="/espace/associations/${associationId}/charte"]`).click();
  await expect(page).toHaveURL(new RegExp(`/espace/associations/${associationId}/charte$`));
  await expect(page.getByRole("heading", { name: `Signer la version ${version}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Vos nom et prénom").fill(signer.name);
  await page.getByLabel("Votre fonction dans l'association").fill(signer.role);
  await page.getByRole("button", { name: "Signer la charte au nom de l'association" }).click();
  await expect(page.getByRole("alert")).toContainText("Cochez la case d'engagement");
  await page.getByRole("checkbox", { name: /J'ai lu la charte municipale/ }).check();
  await page.getByRole("button", { name: "Signer la charte au nom de l'association" }).click();
  await expect(page.getByRole("status")).toContainText(`Charte signée (version ${version})`);
  await expectAccessible(page);
}

async function directoryResult(page: Page, word: string, name: string, { signatoriesOnly = false } = {}) {
  await page.goto(`/annuaire?q=${word}${signatoriesOnly ? "&charte=1" : ""}`);
  await expectAccessible(page);
  return page.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
}

/** After a signature: the save does not wait for the search engine, the directory shows the badge within seconds. */
async function expectSignatoryInDirectory(page: Page, word: string, name: string) {
  await expect(async () => {
    const result = await directoryResult(page, word, name, { signatoriesOnly: true });
    await expect(result).toHaveCount(1, { timeout: 500 });
    await expect(result).toContainText("Signataire de la charte", { timeout: 500 });
  }).toPass({ timeout: 15_000, intervals: [100, 250, 500] });
}

test("an administrator publishes a version, the representative signs, and a new version asks for a new signature", async ({ page }) => {
  test.setTimeout(300_000);
  const word = uniqueWord("charte");
  const name = `Les Amis de la Charte ${word}`;
  const { association, rep } = await associationWithRepresentative(name, "Rosa Lemaire");
  const admin = await loginAs(page, "admin");

  const first = await publishVersionThroughUi(page, `Première clause ${word}.`);
  await page.goto("/charte");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(`Version ${first.version} en vigueur`)).toBeVisible();
  await expect(page.getByText(`Première clause ${word}.`)).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/charte/versions?de=${first.version! - 1}&a=${first.version}`);
  await expect(page.locator("ins").filter({ hasText: `Première clause ${word}.` })).toBeVisible();
  await expectAccessible(page);

  // The representative signs the version just published.
  await signIn(page, rep.id);
  await signThroughUi(page, association.id, { name: "Rosa Lemaire", role: "Présidente" }, first.version!);
  const signature = await getDb().charterSignature.findFirstOrThrow({ where: { associationId: association.id, versionId: first.id } });
  expect(signature).toMatchObject({ userId: rep.id, signerName: "Rosa Lemaire", signerRole: "Présidente", textSha256: first.sha256 });
  expect(signature.ip).not.toBe("");
  expect(signature.userAgent).toMatch(/Chrom/);

  // The certificate names the signer, the version and the hash of the text.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger l'attestation de signature (PDF)" }).click(),
  ]);
  const pdf = readFileSync((await download.path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  expect(text).toContain("Rosa Lemaire");
  expect(text).toContain(`version ${first.version}`);
  expect(text.replace(/\s/g, "")).toContain(first.sha256!);

  // The badge, in the directory and in the public list.
  await expectSignatoryInDirectory(page, word, name);
  let result;
  await page.goto("/charte/signataires");
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expectAccessible(page);

  // A new version: the earlier signature stays on record, the badge goes.
  await signIn(page, admin.id);
  const second = await publishVersionThroughUi(page, `Seconde clause ${word}.`);
  expect(second.version).toBe(first.version! + 1);
  result = await directoryResult(page, word, name, { signatoriesOnly: true });
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  result = await directoryResult(page, word, name);
  await expect(result).toHaveCount(1);
  await expect(result).not.toContainText("Signataire de la charte");
  await page.goto("/charte/signataires");
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect(await getDb().charterSignature.count({ where: { associationId: association.id, versionId: first.id } })).toBe(1);
  const mail = await waitForMail(rep.email, new RegExp(`version ${second.version} publiée`));
  expect(mail.text).toContain(`/espace/associations/${association.id}/charte`);

  // Signing again brings it back.
  await signIn(page, rep.id);
  await page.goto(`/espace/associations/${association.id}/charte`);
  await expect(page.getByText(`L'association avait signé la version ${first.version}`)).toBeVisible();
  await signThroughUi(page, association.id, { name: "Rosa Lemaire", role: "Présidente" }, second.version!);
  await expectSignatoryInDirectory(page, word, name);
});

test("only the legal representative signs, and only the current version of their own association", async ({ page }) => {
  const db = getDb();
  const current = await currentVersion();
  expect(current, "the demo seed publishes a charter").not.toBeNull();
  const older = await db.charterVersion.findFirstOrThrow({ where: { publishedAt: { not: null }, version: { lt: current!.version! } } });
  const { association } = await associationWithRepresentative(`Entraide Charte ${uniqueWord("neg")}`, "Marc Signataire");
  const sign = { versionId: current!.id, signerName: "Quelqu'un", signerRole: "Bénévole", commitment: "on" };

  // A member who is not the representative sees who must sign, and cannot post.
  await loginAs(page, "member", { association: { id: association.id }, representative: false });
  await page.goto(`/espace/associations/${association.id}/charte`);
  await expect(
    page.getByText("Seul·e le ou la représentant·e légal·e de l'association peut signer la charte : Marc Signataire (Présidente)."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /Signer la charte/ })).toHaveCount(0);
  await expectAccessible(page);
  const origin = new URL(page.url()).origin;
  const asMember = await page.request.post(`/espace/associations/${association.id}/charte`, { headers: { Origin: origin }, form: sign });
  expect(asMember.status()).toBe(403);

  // Another association's representative, naming this association.
  const other = await loginAs(page, "member", { representative: true });
  const forOther = await page.request.post(`/espace/associations/${association.id}/charte`, { headers: { Origin: origin }, form: sign });
  expect(forOther.status()).toBe(404);
  expect(await db.charterSignature.count({ where: { associationId: association.id } })).toBe(0);

  // Their own association, but an earlier version.
  const oldVersion = await page.request.post(`/espace/associations/${other.associationId}/charte`, {
    headers: { Origin: origin },
    form: { ...sign, versionId: older.id },
  });
  expect(oldVersion.status()).toBe(409);
  expect(await oldVersion.text()).toContain("plus celle en vigueur");
  expect(await db.charterSignature.count({ where: { associationId: other.associationId! } })).toBe(0);

  // Not a member, not staff: no certificate of another association.
  const signed = await db.charterSignature.findFirstOrThrow({
    where: { associationId: { notIn: [association.id, other.associationId!] } },
  });
  const certificate = await page.request.get(`/espace/associations/${signed.associationId}/charte/attestation/${signed.id}`);
  expect(certificate.status()).toBe(404);
});

test("staff see who signed which version and remind those who have not", async ({ page }) => {
  test.setTimeout(120_000);
  const db = getDb();
  const current = (await currentVersion())!;
  const unsigned = await associationWithRepresentative(`Relais Charte ${uniqueWord("rel")}`, "Inès Relance");
  const signedName = `Signataires Charte ${uniqueWord("sig")}`;
  const signed = await associationWithRepresentative(signedName, "Louis Signe");
  const signature = await db.charterSignature.create({
    data: {
      versionId: current.id,
      associationId: signed.association.id,
      userId: signed.rep.id,
      signerName: "Louis Signe",
      signerRole: "Trésorier",
      ip: "192.0.2.10",
      userAgent: "test",
      textSha256: current.sha256!,
    },
  });
  await loginAs(page, "staff");
  await page.goto("/instruction");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Suivre les signatures" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Signatures de la charte" })).toBeVisible();
  await expectAccessible(page);
  const signedRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: signedName, exact: true }) });
  await expect(signedRow).toContainText("Signée");
  await expect(signedRow).toContainText(`Version ${current.version}`);
  await expect(signedRow).toContainText("Louis Signe (Trésorier)");
  await page.getByRole("link", { name: "N'ont pas signé la version en vigueur" }).click();
  await expect(
    page.getByRole("row").filter({ has: page.getByRole("link", { name: unsigned.association.name, exact: true }) }),
  ).toContainText("À signer");
  await expect(page.getByRole("link", { name: signedName, exact: true })).toHaveCount(0);
  await expectAccessible(page);

  const button = page.getByRole("button", { name: /^Relancer les \d+ association\(s\) qui n'ont pas signé$/ });
  await button.click();
  await expect(page.getByRole("status")).toContainText(/Relance envoyée : \d+ courriel\(s\) aux représentant·es de \d+ association\(s\)/);
  const mail = await waitForMail(unsigned.rep.email, /Rappel/);
  expect(mail.text).toContain(`/espace/associations/${unsigned.association.id}/charte`);

  // Staff may download any association's certificate.
  const pdf = await page.request.get(`/espace/associations/${signed.association.id}/charte/attestation/${signature.id}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});

// Here rather than in double-submission.spec.ts: a publication removes every badge, so it must not run while the
// journeys above (which this file runs in order, in one worker) check theirs.
for (const times of [2, 5]) {
  test(`the same publication sent ${times} times at once publishes one version`, async () => {
    const db = getDb();
    const admin = await createUser(db, { email: uniqueEmail("double-admin"), role: "admin" });
    const cookie = await sessionCookieFor(admin.id);
    const title = `Charte du réseau ${times}-${randomBytes(3).toString("hex")}`;
    expectHandled(
      await burst(1, "/admin/charte", cookie, {
        title,
        body: "## Engagements\n\nRespecter les personnes accueillies.",
        changeNote: "Essai",
      }),
      "brouillon de charte",
    );
    const draft = await db.charterVersion.findFirstOrThrow({ where: { title, publishedAt: null } });
    expectHandled(
      await burst(times, "/admin/charte", cookie, { intent: "publish", draftId: draft.id, confirm: "on" }),
      "publication de la charte",
    );
    expect(await db.charterVersion.count({ where: { title, publishedAt: { not: null } } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "charter", entityId: draft.id, action: "publication" } })).toBe(1);
  });
}
