// The staff's daily digest can be turned off in one click from its e-mail, without a session,
// and back on from the account page. An altered link gets the same French page for everyone.
import { digestUnsubscribeToken } from "../app/review/digest-subscription.server";
import { E2E_URL } from "./support/paths";
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";

test("a reviewer turns the daily digest off from the e-mail's link, then on again from the account page", async ({ page, browser }) => {
  const staff = await loginAs(page, "staff", { name: "Hugo Instructeur" });
  const link = `/instruction/resume/desabonnement/${digestUnsubscribeToken(staff.id)}`;

  // The link, opened without any session (a mail client, another device).
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const anonymous = await context.newPage();
  await anonymous.goto(link);
  await expect(anonymous.getByRole("heading", { name: "Résumé quotidien de l'instruction" })).toBeVisible();
  await expectAccessible(anonymous);
  // Opening the link changes nothing (mail scanners follow links); the click does.
  expect((await getDb().user.findUniqueOrThrow({ where: { id: staff.id } })).dailyDigest).toBe(true);
  await anonymous.getByRole("button", { name: "Ne plus recevoir le résumé quotidien" }).click();
  await expect(anonymous.getByText("Vous ne recevrez plus le résumé quotidien de l'instruction.")).toBeVisible();
  expect((await getDb().user.findUniqueOrThrow({ where: { id: staff.id } })).dailyDigest).toBe(false);
  const altered = await anonymous.goto(`${link}x`);
  expect(altered?.status()).toBe(404);
  await expect(anonymous.getByText("Ce lien de désabonnement n'est pas valide.")).toBeVisible();
  await context.close();

  // Back on from the account page.
  await page.goto("/espace/compte");
  const setting = page.getByLabel("Recevoir le résumé quotidien de l'instruction");
  await expect(setting).not.toBeChecked();
  await expectAccessible(page);
  await setting.check();
  await page.getByRole("button", { name: "Enregistrer ce choix" }).click();
  await expect(page.getByText("Vous recevrez le résumé quotidien de l'instruction.")).toBeVisible();
  await expect(page.getByLabel("Recevoir le résumé quotidien de l'instruction")).toBeChecked();
  expect((await getDb().user.findUniqueOrThrow({ where: { id: staff.id } })).dailyDigest).toBe(true);
});

test("members have no daily digest setting", async ({ page }) => {
  await loginAs(page, "member");
  await page.goto("/espace/compte");
  await expect(page.getByRole("heading", { name: "Mon compte", exact: true })).toBeVisible();
  await expect(page.getByLabel("Recevoir le résumé quotidien de l'instruction")).toHaveCount(0);
});
