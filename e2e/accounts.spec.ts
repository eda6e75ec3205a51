// Logging in, throttling that cannot lock out legitimate users, the session cookie, password reset by e-mail,
// logout, and invitations that are never sent twice.
import {
  expect,
  expectAccessible,
  getDb,
  linkIn,
  loginAs,
  readMailbox,
  SESSION_COOKIE_NAME,
  signIn,
  test,
  TEST_PASSWORD,
  uniqueEmail,
  waitForMail,
} from "./support/fixtures";
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
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE_NAME);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  expect(await getDb().session.count({ where: { id: cookie!.value } })).toBe(0);
});

/** A client address of its own (TRUST_PROXY is on), so no test touches another's counters. */
const newAddress = () => `203.0.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

test("ten failures stop that account from that address only: a colleague behind it and the owner elsewhere still log in", async ({
  page,
  browser,
  baseURL,
}) => {
  const db = getDb();
  const [user, colleague] = [
    await createUser(db, { email: uniqueEmail("bruteforce") }),
    await createUser(db, { email: uniqueEmail("collegue") }),
  ];
  const cityHall = newAddress();
  const post = (email: string, password: string, ip: string) =>
    page.request.post("/connexion", {
      headers: { Origin: new URL(baseURL!).origin, "X-Forwarded-For": ip },
      form: { email, password },
      maxRedirects: 0,
    });
  for (let i = 0; i < 10; i++) expect((await post(user.email, `essai ${i}`, cityHall)).status()).toBe(401);

  await page.setExtraHTTPHeaders({ "X-Forwarded-For": cityHall });
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/connexion") && r.request().method() === "POST"),
    page.getByRole("button", { name: "Se connecter" }).click(),
  ]);
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.getByRole("alert")).toContainText("Trop de tentatives de connexion échouées pour ce compte");
  await expectAccessible(page);

  // The same address, another account: in.
  const colleagueAttempt = await post(colleague.email, TEST_PASSWORD, cityHall);
  expect(colleagueAttempt.status()).toBe(302);
  // The guessed account from another address: in too.
  const home = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": newAddress() } })).newPage();
  await home.goto("/connexion");
  await home.getByLabel("Adresse e-mail").fill(user.email);
  await home.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await home.getByRole("button", { name: "Se connecter" }).click();
  await expect(home.getByRole("heading", { name: "Mon espace" })).toBeVisible();
});

test("an address spraying one password across many accounts is stopped, with a French message", async ({ page, baseURL }) => {
  const sprayer = newAddress();
  const origin = new URL(baseURL!).origin;
  for (let i = 0; i < 100; i++) {
    const response = await page.request.post("/connexion", {
      headers: { Origin: origin, "X-Forwarded-For": sprayer },
      form: { email: uniqueEmail(`cible-${i}`), password: "azerty123456789" },
    });
    expect(response.status()).toBe(401);
  }
  const user = await createUser(getDb(), { email: uniqueEmail("pulverise") });
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": sprayer });
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/connexion") && r.request().method() === "POST"),
    page.getByRole("button", { name: "Se connecter" }).click(),
  ]);
  expect(response.status()).toBe(429);
  await expect(page.getByRole("alert")).toContainText("Trop de tentatives de connexion échouées depuis votre réseau");
});

test("the session cookie expires with the session, at login and each time the server extends it", async ({ page, baseURL }) => {
  const user = await createUser(getDb(), { email: uniqueEmail("cookie") });
  const expiresOf = (setCookie: string | undefined) => {
    const cookie = (setCookie ?? "").split("\n").find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`));
    expect(cookie, "un cookie de session").toBeTruthy();
    return {
      maxAge: Number(cookie!.match(/Max-Age=(\d+)/)?.[1]),
      expires: new Date(cookie!.match(/Expires=([^;]+)/)?.[1] ?? NaN),
      id: cookie!.split(";")[0].split("=")[1],
    };
  };
  const loginResponse = await page.request.post("/connexion", {
    headers: { Origin: new URL(baseURL!).origin, "X-Forwarded-For": newAddress() },
    form: { email: user.email, password: TEST_PASSWORD },
    maxRedirects: 0,
  });
  expect(loginResponse.status()).toBe(302);
  const atLogin = expiresOf(loginResponse.headers()["set-cookie"]);
  const session = await getDb().session.findUniqueOrThrow({ where: { id: atLogin.id } });
  expect(atLogin.maxAge).toBeLessThanOrEqual(2 * 3600);
  expect(Math.abs(atLogin.expires.getTime() - session.expiresAt.getTime())).toBeLessThan(2000);

  // Eleven hours and a half after login, idle for ninety minutes: the server extends the
  // session up to its twelfth hour, and the cookie it sends says so.
  const createdAt = new Date(Date.now() - 11.5 * 3600_000);
  await getDb().session.update({ where: { id: atLogin.id }, data: { createdAt, expiresAt: new Date(Date.now() + 30 * 60_000) } });
  const refreshed = await page.request.get("/espace", { headers: { Cookie: `${SESSION_COOKIE_NAME}=${atLogin.id}` }, maxRedirects: 0 });
  expect(refreshed.status()).toBe(200);
  const afterRefresh = expiresOf(refreshed.headers()["set-cookie"]);
  const end = createdAt.getTime() + 12 * 3600_000;
  expect(Math.abs(afterRefresh.expires.getTime() - end)).toBeLessThan(2000);
  expect(afterRefresh.maxAge).toBeLessThanOrEqual(30 * 60);
  expect((await getDb().session.findUniqueOrThrow({ where: { id: atLogin.id } })).expiresAt.getTime()).toBeLessThanOrEqual(end + 1000);
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

