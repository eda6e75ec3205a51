// Security headers on every kind of response, and the directory used with the keyboard only.
import { expect, expectAccessible, test } from "./support/fixtures";

test("every response carries the security headers", async ({ request }) => {
  for (const url of ["/", "/annuaire", "/api/associations?q=logement", "/healthz", "/page-qui-n-existe-pas", "/favicon.svg"]) {
    const response = await request.get(url);
    const headers = response.headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["content-security-policy"], url).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["x-powered-by"], url).toBeUndefined();
  }
});

test("the page's scripts run under the CSP (hydration works) and no inline script lacks the nonce", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/annuaire");
  await page.getByLabel("Rechercher une association, un besoin, un mot-clé").fill("logement");
  await expect(page).toHaveURL(/q=logement/); // search-as-you-type needs the hydrated app
  expect(violations).toEqual([]);
});

test("the directory can be searched with the keyboard only", async ({ page }) => {
  // Once the scripts have loaded: typed keys then go to the hydrated page, as a person's would.
  await page.goto("/annuaire", { waitUntil: "networkidle" });
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  // From the main content, Tab reaches the search box.
  for (
    let i = 0;
    i < 5 && !(await page.getByLabel("Rechercher une association, un besoin, un mot-clé").evaluate((el) => el === document.activeElement));
    i++
  ) {
    await page.keyboard.press("Tab");
  }
  await expect(page.getByLabel("Rechercher une association, un besoin, un mot-clé")).toBeFocused();
  await page.keyboard.type("numerique");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=numerique/);
  // The results change around the search box; the keyboard user stays in it.
  await expect(page.getByLabel("Rechercher une association, un besoin, un mot-clé")).toBeFocused();
  // Tab to the first facet checkbox and tick it with the space bar.
  const firstFacet = page.locator(".facets input[type=checkbox]").first();
  for (let i = 0; i < 10 && !(await firstFacet.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(firstFacet).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/champ=/);
  // Tab on to the first result and open it with Enter.
  const firstResult = page.locator(".results h3 a").first();
  const name = await firstResult.textContent();
  for (let i = 0; i < 80 && !(await firstResult.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(firstResult).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name!.trim());
  await expectAccessible(page);
});
