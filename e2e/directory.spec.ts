// The public searches the directory: with a typo, then narrowing by facets; with and without JavaScript.
import { expect, expectAccessible, test } from "./support/fixtures";

test("the public finds food aid despite a typo and narrows by district", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Annuaire", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Annuaire des associations de solidarité" })).toBeVisible();
  // Other journeys add associations while this one runs: at least the seeded ones are listed.
  const listed = page.getByRole("status").filter({ hasText: "associations trouvées" });
  await expect(listed).toContainText(/\d+ associations trouvées/);
  const seeded = 147; // the demo seed's 150 associations, 3 of them still pending
  expect(Number((await listed.textContent())!.match(/(\d[\d\s\u202f]*) associations/)![1].replace(/\D/g, ""))).toBeGreaterThanOrEqual(
    seeded,
  );
  await expectAccessible(page);

  await page.getByLabel("Rechercher une association, un besoin, un mot-clé").fill("alimantaire");
  await expect(page).toHaveURL(/q=alimantaire/);
  const status = page.getByRole("status").filter({ hasText: "trouvée" });
  await expect(status).toContainText("pour « alimantaire »");
  await expect(page.getByRole("link", { name: "Épicerie solidaire Planoise", exact: true })).toBeVisible();
  await expect(page.locator(".results mark").first()).toBeVisible();
  const totalBefore = Number((await status.textContent())!.match(/(\d+) association/)![1]);

  const planoise = page.locator(".facets").getByRole("checkbox", { name: /^Planoise \(\d+\)$/ });
  const facetCount = Number((await planoise.locator("xpath=..").textContent())!.match(/\((\d+)\)/)![1]);
  await planoise.check();
  await expect(page).toHaveURL(/quartier=planoise/);
  await expect(status).toContainText(`${facetCount} association`);
  expect(facetCount).toBeLessThan(totalBefore);
  for (const district of await page.locator(".result .small").allTextContents()) expect(district).toContain("Planoise");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Épicerie solidaire Planoise", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Épicerie solidaire Planoise/ })).toBeVisible();
  await expect(page.getByText("Aide alimentaire").first()).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the GET form searches and filters", async ({ page }) => {
    await page.goto("/annuaire");
    await page.getByLabel("Rechercher une association, un besoin, un mot-clé").fill("coeur");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(/\/annuaire\?q=coeur/);
    await expect(page.getByRole("link", { name: /Cœur/ }).first()).toBeVisible();
    await page.goto("/annuaire?q=sdf&champ=hebergement-logement");
    await expect(page.getByRole("link", { name: "Toit Commun", exact: true })).toBeVisible();
  });
});

test("a district or field nobody knows in the address is ignored, not an error", async ({ page }) => {
  const response = await page.goto("/annuaire?quartier=atlantide&champ=%22%5D%20OR%20x&champ=aide-alimentaire");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "trouvée" })).toContainText("avec 1 filtre");
  await expect(page.locator(".facets").getByRole("checkbox", { name: /^Aide alimentaire \(\d+\)$/ })).toBeChecked();
  await expectAccessible(page);
});

test("the JSON API answers the same search", async ({ request }) => {
  const response = await request.get("/api/associations?q=alimantaire&quartier=planoise");
  expect(response.ok()).toBe(true);
  const body = await response.json();
  expect(body.total).toBeGreaterThan(0);
  expect(body.hits.map((h: { name: string }) => h.name)).toContain("Épicerie solidaire Planoise");
  expect(body.facets.quartier.planoise).toBe(body.total);
  const health = await request.get("/healthz");
  expect(await health.json()).toMatchObject({ database: "up", search: "up" });
});
