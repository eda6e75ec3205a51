// The network's needs and offers (issue 18): association X posts a need (its form refuses an empty
// title in French and keeps what was typed), association Y finds it with the filters and answers
// it through a relayed message, X's members get the message by e-mail, X sees the answer on its
// post and marks it fulfilled, and the post leaves the network's list.
import { randomBytes } from "node:crypto";
import { addDays, parisToday } from "../app/network/post-labels";
import { E2E_URL } from "./support/paths";
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";

test("a need is posted, found, answered and marked fulfilled", async ({ page, browser }) => {
  const suffix = randomBytes(4).toString("hex");
  const title = `Deux bénévoles pour la collecte ${suffix}`;
  const x = await loginAs(page, "member", { association: { name: `Épicerie X ${suffix}` }, name: "Xavière Martin" });
  const xId = x.associationId!;

  // X publishes a need, a validation error first.
  await page.goto(`/espace/associations/${xId}/reseau`);
  await expect(page.getByRole("heading", { name: "Besoins et offres du réseau", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Publier une annonce" }).click();
  await page.waitForURL(`**/espace/associations/${xId}/reseau/nouvelle`);
  await expect(page.getByRole("heading", { name: "Publier une annonce", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Type d'annonce").selectOption({ label: "Besoin" });
  await page.getByLabel("Catégorie").selectOption({ label: "Bénévoles" });
  await page.getByLabel("Description").fill("La collecte nationale a lieu le 5 décembre : nous cherchons deux bénévoles de 9 h à 13 h.");
  await page.getByLabel("Champ d'intervention").selectOption({ label: "Aide alimentaire" });
  await page.getByLabel("Quartier").selectOption({ label: "Planoise" });
  await page.getByLabel("Dernier jour de l'annonce").fill(addDays(parisToday(), 20));
  await page.getByRole("button", { name: "Publier l'annonce" }).click();
  await expect(page.getByText("Titre : ce champ est obligatoire.").first()).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue(/La collecte nationale a lieu le 5 décembre/);
  await expect(page.getByLabel("Quartier")).toHaveValue("planoise");
  await expectAccessible(page);
  await page.getByLabel("Titre").fill(title);
  await page.getByRole("button", { name: "Publier l'annonce" }).click();
  await expect(page.getByText("Annonce publiée.")).toBeVisible();
  await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
  const postId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByText("Aucune association n'a encore répondu.")).toBeVisible();
  await expectAccessible(page);

  // Y finds it with the filters and answers.
  const yContext = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const yPage = await yContext.newPage();
  const y = await loginAs(yPage, "member", { association: { name: `Banque solidaire Y ${suffix}` } });
  const yId = y.associationId!;
  await yPage.goto(`/espace/associations/${yId}/reseau`);
  await yPage.getByLabel("Rechercher dans les annonces").fill(`collecte ${suffix}`);
  await yPage.getByLabel("Type", { exact: true }).selectOption({ label: "Besoin" });
  await yPage.getByLabel("Quartier").selectOption({ label: "Planoise" });
  await yPage.getByRole("button", { name: "Filtrer" }).click();
  await yPage.waitForURL(/quartier=planoise/);
  await expect(yPage.getByText("1 annonce correspondant à votre recherche")).toBeVisible();
  await expectAccessible(yPage);
  // Another district: the need is not there.
  await yPage.goto(`/espace/associations/${yId}/reseau?q=${suffix}&quartier=velotte`);
  await expect(yPage.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  await yPage.goBack();
  await yPage.getByRole("link", { name: title, exact: true }).click();
  await yPage.waitForURL(`**/espace/associations/${yId}/reseau/${postId}`);
  await expect(yPage.getByRole("heading", { name: "Répondre à cette annonce" })).toBeVisible();
  await expect(yPage.getByRole("button", { name: "Marquer comme pourvu" })).toHaveCount(0);
  await expectAccessible(yPage);
  await yPage.getByLabel("Votre message").fill(`Nous avons deux bénévoles disponibles ce jour-là ${suffix}.`);
  await yPage.getByRole("button", { name: "Envoyer la réponse" }).click();
  await yPage.waitForURL(new RegExp(`/espace/associations/${yId}/messagerie/[^/]+$`));
  await expect(yPage.getByText(`Votre réponse a été envoyée à Épicerie X ${suffix}.`)).toBeVisible();
  await expect(
    yPage.getByRole("list", { name: "Messages" }).getByText(`Nous avons deux bénévoles disponibles ce jour-là ${suffix}.`),
  ).toBeVisible();
  await expect(yPage.getByRole("link", { name: `« ${title} »` })).toHaveAttribute("href", `/espace/associations/${yId}/reseau/${postId}`);
  const conversationId = new URL(yPage.url()).pathname.split("/").pop()!;
  const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } });
  expect(conversation).toMatchObject({ postId, fromAssociationId: yId, toAssociationId: xId, subject: title });

  // X's member gets the relayed message on the SMTP listener, without Y's address.
  const mail = await waitForMail(x.email, new RegExp(`Banque solidaire Y ${suffix} vous a écrit`));
  expect(mail.text).toContain(`Nous avons deux bénévoles disponibles ce jour-là ${suffix}.`);
  expect(mail.text).toContain(`/espace/associations/${xId}/messagerie/${conversationId}`);
  expect(mail.text).not.toContain(y.email);

  // X sees the answer on its post and marks it fulfilled.
  await page.goto(`/espace/associations/${xId}/reseau/${postId}`);
  const answers = page.getByRole("region", { name: "Réponses reçues" });
  await expect(answers.getByText(`Banque solidaire Y ${suffix}`)).toBeVisible();
  await expect(answers.getByRole("link", { name: "Lire la conversation" })).toHaveAttribute(
    "href",
    `/espace/associations/${xId}/messagerie/${conversationId}`,
  );
  await expectAccessible(page);
  // The author reads the answer in the messagerie, then comes back to the post.
  await answers.getByRole("link", { name: "Lire la conversation" }).click();
  await page.waitForURL(`**/messagerie/${conversationId}`);
  await expect(
    page.getByRole("list", { name: "Messages" }).getByText(`Nous avons deux bénévoles disponibles ce jour-là ${suffix}.`),
  ).toBeVisible();
  await page.goto(`/espace/associations/${xId}/reseau/${postId}`);
  await page.getByRole("button", { name: "Marquer comme pourvu" }).click();
  await expect(page.getByText("Annonce marquée comme pourvue")).toBeVisible();
  await expect(page.getByText("État : Pourvue")).toBeVisible();
  await expect(page.getByRole("link", { name: "Modifier" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`/espace/associations/${xId}/reseau`);
  await expect(page.getByRole("region", { name: "Nos annonces" }).getByText("Pourvue", { exact: true })).toBeVisible();

  // The post is no longer in the network's list; its page says so and takes no answer.
  await yPage.goto(`/espace/associations/${yId}/reseau?q=${suffix}`);
  await expect(yPage.getByText("aucune annonce correspondant à votre recherche")).toBeVisible();
  await expect(yPage.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  await yPage.goto(`/espace/associations/${yId}/reseau/${postId}`);
  await expect(yPage.getByText("Cette annonce n'attend plus de réponse.")).toBeVisible();
  await expect(yPage.getByLabel("Votre message")).toHaveCount(0);
  await expectAccessible(yPage);
  await yContext.close();
});

test("the author edits an open post; another association cannot open the editor", async ({ page, browser }) => {
  const suffix = randomBytes(4).toString("hex");
  const x = await loginAs(page, "member");
  const post = await getDb().networkPost.create({
    data: {
      associationId: x.associationId!,
      kind: "offre",
      category: "materiel",
      title: `Tables à prêter ${suffix}`,
      body: "Dix tables pliantes.",
      fieldSlug: "aide-alimentaire",
      districtSlug: "planoise",
      endsOn: new Date(`${addDays(parisToday(), 10)}T00:00:00Z`),
    },
  });
  await page.goto(`/espace/associations/${x.associationId}/reseau/${post.id}`);
  await page.getByRole("link", { name: "Modifier" }).click();
  await page.waitForURL(`**/reseau/${post.id}/modifier`);
  await expect(page.getByLabel("Titre")).toHaveValue(`Tables à prêter ${suffix}`);
  await expectAccessible(page);
  await page.getByLabel("Titre").fill(`Douze tables à prêter ${suffix}`);
  await page.getByLabel("Dernier jour de l'annonce").fill(addDays(parisToday(), 400));
  await page.getByRole("button", { name: "Enregistrer l'annonce" }).click();
  await expect(page.getByText(/Dernier jour : au plus tard le /).first()).toBeVisible();
  await page.getByLabel("Dernier jour de l'annonce").fill(addDays(parisToday(), 30));
  await page.getByRole("button", { name: "Enregistrer l'annonce" }).click();
  await expect(page.getByText("Annonce modifiée.")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Douze tables à prêter ${suffix}`, exact: true })).toBeVisible();

  const other = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const otherPage = await other.newPage();
  const y = await loginAs(otherPage, "member");
  const answer = await otherPage.goto(`/espace/associations/${y.associationId}/reseau/${post.id}/modifier`);
  expect(answer?.status()).toBe(404);
  const forged = await otherPage.goto(`/espace/associations/${y.associationId}/reseau/inconnue`);
  expect(forged?.status()).toBe(404);
  await other.close();
});

test("another association reports a post to the CCAS, with a reason", async ({ page, browser }) => {
  const suffix = randomBytes(4).toString("hex");
  const author = await loginAs(page, "member");
  const post = await getDb().networkPost.create({
    data: {
      associationId: author.associationId!,
      kind: "offre",
      category: "competences",
      title: `Offre douteuse ${suffix}`,
      body: "Formation payante déguisée.",
      fieldSlug: "aide-alimentaire",
      districtSlug: "planoise",
      endsOn: new Date(`${addDays(parisToday(), 10)}T00:00:00Z`),
    },
  });
  // The author has nothing to report on their own post.
  await page.goto(`/espace/associations/${author.associationId}/reseau/${post.id}`);
  await expect(page.getByText("Signaler cette annonce")).toHaveCount(0);

  const context = await browser.newContext({ baseURL: E2E_URL });
  const other = await context.newPage();
  const reporter = await loginAs(other, "member");
  await other.goto(`/espace/associations/${reporter.associationId}/reseau/${post.id}`);
  await other.getByText("Signaler cette annonce").click();
  await other.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(other.getByText("Motif du signalement : ce champ est obligatoire.").first()).toBeVisible();
  expect(await getDb().abuseReport.count({ where: { postId: post.id } })).toBe(0);
  await other.getByLabel("Motif du signalement").fill(`Une formation payante présentée comme gratuite ${suffix}`);
  await other.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(other.getByText("Merci : votre signalement a été transmis au CCAS, qui va l'examiner.")).toBeVisible();
  await expectAccessible(other);
  const reports = await getDb().abuseReport.findMany({ where: { postId: post.id } });
  expect(reports).toMatchObject([{ reporterId: reporter.id, reporterAssociationId: reporter.associationId, status: "open" }]);
  expect(reports[0].reason).toBe(`Une formation payante présentée comme gratuite ${suffix}`);
  await context.close();
});
