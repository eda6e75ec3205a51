// The social project as reference data: an administrator creates a project for a far period,
// adds an axis and a projet phare, sees an overlapping period refused with what was typed kept,
// ties a call to the projet phare (the public call page says so), cannot remove the projet phare
// the call serves; staff attach a subsidy to it.
import type { Browser, Page } from "@playwright/test";
import { createGrant } from "../app/subsidies/creation.server";
import { createCall } from "../prisma/factories/call";
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

test.describe.configure({ timeout: 180_000 });

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

/** Two free years in 2030-2099 (no project of the shared database covers them), the first random. */
async function freePeriod(): Promise<[number, number]> {
  const projects = await getDb().socialProject.findMany({ select: { startYear: true, endYear: true } });
  const taken = (y: number) => projects.some((p) => p.startYear <= y && y <= p.endYear);
  const free = Array.from({ length: 69 }, (_, i) => 2030 + i).filter((y) => !taken(y) && !taken(y + 1) && !taken(y + 2));
  if (!free.length) throw new Error("Aucune période libre entre 2030 et 2099 dans la base de test.");
  const start = free[Math.floor(Math.random() * free.length)];
  return [start, start + 1];
}

test("an administrator builds the social project, ties a call to it, staff attach a subsidy", async ({ page, browser }) => {
  const db = getDb();
  const tag = Date.now().toString(36);
  const [startYear, endYear] = await freePeriod();
  const title = `Projet social E2E ${tag}`;
  const axisTitle = `Lutter contre l'isolement ${tag}`;
  const flagshipTitle = `Visites à domicile ${tag}`;
  await loginAs(page, "admin");

  // The list, from the administration home.
  await page.goto("/admin");
  await page.getByRole("link", { name: "Gérer le projet social", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Projet social", exact: true })).toBeVisible();
  await expectAccessible(page);

  // « Nouveau projet social ».
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Première année").fill(String(startYear));
  await page.getByLabel("Dernière année").fill(String(endYear));
  await page.getByLabel("Date d'adoption").fill(`${startYear - 1}-12-10`);
  await page.getByRole("button", { name: "Créer le projet social" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (${startYear}-${endYear})`);
  await expect(page.getByRole("status")).toContainText("est créé");
  await expectAccessible(page);

  // An axis, then a projet phare under it.
  const addAxis = page.getByRole("region", { name: "Ajouter un axe" });
  await addAxis.getByLabel("Intitulé de l'axe").fill(axisTitle);
  await addAxis.getByRole("button", { name: "Ajouter l'axe" }).click();
  await expect(page.getByRole("status")).toHaveText("L'axe 1 est ajouté.");
  await expect(page.getByRole("heading", { name: `Axe 1 – ${axisTitle}`, exact: true })).toBeVisible();
  const addFlagship = page.getByRole("region", { name: "Ajouter un projet phare" });
  await addFlagship.getByLabel("Intitulé du projet phare").fill(flagshipTitle);
  await addFlagship.getByLabel("Axe").selectOption({ label: `Axe 1 – ${axisTitle}` });
  await addFlagship.getByRole("button", { name: "Ajouter le projet phare" }).click();
  await expect(page.getByRole("status")).toHaveText("Le projet phare n°1 est ajouté.");
  await expect(page.getByText(`Projet phare n°1 – ${flagshipTitle}`, { exact: true })).toBeVisible();
  await expectAccessible(page);

  // A second project over one of these years is refused; what was typed stays.
  await page.getByRole("link", { name: "‹ Projet social" }).click();
  // The editor has a « Titre » too: type only once the list's form is the one on the page.
  await expect(page).toHaveURL(/\/admin\/projet-social$/);
  const overlapping = `Chevauchement ${tag}`;
  await page.getByLabel("Titre").fill(overlapping);
  // Only this project's own year, so no project another worker makes meanwhile can be the one named.
  await page.getByLabel("Première année").fill(String(endYear));
  await page.getByLabel("Dernière année").fill(String(endYear));
  await page.getByRole("button", { name: "Créer le projet social" }).click();
  await expect(page.getByText(`elle chevauche celle du projet « ${title} » (${startYear}-${endYear})`).first()).toBeVisible();
  await expect(page.getByLabel("Titre")).toHaveValue(overlapping);
  await expect(page.getByLabel("Dernière année")).toHaveValue(String(endYear));
  expect(await db.socialProject.count({ where: { title: overlapping } })).toBe(0);
  await expectAccessible(page);

  // A call of that period, tied to the projet phare (which brings its axis).
  const call = await createCall(db, { title: `Rompre l'isolement ${tag}`, financialYear: startYear, status: "publie" });
  await page.goto(`/admin/appels/${call.id}`);
  const section = page.getByRole("region", { name: "Projet social", exact: true });
  await section.getByLabel(`Projet phare n°1 – ${flagshipTitle}`).check();
  await section.getByRole("button", { name: "Enregistrer le rattachement au projet social" }).click();
  await expect(page.getByRole("status")).toHaveText("Le rattachement de l'appel au projet social est enregistré.");
  await expect(section.getByLabel(`Axe 1 – ${axisTitle}`)).toBeChecked();
  await expect(section.getByLabel(`Projet phare n°1 – ${flagshipTitle}`)).toBeChecked();
  await expectAccessible(page);

  // The public call page says what it serves.
  const visitor = await newPage(browser);
  await visitor.goto(`/appels-a-projets/${call.slug}`);
  const served = visitor.getByRole("region", { name: "Dans le projet social" });
  await expect(served).toContainText(`Axe 1 – ${axisTitle}`);
  await expect(served).toContainText(`Projet phare n°1 – ${flagshipTitle}`);
  await expectAccessible(visitor);
  await visitor.context().close();

  // The projet phare the call serves cannot be removed; the refusal names the call.
  await page.goto("/admin/projet-social");
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.getByRole("button", { name: "Retirer le projet phare n°1" }).click();
  await expect(page.getByRole("status")).toContainText(`l'appel « ${call.title} » y est rattaché`);
  expect(await db.flagshipProject.count({ where: { title: flagshipTitle } })).toBe(1);

  // Staff attach a subsidy of that year to the projet phare.
  const staffPage = await newPage(browser);
  const staff = await loginAs(staffPage, "staff");
  const memberPage = await newPage(browser);
  const member = await loginAs(memberPage, "member", { association: { name: `Les Voisins Solidaires ${tag}` } });
  await memberPage.context().close();
  const subsidy = await createGrant(
    { associationId: member.associationId!, purpose: `Visites ${tag}`, amount: 4_000_00, financialYear: startYear, fundsAction: false },
    staff,
  );
  await staffPage.goto(`/instruction/subventions/${subsidy.id}`);
  const attachment = staffPage.getByRole("region", { name: "Rattachement au projet social" });
  await attachment.getByLabel(/^Axe ou projet phare du projet/).selectOption({ label: `Axe 1 › projet phare n°1 – ${flagshipTitle}` });
  await attachment.getByRole("button", { name: "Enregistrer le rattachement" }).click();
  await expect(staffPage.getByRole("status")).toHaveText("La subvention est rattachée au projet social (Axe 1 › projet phare n°1).");
  await expect(attachment.getByLabel(/^Axe ou projet phare du projet/)).toHaveValue(/:/);
  const saved = await db.subsidy.findUniqueOrThrow({ where: { id: subsidy.id }, select: { axisId: true, flagshipId: true } });
  const flagship = await db.flagshipProject.findFirstOrThrow({ where: { title: flagshipTitle } });
  expect(saved).toEqual({ axisId: flagship.axisId, flagshipId: flagship.id });
  await expectAccessible(staffPage);
  await staffPage.context().close();
});
