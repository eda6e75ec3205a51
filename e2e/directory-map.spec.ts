// The public sees the directory's results on a map and sorts them by distance from an address;
// the geocoder and the tiles are the stand-in's (e2e/support/geo-stand-in.ts), never the network.
import { expect, expectAccessible, loginAs, test } from "./support/fixtures";

test("the directory's results are on a map, and sorted by distance from an address", async ({ page }) => {
  const tiles: string[] = [];
  page.on("request", (request) => {
    if (/\/tiles\/\d+\/\d+\/\d+\.png$/.test(request.url())) tiles.push(request.url());
  });
  await page.goto("/annuaire");
  const section = page.getByRole("region", { name: "Carte des associations de cette page" });
  await expect(page.getByRole("heading", { level: 2, name: "Carte des résultats" })).toBeVisible();
  await expect(section).toHaveAttribute("data-ready", "true");
  // One marker per placed result of the page; the page says how many are not placed (the demo's all are,
  // associations other journeys made may not be).
  const results = await page.locator(".results > li").count();
  const note = (await page.locator(".results-map-section > p").textContent()) ?? "";
  const unplaced = Number(/(\d+) associations? (?:n'est|ne sont) pas sur la carte/.exec(note)?.[1] ?? 0);
  await expect(section.locator(".leaflet-marker-icon")).toHaveCount(results - unplaced);
  expect(results - unplaced).toBeGreaterThan(0);
  await expect.poll(() => tiles.length).toBeGreaterThan(0);
  expect(new URL(tiles[0]).hostname).toBe("127.0.0.1");
  await expect(section.locator(".leaflet-control-attribution")).toContainText("© Tuiles de test");

  // A marker's popup leads to the association's page.
  await section.locator(".leaflet-marker-icon").first().click();
  const popupLink = section.locator(".leaflet-popup-content a");
  await expect(popupLink).toHaveAttribute("href", /^\/annuaire\/[a-z0-9-]+$/);
  await expectAccessible(page);

  // Nearest first from Planoise: the Planoise grocery comes before a Palente association, each with its distance.
  await page.getByLabel("Adresse", { exact: true }).fill("Rue de Cologne, Planoise");
  await page.getByRole("button", { name: "Trier par distance" }).click();
  await expect(page).toHaveURL(/adresse=Rue\+de\+Cologne/);
  await expect(page.getByText("Du plus proche au plus éloigné de : Rue de Cologne 25000 Besançon")).toBeVisible();
  const distances = page.locator(".results > li .result-distance");
  await expect(distances.first()).toContainText(/^À \d+,\d\u00a0km$/);
  const values = (await distances.allTextContents()).map((t) => Number(t.replace(/[^\d,]/g, "").replace(",", ".")));
  expect(values.length).toBe(await page.locator(".results > li").count());
  expect([...values].sort((a, b) => a - b)).toEqual(values);
  await expect(page.locator(".results > li").first()).toContainText("Planoise");
  await expectAccessible(page);

  // An address the geocoder does not know: a clear message, the address kept, the usual order.
  await page.getByLabel("Adresse", { exact: true }).fill("Nulle part ailleurs");
  await page.getByRole("button", { name: "Trier par distance" }).click();
  await expect(page.getByText("Cette adresse n'a pas été reconnue.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Adresse", { exact: true })).toHaveValue("Nulle part ailleurs");
  await expect(page.getByLabel("Adresse", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".results > li .result-distance")).toHaveCount(0);
});

test("the API sorts by distance from near=<lat>,<lng> and gives each distance", async ({ request }) => {
  const answer = await request.get("/api/associations?near=47.2195,5.9505");
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { hits: { distanceKm?: number; position: unknown }[] };
  const km = body.hits.map((h) => h.distanceKm ?? Infinity);
  expect(km[0]).toBeLessThan(2);
  expect([...km].sort((a, b) => a - b)).toEqual(km);
  const refused = await request.get("/api/associations?near=quatre-vingt,6");
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: string }).error).toContain("near doit être");
});

test("an association corrects its position on the map, then goes back to its address's", async ({ page }) => {
  const { associationId } = await loginAs(page, "member", {
    representative: true,
    association: { latitude: 47.2302, longitude: 6.0133, geoSource: "adresse" },
  });
  await page.goto(`/espace/associations/${associationId}/profil`);
  const position = page.getByRole("group", { name: "Position sur la carte" });
  await expect(position).toContainText("La position vient de l'adresse.");
  await expect(position.getByLabel("Latitude")).toHaveValue("47,2302");

  await position.getByLabel("Latitude").fill("12,5");
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(position.getByText("Ce point n'est pas en France", { exact: false })).toBeVisible();

  await position.getByLabel("Latitude").fill("47,2411");
  await position.getByLabel("Longitude").fill("6,0302");
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByText("Fiche enregistrée.", { exact: false })).toBeVisible();
  await expect(position).toContainText("La position a été placée par l'association.");
  await expect(position.getByLabel("Latitude")).toHaveValue("47,2411");
  await expect(position.getByLabel("Longitude")).toHaveValue("6,0302");
  await expectAccessible(page);

  await position.getByLabel("Revenir à la position de l'adresse").check();
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByText("Fiche enregistrée.", { exact: false })).toBeVisible();
  await expect(position).not.toContainText("placée par l'association");
});
