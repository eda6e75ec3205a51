// A person signs up an association; an administrator validates it; it appears in the directory.
import { expect, expectAccessible, getDb, signIn, test, uniqueEmail, waitForMail } from "./support/fixtures";

test("sign-up, validation by an administrator, publication in the directory", async ({ page, browser }) => {
  const email = uniqueEmail("presidente");
  const name = `Les Ateliers Partagés ${Date.now().toString(36)}`;
  await page.goto("/inscription");
  await expectAccessible(page);

  // A first attempt with mistakes: clear French messages, nothing typed is lost.
  await page.getByLabel("Nom de l'association").fill(name);
  await page.getByLabel("SIRET").fill("73282932000075");
  await page.getByLabel("Objet social").fill("Ateliers de couture et de réparation pour les habitants du quartier.");
  await page.getByRole("textbox", { name: "Adresse", exact: true }).fill("4 rue de Vesoul");
  await page.getByLabel("Quartier").selectOption("chaprais-cras");
  await page.getByRole("checkbox", { name: "Entraide et bénévolat" }).check();
  await page.getByRole("checkbox", { name: "Tout public" }).check();
  await page.getByLabel("Votre nom et prénom").fill("Louise Présidente");
  await page.getByLabel("Votre fonction dans l'association").fill("Présidente");
  await page.getByLabel("Votre adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByRole("button", { name: "Inscrire l'association" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("clé de contrôle");
  await expect(summary).toContainText("au moins 12 caractères");
  await expect(page.getByLabel("SIRET")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Nom de l'association")).toHaveValue(name);
  await expectAccessible(page);

  await page.getByLabel("SIRET").fill("73282932000074");
  await page.getByLabel("Mot de passe").fill("qwerty123456");
  await page.getByRole("checkbox", { name: /Je suis le ou la représentant/ }).check();
  await page.getByRole("button", { name: "Inscrire l'association" }).click();
  // The server refuses a common password, and keeps every other field.
  await expect(page.getByRole("alert")).toContainText("plus courants");
  await expect(page.getByLabel("Nom de l'association")).toHaveValue(name);
  await expect(page.getByRole("checkbox", { name: "Entraide et bénévolat" })).toBeChecked();
  await page.getByLabel("Mot de passe").fill("aiguilles et fils de lin 2026");
  await page.getByRole("checkbox", { name: /Je suis le ou la représentant/ }).check();
  await page.getByRole("button", { name: "Inscrire l'association" }).click();

  await expect(page.getByRole("heading", { name: "Mon espace" })).toBeVisible();
  await expect(page.getByText("En attente de validation par le CCAS")).toBeVisible();
  await expectAccessible(page);
  await waitForMail(email, /reçue/);

  // Not public yet.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/annuaire?q=${encodeURIComponent(name)}`);
  await expect(anonymous.getByRole("link", { name })).toHaveCount(0);

  // The administrator validates it.
  const admin = await getDb().user.findUniqueOrThrow({ where: { email: "admin@ccas-besancon.test" } });
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.id);
  await adminPage.goto("/admin/associations");
  await expectAccessible(adminPage);
  await adminPage.getByRole("button", { name: `Valider ${name}` }).click();
  await expect(adminPage.getByRole("status")).toContainText("est validée");
  await waitForMail(email, /est validée/);

  await anonymous.goto(`/annuaire?q=${encodeURIComponent("ateliers partages couture")}`);
  await anonymous.getByRole("link", { name }).click();
  await expect(anonymous.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(anonymous);
});

test("an administrator refuses a sign-up with a reason the association receives", async ({ page }) => {
  const db = getDb();
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@ccas-besancon.test" } });
  const pending = await db.association.findFirstOrThrow({ where: { status: "pending" }, orderBy: { createdAt: "asc" } });
  await signIn(page, admin.id);
  await page.goto("/admin/associations");
  const card = page.locator("section.card", { has: page.getByRole("heading", { name: pending.name }) });
  await card.getByRole("button", { name: `Refuser ${pending.name}` }).click();
  await expect(card.getByText("Motif du refus : ce champ est obligatoire.")).toBeVisible();
  await card.getByLabel(/Motif du refus/).fill("Association hors du champ de l'action sociale.");
  await card.getByRole("button", { name: `Refuser ${pending.name}` }).click();
  await expect(page.getByRole("status")).toContainText("est refusée");
  expect((await db.association.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("refused");
});