test("changing the password ends the other sessions; an administrator can end anyone's; a disabled account is out at once", async ({
  browser,
}) => {
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

test("an address is invited once: a second invitation, or five at once, leave one pending invitation and one e-mail", async ({
  page,
  baseURL,
}) => {
  const rep = await loginAs(page, "member", { representative: true });
  const membersUrl = `/espace/associations/${rep.associationId}/membres`;
  const db = getDb();
  const invitee = uniqueEmail("invitee");
  const mailsTo = (email: string) => readMailbox().filter((m) => m.to.includes(email) && /Invitation/.test(m.subject)).length;

  await page.goto(membersUrl);
  await page.getByLabel("Adresse e-mail de la personne").fill(invitee);
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation envoyée à ${invitee}`);
  await page.getByLabel("Adresse e-mail de la personne").fill(invitee.toUpperCase());
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("alert")).toContainText("Une invitation est déjà en attente pour cette adresse");
  await expectAccessible(page);
  await page.getByLabel("Adresse e-mail de la personne").fill(rep.email);
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByRole("alert")).toContainText("déjà membre de l'association");
  expect(await db.invitation.count({ where: { associationId: rep.associationId!, email: invitee } })).toBe(1);
  expect(await db.emailMessage.count({ where: { to: invitee, subject: { contains: "Invitation" } } })).toBe(1);
  await expect.poll(() => mailsTo(invitee)).toBe(1);

  for (const times of [2, 5]) {
    const email = uniqueEmail(`invitee-${times}`);
    const responses = await Promise.all(
      Array.from({ length: times }, () =>
        page.request.post(membersUrl, {
          headers: { Origin: new URL(baseURL!).origin },
          form: { intent: "invite", email },
          maxRedirects: 0,
        }),
      ),
    );
    const statuses = responses.map((r) => r.status()).sort();
    expect(statuses).toEqual([302, ...Array(times - 1).fill(409)]);
    expect(await db.invitation.count({ where: { associationId: rep.associationId!, email } })).toBe(1);
    // Queued with the invitation, in its transaction: one row; and delivered once.
    expect(await db.emailMessage.count({ where: { to: email, subject: { contains: "Invitation" } } })).toBe(1);
    await expect.poll(() => mailsTo(email)).toBe(1);
  }
});
