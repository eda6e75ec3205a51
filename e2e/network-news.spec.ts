// The CCAS's news (issue 18): staff write a news item in Markdown (a heading, a list, a link and
// hostile HTML that must stay inert), preview it, publish it with the mailing; a member sees it on
// the home page and opens it; the mail arrives on the real SMTP listener with List-Unsubscribe; the
// member leaves the list on the account page, and a second mailing reaches another member, not them.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createAssociation } from "../prisma/factories/association";
import { addMembership, createUser } from "../prisma/factories/user";
import { E2E_URL } from "./support/paths";
import { expect, expectAccessible, getDb, loginAs, readMailbox, test, uniqueEmail, waitForMail } from "./support/fixtures";

/** The mailing is throttled: wait until this person's row falls due, and a little more. */
async function mailFor(email: string, title: string) {
  const row = await getDb().emailMessage.findFirst({
    where: { to: email, subject: `Actualité du réseau : ${title}` },
    select: { nextAttemptAt: true },
  });
  expect(row, `courriel de l'actualité « ${title} » en file pour ${email}`).not.toBeNull();
  const wait = Math.max(0, (row!.nextAttemptAt?.getTime() ?? Date.now()) - Date.now()) + 30_000;
  return waitForMail(email, new RegExp(`^Actualité du réseau : ${title}$`), wait);
}

async function hostileRan(page: Page) {
  return page.evaluate(() => (window as unknown as { __newsXss?: number }).__newsXss ?? null);
}

async function writeNews(staff: Page, title: string, body: string) {
  await staff.goto("/instruction/actualites");
  await staff.getByRole("link", { name: "Nouvelle actualité", exact: true }).click();
  await staff.waitForURL("**/instruction/actualites/nouvelle");
  await staff.getByRole("textbox", { name: "Titre", exact: true }).fill(title);
  await staff.getByLabel("Texte de l'actualité").fill(body);
  await staff.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await staff.waitForURL(/\/instruction\/actualites\/(?!nouvelle)[^/]+$/);
  return staff.url().split("/").pop()!;
}

