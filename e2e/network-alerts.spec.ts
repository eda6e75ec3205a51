// A member sets an alert (a field and a district) in the portal; the daily digest — run here with
// the job's own function against the journey's database, as other journeys call domain code, its
// clock set after 7:00 Paris time — brings only the matching post to the real SMTP listener, with
// a List-Unsubscribe header; the e-mail's link and its button stop the next ones.
import { randomBytes } from "node:crypto";
import { sendAlertDigests } from "../app/network/alert-digest.server";
import { digestTime } from "../app/review/digest.server";
import { createAssociation } from "../prisma/factories/association";
import { createNetworkPost } from "../prisma/factories/network";
import { expect, expectAccessible, getDb, linkIn, loginAs, test, waitForMail } from "./support/fixtures";

const HOUR = 3600_000;

test("a member's alert brings the matching new posts by e-mail, until they unsubscribe", async ({ page }) => {
  const db = getDb();
  const member = await loginAs(page, "member", { name: "Inès Alerte" });
  await page.goto("/espace");
  await page.getByRole("link", { name: "Alertes du réseau", exact: true }).click();
  await page.waitForURL("**/espace/alertes");
  await expect(page.getByRole("heading", { name: "Alertes du réseau", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("group", { name: "Champs d'intervention" }).getByLabel("Aide alimentaire", { exact: true }).check();
  await page.getByRole("group", { name: "Quartiers" }).getByLabel("Planoise", { exact: true }).check();
  await page.getByLabel("Recevoir chaque jour les nouvelles annonces par courriel").check();
  await page.getByRole("button", { name: "Enregistrer mes alertes" }).click();
  await expect(
    page.getByText("Vos alertes sont enregistrées : vous recevrez chaque matin les nouvelles annonces qui y correspondent."),
  ).toBeVisible();
  await expect(page.getByRole("group", { name: "Quartiers" }).getByLabel("Planoise", { exact: true })).toBeChecked();
  await expectAccessible(page);

  const alert = await db.networkAlert.findUniqueOrThrow({ where: { userId: member.id } });
  const suffix = randomBytes(3).toString("hex");
  const other = await createAssociation(db, { status: "validated", name: `Banque solidaire ${suffix}` });
  const after = new Date(alert.createdAt.getTime() + 1000);
  await createNetworkPost(db, other.id, {
    title: `Colis à distribuer ${suffix}`,
    kind: "offre",
    fieldSlug: "aide-alimentaire",
    districtSlug: "planoise",
    createdAt: after,
  });
  await createNetworkPost(db, other.id, {
    title: `Hors quartier ${suffix}`,
    fieldSlug: "aide-alimentaire",
    districtSlug: "centre-ville-battant",
    createdAt: after,
  });

  // The job's run of the day, after 7:00 in Paris (the journey may run at night).
  const now = new Date(Math.max(Date.now() + 2000, digestTime(new Date()).getTime() + HOUR));
  expect(await sendAlertDigests(now, { only: [member.id] })).toEqual({ sent: 1, skipped: 0 });
  // This process has no SMTP_URL, so the row was only recorded: hand it to the running portal's queue, which delivers it.
  await db.emailMessage.updateMany({
    where: { to: member.email, status: "recorded" },
    data: { status: "pending", nextAttemptAt: new Date() },
  });
  const mail = await waitForMail(member.email, /pour vos alertes/, 20_000);
  // Other journeys may post matching needs at the same time (shared database): only ours are counted.
  expect(mail.subject).toMatch(/^Réseau des associations : \d+ nouvelles? annonces? pour vos alertes$/);
  expect(mail.text).toContain(`Offre : Colis à distribuer ${suffix}`);
  expect(mail.text).toContain(`Banque solidaire ${suffix} · Planoise`);
  expect(mail.text).not.toContain(`Hors quartier ${suffix}`);
  // The header as received (a long line is folded: its whitespace read as one space).
  expect(mail.listUnsubscribe?.replace(/\s+/g, " ")).toMatch(
    /^List-Unsubscribe: <https?:\/\/[^>]+\/desabonnement\/alertes-reseau\.[^>]+>$/,
  );

  // The link in the e-mail, then its button.
  // Its path: the link's origin is the PUBLIC_URL of the process that queued it (here, this one).
  await page.goto(new URL(linkIn(mail, "/desabonnement/")).pathname);
  await expect(page.getByRole("heading", { name: "Désabonnement : Alertes sur les besoins et offres" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ne plus recevoir ces courriels" }).click();
  await expect(page.getByText("Vous ne recevrez plus les courriels « Alertes sur les besoins et offres ».")).toBeVisible();

  // The next day's run sends nothing, though a new post matches.
  await createNetworkPost(db, other.id, {
    title: `Après désabonnement ${suffix}`,
    fieldSlug: "aide-alimentaire",
    districtSlug: "planoise",
    createdAt: new Date(now.getTime() + 1000),
  });
  expect(await sendAlertDigests(new Date(now.getTime() + 24 * HOUR), { only: [member.id] })).toEqual({ sent: 0, skipped: 0 });
  expect(await db.emailMessage.count({ where: { to: member.email } })).toBe(1);
  await page.goto("/espace/alertes");
  await expect(page.getByLabel("Recevoir chaque jour les nouvelles annonces par courriel")).not.toBeChecked();
});
