// Deposit records, as the association and the CCAS meet them: the association deposits, its
// dossiers list and the public call page then offer the dossier (never a second start), and it
// downloads the attestation de dépôt from its dossier page; staff download the ZIP of the call's
// dossiers, which is unzipped here and compared, file by file, with what was uploaded.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { createSubsidyFromDossier } from "../app/subsidies/creation.server";
import { extractText, getDocumentProxy } from "unpdf";
import { createAssociation } from "../prisma/factories/association";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { addMembership, createUser } from "../prisma/factories/user";
import { pdfBytes } from "../tests/sample-files";
import { expect, expectAccessible, getDb, signIn, test, uniqueEmail } from "./support/fixtures";
import { E2E_DATA_DIR, E2E_URL } from "./support/paths";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A stored document of the association, its file in the portal's upload folder. */
async function storedDocument(associationId: string, kind: string, originalName: string, bytes: Buffer) {
  const dir = path.join(E2E_DATA_DIR, "uploads");
  mkdirSync(dir, { recursive: true });
  const storedName = `depots-${randomBytes(8).toString("hex")}.pdf`;
  writeFileSync(path.join(dir, storedName), bytes);
  return getDb().document.create({
    data: {
      associationId,
      kind: kind as never,
      label: originalName,
      originalName,
      storedName,
      mimeType: "application/pdf",
      size: bytes.length,
      sha256: sha256(bytes),
    },
  });
}

async function world() {
  const db = getDb();
  const association = await createAssociation(db, { status: "validated", name: `Les Jardins partagés ${randomBytes(3).toString("hex")}` });
  const rep = await createUser(db, { email: uniqueEmail("depots-rep"), name: "Camille Dépôt" });
  await addMembership(db, rep.id, association.id, true, "Présidente");
  const staff = await createUser(db, { email: uniqueEmail("depots-staff"), role: "staff", name: "Inès Instructrice" });
  const call = await createCall(db, { status: "publie", reviewerIds: [staff.id], requiredAttachments: ["statuts"] });
  const draft = await createDossier(db, { callId: call.id, associationId: association.id, state: "brouillon" });
  await db.dossier.update({ where: { id: draft.id }, data: { declarationSignedAt: new Date(), declarationSignerId: rep.id } });
  const statutsBytes = await pdfBytes("Statuts des Jardins partagés");
  const ribBytes = await pdfBytes("RIB des Jardins partagés");
  const statuts = await storedDocument(association.id, "statuts", "Statuts signés.pdf", statutsBytes);
  const rib = await storedDocument(association.id, "rib", "rib:2026?.pdf", ribBytes);
  await db.dossierAttachment.create({ data: { dossierId: draft.id, documentId: statuts.id, kind: "statuts" } });
  await db.dossierAttachment.create({ data: { dossierId: draft.id, documentId: rib.id, kind: "rib" } });
  return { db, association, rep, staff, call, dossierId: draft.id, uploads: { statuts: statutsBytes, rib: ribBytes } };
}

