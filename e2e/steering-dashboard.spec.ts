// The steering dashboard: staff open it from their home, choose a year of its own (factory data:
// a two-year social project, two axes, subsidies on each, one not attached, a multi-year one, a
// share indicator, a report only submitted), check the figures in the tables, and download the
// CSV, the workbook and the yearly PDF report, whose figures are the same.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Download, Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { buildSteeringWorld } from "../app/steering/test-support";
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";

test.describe.configure({ timeout: 180_000 });

/** A year no other run or journey uses: no social project and no subsidy in it or the year before. */
async function freeYear(): Promise<number> {
  const db = getDb();
  for (;;) {
    const year = 2200 + Math.floor(Math.random() * 700);
    const busy =
      (await db.socialProject.count({ where: { startYear: { lte: year }, endYear: { gte: year - 1 } } })) +
      (await db.subsidy.count({ where: { financialYear: { in: [year - 1, year] } } }));
    if (busy === 0) return year;
  }
}

async function download(page: Page, name: string): Promise<{ download: Download; bytes: Buffer }> {
  const waiting = page.waitForEvent("download");
  await page.getByRole("link", { name, exact: true }).click();
  const done = await waiting;
  return { download: done, bytes: await readFile((await done.path())!) };
}

test("staff read the year's steering dashboard and take away its exports and report", async ({ page }) => {
  const db = getDb();
  const year = await freeYear();
  const tag = `e2e${Date.now().toString(36)}`;
  const world = await buildSteeringWorld(db, { year, tag });
  await loginAs(page, "staff");

  await page.goto("/instruction");
  await page.getByRole("link", { name: "Pilotage du projet social", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pilotage du projet social");
  await page.getByLabel("Année", { exact: true }).selectOption(String(year));
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Pilotage du projet social ${year}` })).toBeVisible();
  await expect(page.getByTestId("steering-project")).toContainText(world.project.title);
  await expectAccessible(page);

  // Key figures: what the factory voted and paid in the year.
  await expect(page.getByTestId("steering-voted")).toHaveText(/42\s000,00\s€/);
  await expect(page.getByTestId("steering-paid")).toHaveText(/23\s000,00\s€/);
  await expect(page.getByTestId("steering-projects")).toHaveText("4");
  await expect(page.getByTestId("steering-associations")).toHaveText("3");

  // Per axis and projet phare.
  const axes = page.getByTestId("steering-axes");
  const axis1 = axes.getByRole("row", { name: new RegExp(`^Axe 1 – ${world.axis1.title}`) });
  await expect(axis1).toContainText(/15\s000,00\s€/);
  await expect(axis1).toContainText(/11\s000,00\s€/);
  await expect(axes.getByRole("row", { name: new RegExp(`n°1 – ${world.axis1.flagships[0].title}`) })).toContainText(/10\s000,00\s€/);
  await expect(axes.getByRole("row", { name: /Sans projet phare \(axe 1\)/ })).toContainText(/5\s000,00\s€/);
  await expect(axes.getByRole("row", { name: new RegExp(`^Axe 2 – ${world.axis2.title}`) })).toContainText(/24\s000,00\s€/);
  await expect(axes.getByRole("row", { name: /^Non rattaché au projet social/ })).toContainText(/3\s000,00\s€/);
  await expect(axes.getByRole("row", { name: /^Total/ })).toContainText(/42\s000,00\s€/);
  await expect(page.getByRole("img", { name: `Voté et versé par axe, ${year}` })).toBeVisible();

  // Indicators: people summed from validated reports only, the share as a spread, never summed.
  const indicators = page.getByTestId("steering-indicators");
  const people = indicators.getByRole("row", { name: /^Personnes accompagnées/ });
  await expect(people).toContainText("190 personnes");
  await expect(people).toContainText("127 personnes");
  await expect(people).toContainText("67 %");
  await expect(people).toContainText("1 en attente de validation");
  await expect(indicators.getByRole("row", { name: /^Part de femmes/ })).toContainText("moyenne 57,5 % (de 50 % à 65 %)");
  await expect(page.getByTestId("steering-indicator-trends").getByRole("row", { name: /^Personnes accompagnées/ })).toContainText(
    "9 personnes",
  );
  await expect(page.getByTestId("steering-trends").getByRole("row", { name: /^Axe 2 voté/ })).toContainText(/7\s000,00\s€/);

  // The CSV of the axes.
  const csv = await download(page, "Exporter les axes (CSV)");
  expect(csv.download.suggestedFilename()).toBe(`pilotage-axes-${year}.csv`);
  const rows: string[][] = parse(csv.bytes.toString("utf8").replace(/^\ufeff/, ""), { delimiter: ";" });
  expect(rows.find((r) => r[1] === `Axe 1 – ${world.axis1.title}` && r[2] === "Ensemble de l'axe")?.slice(3, 8)).toEqual([
    "15000,00",
    "11000,00",
    "4000,00",
    "2",
    "2",
  ]);
  expect(rows.at(-1)?.slice(1, 4)).toEqual(["Total", "", "42000,00"]);

  // The workbook.
  const xlsx = await download(page, "Exporter le tableau de bord (Excel)");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const indicatorSheet = workbook.getWorksheet("Indicateurs")!.getSheetValues().filter(Boolean) as unknown[][];
  const peopleRow = indicatorSheet.find((r) => r[2] === "Ensemble" && r[5] === "personnes")!;
  expect([peopleRow[10], peopleRow[11], peopleRow[12]]).toEqual([190, 127, 67]);
  const axesSheet = workbook.getWorksheet("Axes et projets phares")!.getSheetValues().filter(Boolean) as unknown[][];
  expect(axesSheet.find((r) => r[2] === "Total")?.[4]).toBe(42000);

  // The yearly report for the board.
  const pdf = await download(page, "Télécharger le rapport annuel (PDF)");
  expect(pdf.download.suggestedFilename()).toBe(`pilotage-projet-social-${year}.pdf`);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.bytes)), { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain("CCAS de Besançon");
  expect(flat).toContain(`Rapport annuel de pilotage ${year}`);
  expect(flat).toContain("Montant voté : 42 000,00 €");
  expect(flat).toContain(`Axe 1 – ${world.axis1.title}`);
  expect(flat).toContain("Objectif : 190 personnes ; atteint : 127 personnes ; taux : 67 %");
});

test("names typed as markup or formulas stay text on the dashboard and in its CSV", async ({ page }) => {
  const db = getDb();
  const year = await freeYear();
  const tag = `x${Date.now().toString(36)}`;
  const world = await buildSteeringWorld(db, { year, tag });
  const hostile = `<img src=x id=xss-img onerror="window.__xss=1"> =HYPERLINK("https://pirate.example") ${tag}`;
  await db.socialAxis.update({ where: { id: world.axis2.id }, data: { title: `Axe hostile ${hostile}` } });
  await db.projectIndicator.update({
    where: { id: world.indicators.s4Hours.id },
    data: { name: `=HYPERLINK("https://pirate.example") ${tag}` },
  });
  await loginAs(page, "staff");
  await page.goto(`/instruction/pilotage?annee=${year}`);
  await expect(page.getByTestId("steering-axes")).toContainText(`Axe hostile ${hostile}`);
  await expect(page.locator("#xss-img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expectAccessible(page);
  const csv = await download(page, "Exporter les indicateurs (CSV)");
  const rows: string[][] = parse(csv.bytes.toString("utf8").replace(/^\ufeff/, ""), { delimiter: ";" });
  expect(rows.filter((r) => r[2].includes("HYPERLINK")).map((r) => r[2])[0]).toBe(`'=HYPERLINK("https://pirate.example") ${tag}`);
});