test("staff publish a news item with its mailing; a member reads it, then leaves the list", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const suffix = randomBytes(3).toString("hex");
  const title = `Fermeture estivale ${suffix}`;
  const member = await loginAs(page, "member");
  const db = getDb();
  const otherAssociation = await createAssociation(db, { status: "validated" });
  const other = await createUser(db, { email: uniqueEmail("autre-membre") });
  await addMembership(db, other.id, otherAssociation.id, true);

  const staffContext = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const staff = await staffContext.newPage();
  await loginAs(staff, "staff");
  await staff.goto("/instruction");
  await staff.getByRole("link", { name: "Gérer les actualités" }).click();
  await staff.waitForURL("**/instruction/actualites");
  await expect(staff.getByRole("heading", { name: "Actualités du réseau", level: 1 })).toBeVisible();
  await expectAccessible(staff);

  // A validation error first: the title left empty, the text typed is kept.
  await staff.getByRole("link", { name: "Nouvelle actualité", exact: true }).click();
  await staff.waitForURL("**/instruction/actualites/nouvelle");
  const body = [
    "## Horaires d'été",
    "",
    "- accueil le mardi ;",
    "- permanence le jeudi.",
    "",
    "Voir [le calendrier](https://exemple.test/calendrier).",
    "",
    "<script>window.__newsXss = 1</script>",
    '<img src="x" onerror="window.__newsXss = 2">',
  ].join("\n");
  await staff.getByLabel("Texte de l'actualité").fill(body);
  await staff.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(staff.getByText("Titre : ce champ est obligatoire.").first()).toBeVisible();
  await expect(staff.getByLabel("Texte de l'actualité")).toHaveValue(body);
  await expectAccessible(staff);
  await staff.getByRole("textbox", { name: "Titre", exact: true }).fill(title);
  await staff.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await staff.waitForURL(/\/instruction\/actualites\/(?!nouvelle)[^/]+$/);
  const newsId = staff.url().split("/").pop()!;

  // The preview: the Markdown rendered, the hostile HTML inert.
  const preview = staff.locator("article.prose");
  await expect(preview.getByRole("heading", { name: "Horaires d'été" })).toBeVisible();
  await expect(preview.getByRole("listitem")).toHaveCount(2);
  await expect(preview.getByRole("link", { name: "le calendrier" })).toHaveAttribute("href", "https://exemple.test/calendrier");
  expect(await preview.innerHTML()).not.toMatch(/<script|onerror|<img/i);
  expect(await hostileRan(staff)).toBeNull();
  await expectAccessible(staff);

  // A draft is not the members' to see.
  expect((await page.goto(`/espace/actualites/${newsId}`))?.status()).toBe(404);

  await staff.getByLabel("Envoyer par courriel aux membres des associations").check();
  await staff.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(
    staff.getByText(/Actualité publiée : les membres la voient dans leur espace\. Envoi par courriel à \d+ membres? programmé/),
  ).toBeVisible();
  await expect(staff.getByRole("button", { name: "Retirer la publication" })).toBeVisible();
  await expectAccessible(staff);

  // The member's home shows it; the page reads it.
  await page.goto("/espace");
  const latest = page.getByRole("region", { name: "Actualités du réseau" });
  await expect(latest.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expectAccessible(page);
  await latest.getByRole("link", { name: title, exact: true }).click();
  await page.waitForURL(`**/espace/actualites/${newsId}`);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Horaires d'été" })).toBeVisible();
  expect(await hostileRan(page)).toBeNull();
  expect(await page.locator("article.prose").innerHTML()).not.toMatch(/<script|onerror|<img/i);
  await expectAccessible(page);

  // The mail, on the real SMTP listener, with its one-click unsubscribe.
  const mail = await mailFor(member.email, title);
  expect(mail.text).toContain("## Horaires d'été");
  expect(mail.text).toContain(`${E2E_URL}/espace/actualites/${newsId}`);
  expect(mail.headers?.["list-unsubscribe"]).toMatch(/\/desabonnement\/actualites\./);
  expect(mail.headers?.["list-unsubscribe-post"]).toContain("List-Unsubscribe=One-Click");

  // The member leaves the news list from the account page.
  await page.goto("/espace/compte");
  const choice = page.getByLabel("Actualités du CCAS");
  await expect(choice).toBeChecked();
  await expectAccessible(page);
  await choice.uncheck();
  await page.getByRole("button", { name: "Enregistrer mes choix de courriels" }).click();
  await expect(page.getByText("Vos choix de courriels du réseau sont enregistrés.")).toBeVisible();
  await expect(page.getByLabel("Actualités du CCAS")).not.toBeChecked();
  await expect(page.getByLabel("Alertes sur les besoins et offres")).toBeChecked();

  // A second news item, published first, e-mailed afterwards: the other member gets it, not them.
  const second = `Nouvelle permanence ${suffix}`;
  await writeNews(staff, second, "Une permanence s'ouvre le vendredi.");
  await staff.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(staff.getByText("Actualité publiée : les membres la voient dans leur espace.")).toBeVisible();
  await staff.getByRole("button", { name: "Envoyer par courriel aux membres des associations" }).click();
  await expect(staff.getByText("Cochez la case pour confirmer l'envoi à tous les membres abonnés.").first()).toBeVisible();
  await staff.getByLabel("J'envoie cette actualité par courriel aux membres des associations abonnés (une seule fois).").check();
  await staff.getByRole("button", { name: "Envoyer par courriel aux membres des associations" }).click();
  await expect(staff.getByText(/Envoi par courriel à \d+ membres? programmé/)).toBeVisible();
  await expect(staff.getByRole("button", { name: "Envoyer par courriel aux membres des associations" })).toHaveCount(0);
  await mailFor(other.email, second);
  expect(await db.emailMessage.count({ where: { to: member.email, subject: `Actualité du réseau : ${second}` } })).toBe(0);
  expect(readMailbox().filter((m) => m.to.includes(member.email) && m.subject.includes(second))).toEqual([]);
  await staffContext.close();
});
