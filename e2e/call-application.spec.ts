// An administrator publishes a call; an association fills its dossier over several steps,
// resumes it elsewhere, attaches documents, signs and submits, and receives its receipt.
import { extractText, getDocumentProxy } from "unpdf";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { addMembership, createUser } from "../prisma/factories/user";
import { toParisInputValue } from "../app/lib/format";
import { expect, expectAccessible, getDb, loginAs, signIn, test, uniqueEmail, waitForMail } from "./support/fixtures";
import { pdfBytes as pdfBuffer, pngBytes as pngBuffer } from "../tests/sample-files";

const DAY = 24 * 3600_000;

function executableBuffer(): Buffer {
  const exe = Buffer.alloc(1024);
  exe.write("MZ", 0, "ascii");
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write("PE\0\0", 0x80, "binary");
  return exe;
}

test("an administrator writes and publishes a call", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "admin");
  await page.goto("/admin");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Gérer les appels à projets" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nouvel appel à projets" }).click();
  await expectAccessible(page);
  const title = `Inclusion numérique des aînés ${Date.now().toString(36)}`;
  await page.getByRole("textbox", { name: "Titre", exact: true }).fill(title);
  await page.getByLabel("Résumé").fill("Financer des ateliers numériques pour les personnes âgées isolées.");
  await page
    .getByLabel("Texte de l'appel (Markdown)")
    .fill("## Projets attendus\n\n- ateliers **en petits groupes**\n- prêt de tablettes\n\n<script>alert('x')</script>");
  await page.getByRole("checkbox", { name: "Inclusion numérique" }).check();
  await page.getByRole("checkbox", { name: "Personnes âgées" }).check();
  await page.getByLabel("Enveloppe totale (€)").fill("40 000");
  await page.getByLabel("Montant minimum par dossier (€)").fill("1 000");
  await page.getByLabel("Montant maximum par dossier (€)").fill("8 000");
  await page.getByLabel("Ouverture (heure de Paris)").fill(toParisInputValue(new Date(Date.now() - 3600_000)));
  await page.getByLabel("Clôture (heure de Paris)").fill(toParisInputValue(new Date(Date.now() + 20 * DAY)));
  await page.getByLabel(/^Critère 1/).fill("Adéquation aux besoins des aînés");
  await page.getByLabel(/^Pondération du critère 1/).fill("60");
  await page.getByLabel(/^Critère 2/).fill("Faisabilité");
  await page.getByLabel(/^Pondération du critère 2/).fill("30");
  await page.getByRole("checkbox", { name: /instructrice@ccas-besancon\.test/ }).check();
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("alert")).toContainText("totaliser 100 %");
  await page.getByLabel(/^Pondération du critère 2/).fill("40");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("status")).toContainText("brouillon");
  await expect(page.getByRole("heading", { name: /État : Brouillon/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Publier l'appel" }).click();
  await expect(page.getByRole("heading", { name: /État : Publié/ })).toBeVisible();

  const call = await getDb().call.findFirstOrThrow({ where: { title }, include: { criteria: true, reviewers: true } });
  expect(call.status).toBe("publie");
  expect(call.maxAmountCents).toBe(8_000_00);
  expect(call.criteria.map((c) => c.weight).sort()).toEqual([40, 60]);
  expect(call.reviewers).toHaveLength(1);

  await page.goto("/appels-a-projets");
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: "Projets attendus" })).toBeVisible();
  await expect(page.locator(".prose script")).toHaveCount(0);
  await expect(page.getByText("Adéquation aux besoins des aînés")).toBeVisible();
  await expectAccessible(page);
});

