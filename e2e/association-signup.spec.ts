// A person signs up an association, confirms the address from the e-mail; an administrator
// validates it; it appears in the directory. The form never tells who already has an account.
import { createUser } from "../prisma/factories/user";
import { expect, expectAccessible, getDb, linkIn, signIn, test, uniqueEmail, waitForMail } from "./support/fixtures";

const SENT = /^Si cette adresse n'est pas déjà inscrite, un courriel vient d'être envoyé à (\S+) avec un lien pour confirmer/;

test("sign-up, validation by an administrator, publication in the directory", async ({ page, browser }) => {
  // A long journey (two mistakes, confirmation by e-mail, validation, search): more time under a loaded machine.
  test.slow();
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

  // A neutral page: what follows comes by e-mail, and nothing exists before the address is confirmed.
  await expect(page.getByRole("heading", { name: "Vérifiez votre messagerie" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(SENT);
  await expectAccessible(page);
  expect(await getDb().user.count({ where: { email } })).toBe(0);
  const confirmation = await waitForMail(email, /Confirmez l'inscription/);
  await page.goto(linkIn(confirmation, "/inscription/confirmer/"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer l'inscription" }).click();

  await expect(page.getByRole("heading", { name: "Mon espace" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Adresse confirmée");
  await expect(page.getByText("En attente de validation par le CCAS")).toBeVisible();
  await expectAccessible(page);
  await waitForMail(email, /reçue/);
  // The link served once.
  await page.goto(linkIn(confirmation, "/inscription/confirmer/"));
  await expect(page.getByText("Ce lien n'est plus valable")).toBeVisible();

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

test("signing up with an address that has an account answers exactly as for a new one, and tells the owner", async ({ page, baseURL }) => {
  const owner = await createUser(getDb(), { email: uniqueEmail("deja-inscrite") });
  const fresh = uniqueEmail("jamais-vue");
  const signUp = (personEmail: string, name: string) =>
    page.request.post("/inscription", {
      headers: { Origin: new URL(baseURL!).origin },
      form: {
        name,
        siret: "73282932000074",
        socialObject: "Entraide entre voisins.",
        address: "4 rue de Vesoul",
        postcode: "25000",
        city: "Besançon",
        district: "chaprais-cras",
        fields: "entraide-benevolat",
        publics: "tout-public",
        personName: "Camille Essai",
        personTitle: "Présidente",
        personEmail,
        password: "aiguilles et fils de lin 2026",
        representativeConfirm: "on",
      },
    });
  // Only these two: the other journeys, running beside this one, create associations of their own.
  const signedUp = () => getDb().association.count({ where: { name: { in: ["Association Usurpée", "Association Nouvelle"] } } });
  const associations = await signedUp();
  const [existing, unknown] = [await signUp(owner.email, "Association Usurpée"), await signUp(fresh, "Association Nouvelle")];
  expect(existing.status()).toBe(unknown.status());
  expect(existing.status()).toBe(200);
  const message = async (response: typeof existing, email: string) => {
    const html = await response.text();
    const status = html.match(/role="status">([^<]*)</)?.[1] ?? "";
    return status.replace(email, "ADRESSE");
  };
  const [said, saidToNew] = [await message(existing, owner.email), await message(unknown, fresh)];
  expect(said).toContain("pas déjà inscrite");
  expect(said).toBe(saidToNew);
  expect(await signedUp()).toBe(associations);

  const notice = await waitForMail(owner.email, /Tentative d'inscription/);
  expect(notice.text).toContain("/connexion");
  expect(notice.text).toContain("/mot-de-passe-oublie");
  await waitForMail(fresh, /Confirmez l'inscription/);

  // In the browser, the same page.
  await page.goto("/inscription");
  await page.getByLabel("Nom de l'association").fill("Association Usurpée");
  await page.getByLabel("SIRET").fill("73282932000074");
  await page.getByLabel("Objet social").fill("Entraide entre voisins.");
  await page.getByRole("textbox", { name: "Adresse", exact: true }).fill("4 rue de Vesoul");
  await page.getByLabel("Quartier").selectOption("chaprais-cras");
  await page.getByRole("checkbox", { name: "Entraide et bénévolat" }).check();
  await page.getByRole("checkbox", { name: "Tout public" }).check();
  await page.getByLabel("Votre nom et prénom").fill("Camille Essai");
  await page.getByLabel("Votre fonction dans l'association").fill("Présidente");
  await page.getByLabel("Votre adresse e-mail").fill(owner.email);
  await page.getByLabel("Mot de passe").fill("aiguilles et fils de lin 2026");
  await page.getByRole("checkbox", { name: /Je suis le ou la représentant/ }).check();
  await page.getByRole("button", { name: "Inscrire l'association" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez votre messagerie" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(SENT);
});
