// Logging in, throttling after repeated failures, password reset by e-mail, logout.
import { expect, expectAccessible, getDb, linkIn, signIn, test, TEST_PASSWORD, uniqueEmail, waitForMail } from "./support/fixtures";
import { createUser } from "../prisma/factories/user";

test("login, logout, and the session ends on the server", async ({ page }) => {
  const user = await createUser(getDb(), { email: uniqueEmail("connexion"), role: "staff" });
  await page.goto("/connexion");
  await expectAccessible(page);
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill("mauvais mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(user.email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Espace instruction" })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === "ccas_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect(await getDb().session.count({ where: { id: cookie!.value } })).toBe(0);
});

test("ten failures in a row lock the account out for 15 minutes with a French message", async ({ page, baseURL }) => {
  const user = await createUser(getDb(), { email: uniqueEmail("bruteforce") });
  // A distinct client address, so the per-IP limit of this test touches no other test.
  const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": ip });
  for (let i = 0; i < 10; i++) {
    const response = await page.request.post("/connexion", {
      headers: { Origin: new URL(baseURL!).origin, "X-Forwarded-For": ip },
      form: { email: user.email, password: `essai ${i}` },
    });
    expect(response.status()).toBe(401);
  }
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/connexion") && r.request().method() === "POST"),
    page.getByRole("button", { name: "Se connecter" }).click(),
  ]);
  expect(response.status()).toBe(429);
  await expect(page.getByRole("alert")).toContainText("Trop de tentatives de connexion échouées");
  await expectAccessible(page);
});

test("password reset by a single-use link", async ({ page }) => {
  const user = await createUser(getDb(), { email: uniqueEmail("oubli") });
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expectAccessible(page);
  await page.getByLabel("Adresse e-mail de votre compte").fill(user.email);
  await page.getByRole("button", { name: "Recevoir un lien de réinitialisation" }).click();
  await expect(page.getByRole("status")).toContainText("un courriel vient d'y être envoyé");
  const mail = await waitForMail(user.email, /Réinitialisation/);
  const link = linkIn(mail, "/mot-de-passe/");
  await page.goto(link);
  await page.getByLabel("Nouveau mot de passe").fill("une nouvelle phrase secrète");
  await page.getByLabel("Confirmation du mot de passe").fill("une nouvelle phrase secrète");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("status")).toContainText("Mot de passe modifié");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill("une nouvelle phrase secrète");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Mon espace" })).toBeVisible();
  // The link served once.
  await page.goto(link);
  await expect(page.getByText("Ce lien n'est plus valable")).toBeVisible();
});

test("changing the password ends the other sessions; an administrator can end anyone's; a disabled account is out at once", async ({ browser }) => {
  const db = getDb();
  const user = await createUser(db, { email: uniqueEmail("sessions"), role: "staff" });
  const laptop = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  for (const page of [laptop, phone]) {
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill(user.email);
    await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("heading", { name: "Espace instruction" })).toBeVisible();
  }
  await laptop.goto("/espace/compte");
  await expectAccessible(laptop);
  await laptop.getByLabel("Mot de passe actuel").fill("pas le bon");
  await laptop.getByRole("textbox", { name: "Nouveau mot de passe", exact: true }).fill("un tout nouveau secret");
  await laptop.getByLabel("Confirmation du nouveau mot de passe").fill("un tout nouveau secret");
  await laptop.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(laptop.getByRole("alert")).toContainText("Le mot de passe actuel est incorrect.");
  await laptop.getByLabel("Mot de passe actuel").fill(TEST_PASSWORD);
  await laptop.getByRole("textbox", { name: "Nouveau mot de passe", exact: true }).fill("un tout nouveau secret");
  await laptop.getByLabel("Confirmation du nouveau mot de passe").fill("un tout nouveau secret");
  await laptop.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(laptop.getByRole("status")).toContainText("Vos autres sessions ont été fermées");
  await phone.goto("/instruction");
  await expect(phone).toHaveURL(/\/connexion/);
  await laptop.goto("/instruction");
  await expect(laptop.getByRole("heading", { name: "Espace instruction" })).toBeVisible();

  // The administrator ends all of them.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, (await db.user.findUniqueOrThrow({ where: { email: "admin@ccas-besancon.test" } })).id);
  await admin.goto("/admin/comptes");
  await expectAccessible(admin);
  await admin.getByLabel("Adresse e-mail du compte").fill(user.email);
  await admin.getByRole("button", { name: "Fermer ses sessions" }).click();
  await expect(admin.getByRole("status")).toContainText("sont fermées");
  await laptop.goto("/instruction");
  await expect(laptop).toHaveURL(/\/connexion/);

  // Signed in again, then disabled: the next request is refused.
  await signIn(laptop, user.id);
  await laptop.goto("/instruction");
  await expect(laptop.getByRole("heading", { name: "Espace instruction" })).toBeVisible();
  await admin.goto("/admin/comptes");
  await admin.getByRole("button", { name: `Désactiver ${user.name}` }).click();
  await expect(admin.getByRole("status")).toContainText("désactivé");
  await laptop.goto("/instruction");
  await expect(laptop).toHaveURL(/\/connexion/);
});
