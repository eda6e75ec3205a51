// The outgoing mail queue as an administrator sees it: what waits, what failed and why.
// A message refused for good by the SMTP server is recorded as failed, with its error.
import { expect, expectAccessible, getDb, loginAs, test, uniqueEmail } from "./support/fixtures";

test("an administrator sees the mail queue: waiting, failed, the attempts and the last error", async ({ page }) => {
  const to = uniqueEmail("file-envoi");
  await getDb().emailMessage.create({
    data: {
      to,
      subject: "Courriel en échec",
      text: "Bonjour",
      status: "failed",
      attempts: 8,
      error: "connect ECONNREFUSED 127.0.0.1:2525",
      messageId: `<${to}@ccas.localhost>`,
    },
  });
  await loginAs(page, "admin");
  await page.goto(`/admin/courriels?a=${encodeURIComponent(to)}`);
  const queue = page.getByRole("region", { name: "File d'envoi" });
  await expect(queue).toContainText("en attente d'envoi");
  await expect(queue).toContainText(/[1-9]\d* en échec/);
  await page.getByText("Courriel en échec").click();
  await expect(page.getByText("Échec d'envoi (abandonné)")).toBeVisible();
  await expect(page.getByText("8 tentative(s).")).toBeVisible();
  await expect(page.getByText("Dernière erreur : connect ECONNREFUSED 127.0.0.1:2525")).toBeVisible();
  await expectAccessible(page);
});