test("l'association dépose, retrouve son dossier sans en recommencer un et télécharge l'attestation ; le CCAS télécharge le ZIP", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const w = await world();
  await signIn(page, w.rep.id);
  const dossierPath = `/espace/associations/${w.association.id}/dossiers/${w.dossierId}`;
  await page.goto(dossierPath);
  // A first deposit: never offered as « corrigé ».
  await expect(page.getByRole("button", { name: "Déposer le dossier corrigé" })).toHaveCount(0);
  await page.getByRole("button", { name: "Déposer le dossier", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(/Dossier déposé sous le numéro AAP-\d{4}-\d{4}/);
  const dossier = await w.db.dossier.findUniqueOrThrow({ where: { id: w.dossierId } });
  const submission = await w.db.dossierSubmission.findFirstOrThrow({ where: { dossierId: w.dossierId } });
  expect(submission.sha256).toMatch(/^[0-9a-f]{64}$/);

  const deposits = page.getByRole("region", { name: "Dépôts" });
  await expect(deposits).toContainText("Premier dépôt");
  await expect(deposits).toContainText(submission.sha256!);
  await expect(deposits.getByText(/\(PDF, \d+ Ko\)/).first()).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await deposits.getByRole("link", { name: "Attestation de dépôt" }).click();
  const attestation = await download;
  expect(attestation.suggestedFilename()).toBe(`attestation-depot-${dossier.number}.pdf`);
  const bytes = readFileSync((await attestation.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  expect(text).toContain(dossier.number);
  expect(text).toContain(submission.sha256!);
  expect(text).toContain("Camille Dépôt");

  // Where the call is offered, the deposited dossier is shown, never a second start.
  await page.goto(`/espace/associations/${w.association.id}/dossiers`);
  const offer = page.getByRole("link", { name: `Voir le dossier déposé (${dossier.number}) pour « ${w.call.title} »` });
  await expect(offer).toBeVisible();
  await expect(page.getByRole("button", { name: `Commencer un dossier pour « ${w.call.title} »` })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/appels-a-projets/${w.call.slug}`);
  await expect(page.getByRole("link", { name: `Voir le dossier déposé (${dossier.number})` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Commencer un dossier" })).toHaveCount(0);
  await expectAccessible(page);
  // A start sent anyway (an old tab) goes to the dossier and says which state it is in.
  const started = await page.request.post(`/espace/associations/${w.association.id}/dossiers/nouveau`, {
    form: { callId: w.call.id },
    headers: { Origin: E2E_URL },
    maxRedirects: 0,
  });
  expect(started.status()).toBe(302);
  expect(started.headers().location).toBe(dossierPath);
  await page.goto(dossierPath);
  await expect(page.getByRole("status")).toContainText(`déjà déposé le dossier ${dossier.number}`);
  expect(await w.db.dossier.count({ where: { associationId: w.association.id, callId: w.call.id } })).toBe(1);

  // Staff: the records on the dossier page, then the ZIP of the call's dossiers.
  const staffContext = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris", acceptDownloads: true });
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, w.staff.id);
  await staffPage.goto(`/instruction/dossiers/${w.dossierId}`);
  const records = staffPage.getByRole("region", { name: "Dépôts et attestations" });
  await expect(records).toContainText("Premier dépôt");
  await expect(records.getByRole("link", { name: "Dossier complet tel que déposé" })).toHaveAttribute(
    "href",
    `/instruction/dossiers/${w.dossierId}/depots/${submission.id}/dossier.pdf`,
  );
  await expectAccessible(staffPage);

  await staffPage.goto(`/instruction/appels/${w.call.id}/export`);
  await staffPage.getByLabel("Nom de chaque dossier dans l'archive").selectOption("{numero}-{projet}");
  await expectAccessible(staffPage);
  const zipDownload = staffPage.waitForEvent("download");
  await staffPage.getByRole("button", { name: "Télécharger les dossiers (ZIP)" }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toMatch(/^dossiers-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await zip.path())!)));
  const folder = `${dossier.number}-${dossier.projectTitle}`.replace(/[/\\:*?"<>|]/g, "-");
  expect(Object.keys(files).sort()).toEqual(
    [
      "sommaire.csv",
      `${folder}/dossier-${dossier.number}.pdf`,
      `${folder}/attestation-depot-${dossier.number}.pdf`,
      `${folder}/Statuts signés.pdf`,
      `${folder}/rib-2026-.pdf`,
    ].sort(),
  );
  expect(sha256(files[`${folder}/Statuts signés.pdf`])).toBe(sha256(w.uploads.statuts));
  expect(sha256(files[`${folder}/rib-2026-.pdf`])).toBe(sha256(w.uploads.rib));
  // The attestation in the ZIP is the very file the association downloaded.
  expect(sha256(files[`${folder}/attestation-depot-${dossier.number}.pdf`])).toBe(sha256(bytes));
  const csv = Buffer.from(files["sommaire.csv"]).toString("utf8");
  expect(csv).toContain(dossier.number);
  expect(csv).toContain(w.association.name);

  // A dossier of a call this staff member does not review: the whole archive is refused, in French.
  const elsewhere = await createDossier(w.db, {
    callId: (await createCall(w.db, { status: "publie" })).id,
    associationId: w.association.id,
    state: "en_construction",
  });
  const refused = await staffPage.request.post("/instruction/dossiers/archive.zip", {
    data: new URLSearchParams([
      ["dossierId", w.dossierId],
      ["dossierId", elsewhere.id],
      ["pattern", "{numero}"],
    ]).toString(),
    headers: { Origin: E2E_URL, "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("aucune archive n&#39;a été faite");
  await staffContext.close();
});

test("un dossier accepté et sa subvention se renvoient l'un à l'autre, côté association et côté CCAS", async ({ page, browser }) => {
  const db = getDb();
  const association = await createAssociation(db, { status: "validated", name: `Le Fil d'Ariane ${randomBytes(3).toString("hex")}` });
  const rep = await createUser(db, { email: uniqueEmail("liens-rep") });
  await addMembership(db, rep.id, association.id, true, "Présidente");
  const staff = await createUser(db, { email: uniqueEmail("liens-staff"), role: "staff" });
  const call = await createCall(db, { status: "publie", reviewerIds: [staff.id], requiredAttachments: [] });
  const dossier = await createDossier(db, { callId: call.id, associationId: association.id, state: "accepte", signerId: rep.id });
  await db.dossier.update({ where: { id: dossier.id }, data: { decidedAt: new Date(), proposedCents: 4_000_00 } });
  const subsidy = await createSubsidyFromDossier(dossier.id, staff);

  await signIn(page, rep.id);
  await page.goto(`/espace/associations/${association.id}/dossiers/${dossier.id}`);
  const toSubsidy = page.getByRole("link", { name: new RegExp(`^${subsidy.number} – montant proposé 4\\s000,00\\s€`) });
  await expect(toSubsidy).toBeVisible();
  await expectAccessible(page);
  await toSubsidy.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subsidy.number);
  await expectAccessible(page);
  await page.getByRole("link", { name: `Dossier ${dossier.number}, ${call.title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/espace/associations/${association.id}/dossiers/${dossier.id}$`));

  const staffContext = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, staff.id);
  await staffPage.goto(`/instruction/subventions/${subsidy.id}`);
  await staffPage.getByRole("link", { name: `Dossier ${dossier.number}, ${call.title}` }).click();
  await expect(staffPage).toHaveURL(new RegExp(`/instruction/dossiers/${dossier.id}$`));
  await staffContext.close();
});
