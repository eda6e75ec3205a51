// The CCAS's identity comes from its settings: the header, the footer and the page titles show
// what PortalSettings holds, and a change reaches them within the reference cache's few seconds.
// The new name keeps "CCAS de Besançon" in it: the other journeys, which may run beside this one,
// find the demo's name in the documents they read (the convention).
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";

test("the header, the footer and the titles name the CCAS of the settings, and follow a change", async ({ page }) => {
  const db = getDb();
  const before = await db.portalSettings.findUniqueOrThrow({ where: { id: "ccas" }, select: { name: true, longName: true } });
  // A signed-in visitor: pages are never served from the anonymous page cache.
  await loginAs(page, "staff");

  await page.goto("/annuaire");
  const header = page.getByRole("banner");
  const footer = page.getByRole("contentinfo");
  await expect(header).toContainText(before.longName);
  await expect(footer).toContainText(before.name);
  await expect(page).toHaveTitle(`Annuaire des associations – ${before.name}`);
  await expectAccessible(page);

  const tag = Date.now().toString(36);
  const changed = { name: `${before.name} ${tag}`, longName: `${before.longName} (essai ${tag})` };
  await db.portalSettings.update({ where: { id: "ccas" }, data: changed });
  try {
    // The portal keeps its settings for 5 s: reload until the change shows.
    await expect(async () => {
      await page.reload();
      await expect(header).toContainText(changed.longName, { timeout: 500 });
    }).toPass({ timeout: 20_000 });
    await expect(footer).toContainText(changed.name);
    await expect(page).toHaveTitle(`Annuaire des associations – ${changed.name}`);

    await page.getByRole("link", { name: "Événements", exact: true }).click();
    await expect(page).toHaveTitle(`Événements – ${changed.name}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", new RegExp(`formations du ${changed.name}\\.$`));
    await expect(header).toContainText(changed.longName);
  } finally {
    await db.portalSettings.update({ where: { id: "ccas" }, data: before });
  }
});
