// The public page of what the CCAS funded: a visitor opens it from the footer, reads the demo year
// by axis of the social project with the totals the database holds, follows an association to the
// directory, switches year; nothing personal on the page (no e-mail, phone or person's name).
import type { Page } from "@playwright/test";
import { formatEuros } from "../app/lib/format";
import { expect, expectAccessible, getDb, test } from "./support/fixtures";

/** The page's figures for one year, by our own query: voted subsidies of validated associations. */
async function expectedRows(year: number) {
  const db = getDb();
  const project = await db.socialProject.findFirstOrThrow({
    where: { startYear: { lte: year }, endYear: { gte: year } },
    include: { axes: { orderBy: { number: "asc" } } },
  });
  const where = { financialYear: year, votedCents: { not: null }, association: { status: "validated" as const } };
  const rows = [];
  for (const axis of project.axes) {
    const subsidies = await db.subsidy.findMany({
      where: { ...where, axisId: axis.id },
      select: { votedCents: true, associationId: true },
    });
    rows.push({
      name: `Axe ${axis.number} : ${axis.title}`,
      voted: subsidies.reduce((sum, s) => sum + s.votedCents!, 0),
      projects: subsidies.length,
      associations: new Set(subsidies.map((s) => s.associationId)).size,
    });
  }
  const unattached = await db.subsidy.findMany({
    where: { ...where, OR: [{ axisId: null }, { axisId: { notIn: project.axes.map((a) => a.id) } }] },
    select: { votedCents: true, associationId: true },
  });
  if (unattached.length) {
    rows.push({
      name: "Non rattaché au projet social",
      voted: unattached.reduce((sum, s) => sum + s.votedCents!, 0),
      projects: unattached.length,
      associations: new Set(unattached.map((s) => s.associationId)).size,
    });
  }
  return rows;
}

/** The summary table says what the database says (other journeys may vote meanwhile: read both again). */
async function expectTableMatches(page: Page, year: number) {
  await expect(async () => {
    await page.reload();
    const rows = await expectedRows(year);
    expect(rows.filter((r) => r.projects > 0).length).toBeGreaterThan(1);
    const table = page.getByRole("table", { name: `Montants votés en ${year} par axe du projet social` });
    const names = await table.locator("tbody th").allInnerTexts();
    expect(names).toEqual(rows.map((r) => r.name));
    for (const row of rows) {
      const cells = table.getByRole("row", { name: row.name, exact: false }).first().getByRole("cell");
      await expect(cells).toHaveText([formatEuros(row.voted), String(row.projects), String(row.associations)], { timeout: 1000 });
    }
  }).toPass({ timeout: 15_000 });
}

test("the public reads what the CCAS funded this year, by axis, and follows an association", async ({ page }) => {
  const db = getDb();
  const year = new Date().getUTCFullYear();
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Ce que le CCAS a financé", exact: true }).click();
  await expect(page).toHaveURL(/\/financements$/);
  await expect(page.getByRole("heading", { level: 1, name: `Ce que le CCAS a financé en ${year}` })).toBeVisible();
  await expectAccessible(page);
  await expectTableMatches(page, year);

  // The last group is the one outside the project; every axis has its section.
  const project = await db.socialProject.findFirstOrThrow({ where: { startYear: { lte: year }, endYear: { gte: year } } });
  await expect(page.getByText(`Projet social de référence : ${project.title}`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2 }).last()).toHaveText("Non rattaché au projet social");

  // Nothing personal: no seeded person's name or e-mail, no association's e-mail or phone.
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/[\w.+-]+@[\w-]+(\.[\w-]+)+/);
  const people = await db.user.findMany({ select: { name: true, email: true } });
  const contacts = await db.association.findMany({
    where: { OR: [{ email: { not: null } }, { phone: { not: null } }] },
    select: { email: true, phone: true },
  });
  const leaks = [...people.flatMap((p) => [p.name, p.email]), ...contacts.flatMap((c) => [c.email, c.phone])].filter(
    (value): value is string => !!value && value.length > 5 && text.includes(value),
  );
  expect(leaks).toEqual([]);

  // An association of the first axis funded: its directory page.
  const firstFunded = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Associations financées" }) })
    .first();
  const association = firstFunded.getByRole("list").getByRole("link").first();
  const name = (await association.innerText()).trim();
  await association.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page).toHaveURL(/\/annuaire\//);
  await page.goBack();

  // The previous year, from the list of years.
  await page
    .getByRole("navigation", { name: "Choisir l'année" })
    .getByRole("link", { name: `Voir l'année ${year - 1}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/financements\\?annee=${year - 1}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Ce que le CCAS a financé en ${year - 1}` })).toBeVisible();
  await expectTableMatches(page, year - 1);
  await expectAccessible(page);
});