test("a member fills a dossier over several steps, resumes elsewhere, attaches, signs and submits", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const db = getDb();
  const call = await createCall(db, { minAmountCents: 1_000_00, maxAmountCents: 10_000_00, requiredAttachments: ["statuts", "rib"] });
  const rep = await loginAs(page, "member", { representative: true, name: "Rosa Représentante" });
  const associationId = rep.associationId!;

  await page.goto(`/appels-a-projets/${call.slug}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Commencer un dossier" }).click();
  await expect(page.getByRole("heading", { name: "Identification de l'association" })).toBeVisible();
  await expectAccessible(page);
  const association = await db.association.findUniqueOrThrow({ where: { id: associationId } });
  await expect(page.getByLabel("Nom de l'association")).toHaveValue(association.name);
  await expect(page.getByLabel("Représentant·e légal·e : nom et prénom")).toHaveValue("Rosa Représentante");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  await expect(page.getByRole("heading", { name: "Relations avec l'administration" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Reconnue d'utilité publique").selectOption("non");
  await page.getByLabel("L'association a un commissaire aux comptes").selectOption("non");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  await expect(page.getByRole("heading", { name: "Relations avec d'autres associations" })).toBeVisible();
  await page.getByLabel(/^Réseaux, unions ou fédérations/).fill("Fédération des acteurs de la solidarité");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  await expect(page.getByRole("heading", { name: "Ressources humaines" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Nombre d'adhérent/).fill("45");
  await page.getByLabel(/^Nombre de bénévoles/).fill("12");
  await page.getByLabel(/^Nombre de volontaires/).fill("1");
  await page.getByLabel(/^Nombre de salarié/).fill("2");
  await page.getByLabel(/^Salarié·es en équivalent temps plein/).fill("1,5");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  await expect(page.getByRole("heading", { name: "Budget prévisionnel de l'association" })).toBeVisible();
  await page.getByLabel(/^Exercice/).fill("2026");
  await page.getByLabel(/^Total des charges/).fill("64 000");
  await page.getByLabel(/^Total des produits/).fill("64 000");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();

  await expect(page.getByRole("heading", { name: "Le projet", exact: true })).toBeVisible();
  await expectAccessible(page);
  const projectTitle = `Tablettes et lien social ${Date.now().toString(36)}`;
  await page.getByLabel(/^Intitulé du projet/).fill(projectTitle);
  await page.getByLabel(/^Objectifs/).fill("Rompre l'isolement des aînés par le numérique.");
  await expect(page.getByText(/Brouillon enregistré à/)).toBeVisible();
  await page.close();

  // Another member of the association, in another browser, finds the dossier where it was left.
  const other = await createUser(db, { email: uniqueEmail("membre"), name: "Bruno Bénévole" });
  await addMembership(db, other.id, associationId, false, "Bénévole");
  const context2 = await browser.newContext();
  const page2 = await context2.newPage();
  await signIn(page2, other.id);
  await page2.goto("/espace");
  await expectAccessible(page2);
  await page2.getByRole("link", { name: new RegExp(projectTitle) }).click();
  await expectAccessible(page2);
  await page2.getByRole("link", { name: /Reprendre à l'étape « Le projet »/ }).click();
  await expect(page2.getByLabel(/^Intitulé du projet/)).toHaveValue(projectTitle);
  await expect(page2.getByLabel(/^Objectifs/)).toHaveValue("Rompre l'isolement des aînés par le numérique.");
  await page2.getByLabel(/^Description/).fill("Ateliers hebdomadaires et visites à domicile avec une tablette prêtée.");
  await page2.getByRole("checkbox", { name: "Lutte contre l'isolement" }).check();
  await page2.getByRole("checkbox", { name: "Personnes isolées" }).check();
  await page2.getByLabel(/^Nombre de bénéficiaires/).fill("60");
  await page2.getByLabel(/^Territoire/).selectOption("planoise");
  await page2.getByLabel(/^Moyens matériels/).fill("Une animatrice, 10 tablettes, une salle.");
  await page2.getByLabel(/^Date de début/).fill("2027-01-15");
  await page2.getByLabel(/^Durée/).fill("12");
  await page2.getByLabel(/^Indicateurs/).fill("Nombre de participants, assiduité, autonomie mesurée.");
  await page2.getByRole("button", { name: "Enregistrer et continuer" }).click();
  // The call asks for no indicator: the step of targets is passed as it stands.
  await expect(page2.getByRole("heading", { level: 1, name: "Indicateurs et objectifs" })).toBeVisible();
  await page2.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page2.getByRole("heading", { name: "Budget du projet" })).toBeVisible();
  await context2.close();

  // The representative comes back in a new page.
  const page3 = await page.context().newPage();
  await page3.goto(`/espace/associations/${associationId}/dossiers`);
  await expectAccessible(page3);
  await page3.getByRole("link", { name: new RegExp(projectTitle) }).click();
  await page3.getByRole("link", { name: /Reprendre à l'étape « Budget du projet »/ }).click();
  await expectAccessible(page3);
  const line = (re: RegExp) => page3.getByLabel(re);
  // Unbalanced: 10 000 of charges, 9 000 of income.
  await line(/^60 – Achats/).fill("1 000");
  await line(/^64 – Charges de personnel/).fill("9 000");
  await line(/^74 – Subvention demandée au CCAS/).fill("5 000");
  await line(/^75 – Autres produits/).fill("4 000");
  await expect(page3.getByTestId("total-charges")).toContainText("10");
  await page3.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page3.getByRole("alert")).toContainText("n'est pas équilibré");
  // Balanced but above the call's maximum.
  await line(/^64 – Charges de personnel/).fill("20 000");
  await line(/^74 – Subvention demandée au CCAS/).fill("12 000");
  await line(/^75 – Autres produits/).fill("9 000");
  await page3.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page3.getByRole("alert")).toContainText("compris entre");
  await expect(page3.getByRole("heading", { name: "Budget du projet" })).toBeVisible();
  // Right.
  await line(/^64 – Charges de personnel/).fill("9 000");
  await line(/^74 – Subvention demandée au CCAS/).fill("6 000");
  await line(/^75 – Autres produits/).fill("4 000");
  await expect(page3.getByTestId("part-ccas")).toContainText("60 %");
  await expectAccessible(page3);
  await page3.getByRole("button", { name: "Enregistrer et continuer" }).click();

  await expect(page3.getByRole("heading", { name: "Pièces jointes", exact: true })).toBeVisible();
  await expectAccessible(page3);
  await page3.getByLabel("Type de pièce").selectOption("statuts");
  await page3.getByLabel(/^Fichier/).setInputFiles({ name: "statuts.pdf", mimeType: "application/pdf", buffer: executableBuffer() });
  await page3.getByRole("button", { name: "Téléverser et joindre" }).click();
  await expect(page3.getByRole("alert")).toContainText("ni un PDF, ni une image JPEG ou PNG");
  await expectAccessible(page3);
  expect(await db.document.count({ where: { associationId } })).toBe(0);
  await page3.getByLabel("Type de pièce").selectOption("statuts");
  await page3
    .getByLabel(/^Fichier/)
    .setInputFiles({ name: "statuts.pdf", mimeType: "application/pdf", buffer: await pdfBuffer("Statuts de l'association") });
  await page3.getByRole("button", { name: "Téléverser et joindre" }).click();
  await expect(page3.getByRole("link", { name: "statuts.pdf" })).toBeVisible();
  await page3.getByLabel("Type de pièce").selectOption("rib");
  await page3.getByLabel(/^Fichier/).setInputFiles({ name: "rib.png", mimeType: "image/png", buffer: pngBuffer() });
  await page3.getByRole("button", { name: "Téléverser et joindre" }).click();
  await expect(page3.getByRole("link", { name: "rib.png" })).toBeVisible();
  await expect(page3.getByText("Toutes les pièces obligatoires sont jointes.")).toBeVisible();
  const download = await page3.request.get(
    await page3
      .getByRole("link", { name: "statuts.pdf" })
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="statuts.pdf"/);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  await page3.getByRole("button", { name: "Continuer" }).click();

  await expect(page3.getByRole("heading", { name: "Déclaration sur l'honneur" })).toBeVisible();
  await expectAccessible(page3);
  await page3.getByRole("checkbox", { name: /contrat d'engagement républicain/ }).check();
  await page3.getByRole("checkbox", { name: /à jour de ses obligations/ }).check();
  await page3.getByRole("checkbox", { name: /exactes et sincères/ }).check();
  await page3.getByRole("checkbox", { name: /Je demande au CCAS/ }).check();
  await page3.getByRole("button", { name: "Signer la déclaration" }).click();
  await expect(page3.getByRole("status")).toContainText("Déclaration signée");
  await expectAccessible(page3);
  await page3.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(page3.getByRole("status")).toContainText(/Dossier déposé sous le numéro AAP-\d{4}-\d{4}/);
  await expectAccessible(page3);

  const dossier = await db.dossier.findFirstOrThrow({ where: { associationId, callId: call.id } });
  expect(dossier.state).toBe("en_construction");
  expect(dossier.requestedCents).toBe(6_000_00);
  expect(dossier.projectTitle).toBe(projectTitle);
  expect(dossier.declarationSignerId).toBe(rep.id);
  const mail = await waitForMail(rep.email, new RegExp(`Accusé de réception du dossier ${dossier.number}`));
  expect(mail.text).toContain(projectTitle);
  const receipt = mail.attachments.find((a) => a.contentType === "application/pdf");
  expect(receipt?.filename).toBe(`attestation-depot-${dossier.number}.pdf`);
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(receipt!.content, "base64")));
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain(dossier.number);
  expect(text).toContain(projectTitle);
});

test("submission after the closing time is refused by the server", async ({ page }) => {
  test.setTimeout(90_000);
  const db = getDb();
  const rep = await loginAs(page, "member", { representative: true });
  const call = await createCall(db, {
    opensAt: new Date(Date.now() - 20 * DAY),
    closesAt: new Date(Date.now() - 60_000),
    requiredAttachments: [],
  });
  const dossier = await createDossier(db, { callId: call.id, associationId: rep.associationId!, state: "brouillon", signerId: rep.id });
  await db.dossier.update({ where: { id: dossier.id }, data: { declarationSignedAt: new Date(), declarationSignerId: rep.id } });
  await page.goto(`/espace/associations/${rep.associationId}/dossiers/${dossier.id}`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(page.getByRole("alert")).toContainText("ne peut plus être déposé");
  await expectAccessible(page);
  const after = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
  expect(after.state).toBe("brouillon");
  expect(after.submittedAt).toBeNull();
});

test("another association's dossier answers 404", async ({ page }) => {
  test.setTimeout(90_000);
  const db = getDb();
  const member = await loginAs(page, "member", { representative: true });
  const toitCommun = await db.association.findFirstOrThrow({ where: { slug: "toit-commun" } });
  const call = await createCall(db);
  const theirs = await createDossier(db, { callId: call.id, associationId: toitCommun.id, state: "en_construction" });
  for (const url of [
    `/espace/associations/${toitCommun.id}/dossiers/${theirs.id}`,
    `/espace/associations/${member.associationId}/dossiers/${theirs.id}`,
    `/espace/associations/${member.associationId}/dossiers/${theirs.id}/projet`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expectAccessible(page);
  const post = await page.request.post(`/espace/associations/${member.associationId}/dossiers/${theirs.id}/projet`, {
    headers: { Origin: new URL(page.url()).origin },
    form: { intent: "autosave", title: "Piraté" },
  });
  expect(post.status()).toBe(404);
  const after = await db.dossier.findUniqueOrThrow({ where: { id: theirs.id } });
  expect(after.projectTitle).toBe(theirs.projectTitle);
});
