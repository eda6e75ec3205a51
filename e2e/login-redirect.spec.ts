// The redirect after login, followed by Chromium itself: the form posted natively (no
// JavaScript), the redirect followed as the browser understands it. No request may leave the
// portal, and the user must land in their space. (Before safeRedirect resolved its target,
// "/\t/evil.example/" reached the Location header, where only the Headers class refusing a tab
// stood between the user and another site, as a 500 after a successful login; the dot segments
// gave "//evil.example/" paths, which Remix happened to rewrite into a 404.)
import { createUser } from "../prisma/factories/user";
import { E2E_URL } from "./support/paths";
import { expect, getDb, test, TEST_PASSWORD, uniqueEmail } from "./support/fixtures";

const ORIGIN = new URL(E2E_URL).origin;

test.use({ javaScriptEnabled: false });

for (const redirectTo of ["/\t/evil.example/", "/\n/evil.example/", "/..//evil.example/", "/.//evil.example/", "/%2e%2e//evil.example/"]) {
  test(`after login, redirectTo=${JSON.stringify(redirectTo)} stays on the portal`, async ({ page }) => {
    // Every request the browser makes, redirect hops included (a route handler would not see those).
    const leftFor: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== ORIGIN) leftFor.push(request.url());
    });
    const user = await createUser(getDb(), { email: uniqueEmail("redirection"), role: "staff" });
    await page.goto(`/connexion?redirectTo=${encodeURIComponent(redirectTo)}`);
    await page.getByLabel("Adresse e-mail").fill(user.email);
    await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForLoadState("load");
    expect(leftFor).toEqual([]);
    expect(new URL(page.url()).origin).toBe(ORIGIN);
    await expect(page.getByRole("heading", { name: "Espace instruction" })).toBeVisible();
  });
}
