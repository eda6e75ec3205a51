// Routing and the reviewer's queue: an administrator gives a call a reviewer group with a rule
// (amount requested of at least 10 000 €), an association deposits a dossier that meets it, the
// group's member finds it in « À suivre », follows it (it moves to « Suivis »), saves that view
// as a filter and opens it again. A name already used for a filter is refused in French.
import type { Browser, Page } from "@playwright/test";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

test.describe.configure({ timeout: 240_000 });

test("a routing rule sends a deposited dossier to its group, whose member follows it and saves the view", async ({ page, browser }) => {
  const db = getDb();
  const suffix = Date.now().toString(36);
  const reviewer = await loginAs(page, "staff", { name: `Gaëlle Routage ${suffix}` });
  const call = await createCall(db, {
    title: `Petite enfance ${suffix}`,
    reviewerIds: [reviewer.id],
    minAmountCents: 1_000_00,
    maxAmountCents: 30_000_00,
    requiredAttachments: [],
  });

  // The administrator creates the group from the call's page.
  const adminPage = await newPage(browser);
  await loginAs(adminPage, "admin");
  await adminPage.goto(`/admin/appels/${call.id}`);
  await adminPage.getByRole("link", { name: "Groupes d'instruction et routage des dossiers" }).click();
  await expect(adminPage.getByRole("heading", { level: 1 })).toContainText("Groupes d'instruction");
  await expect(adminPage.getByText("Cet appel n'a pas de groupe")).toBeVisible();
  await expectAccessible(adminPage);
  const form = adminPage.getByRole("region", { name: "Nouveau groupe" });
  await form.getByLabel("Nom du groupe").fill("Gros montants");
  await form.getByRole("checkbox", { name: new RegExp(reviewer.name) }).check();
  // Refused first: the bounds the wrong way round.
  await form.getByLabel("Montant demandé d'au moins (€)").fill("10 000");
  await form.getByLabel("Montant demandé d'au plus (€)").fill("5 000");
  await form.getByRole("button", { name: "Créer le groupe" }).click();
  await expect(form.getByText("Montant maximum : il doit être au moins égal au montant minimum.").first()).toBeVisible();
  await form.getByLabel("Montant demandé d'au plus (€)").fill("");
  await form.getByRole("button", { name: "Créer le groupe" }).click();
  await expect(adminPage.getByText("Groupe « Gros montants » créé.")).toBeVisible();
  const groupCard = adminPage.getByRole("listitem").filter({ has: adminPage.getByRole("heading", { name: "Gros montants" }) });
  await expect(groupCard).toContainText(/Montant demandé d'au moins 10\s000,00\s€/);
  await expect(groupCard).toContainText(reviewer.name);
  await expectAccessible(adminPage);

  // An association deposits a dossier asking for 12 000 €.
  const memberPage = await newPage(browser);
  const rep = await loginAs(memberPage, "member", { representative: true, association: { name: `Les Petits Pas ${suffix}` } });
  const draft = await createDossier(db, {
    callId: call.id,
    associationId: rep.associationId!,
    state: "brouillon",
    requestedCents: 12_000_00,
  });
  await db.dossier.update({ where: { id: draft.id }, data: { declarationSignedAt: new Date(), declarationSignerId: rep.id } });
  await memberPage.goto(`/espace/associations/${rep.associationId}/dossiers/${draft.id}`);
  await memberPage.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(memberPage.getByText(/Dossier déposé sous le numéro/)).toBeVisible();
  const dossier = await db.dossier.findUniqueOrThrow({ where: { id: draft.id }, include: { reviewGroup: true } });
  expect(dossier.state).toBe("en_construction");
  expect(dossier.reviewGroup?.name).toBe("Gros montants");

  // The group's member: the call's dossiers, tab « À suivre ».
  await page.goto("/instruction/dossiers");
  await page.getByLabel("Appel à projets").selectOption(call.id);
  await page.getByRole("button", { name: "Filtrer" }).click();
  const tabs = page.getByRole("navigation", { name: "Onglets des dossiers" });
  await expect(tabs.getByRole("link", { name: "À suivre (1)" })).toBeVisible();
  await tabs.getByRole("link", { name: "À suivre (1)" }).click();
  await expect(tabs.getByRole("link", { name: "À suivre (1)" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("1 dossier trouvé")).toBeVisible();
  await expect(page.getByRole("cell", { name: /Gros montants/ })).toBeVisible();
  await expectAccessible(page);

  // Follows it from the dossier page.
  await page.getByRole("link", { name: dossier.number }).click();
  const routing = page.getByRole("region", { name: "Routage et suivi" });
  await expect(routing).toContainText("Groupe d'instruction : Gros montants");
  await expect(routing).toContainText("Suivi par : personne pour le moment");
  await routing.getByRole("button", { name: "Suivre ce dossier" }).click();
  await expect(page.getByText("Vous suivez ce dossier")).toBeVisible();
  await expect(routing).toContainText(`Suivi par : ${reviewer.name}`);
  await expect(routing.getByRole("button", { name: "Ne plus suivre" })).toBeVisible();
  await expectAccessible(page);

  // Back in the queue it has moved from « À suivre » to « Suivis ».
  await page.goto(`/instruction/dossiers?appel=${call.id}`);
  await expect(tabs.getByRole("link", { name: "À suivre (0)" })).toBeVisible();
  await tabs.getByRole("link", { name: "Suivis (1)" }).click();
  await expect(tabs.getByRole("link", { name: "Suivis (1)" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: dossier.number })).toBeVisible();

  // Saves this view, then opens it again from a bare queue.
  const filterName = `Mes suivis ${suffix}`;
  await page.getByLabel("Nom du filtre").fill(filterName);
  await page.getByRole("button", { name: "Enregistrer ce filtre" }).click();
  await expect(page.getByText(`Filtre « ${filterName} » enregistré.`)).toBeVisible();
  await page.goto("/instruction/dossiers");
  const saved = page.getByRole("region", { name: "Mes filtres enregistrés" });
  await saved.getByRole("link", { name: filterName }).click();
  await expect(page).toHaveURL(new RegExp(`onglet=suivis&appel=${call.id}`));
  await expect(tabs.getByRole("link", { name: "Suivis (1)" })).toHaveAttribute("aria-current", "page");
  await expect(saved.getByRole("link", { name: filterName })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: dossier.number })).toBeVisible();
  await expectAccessible(page);

  // The same name again: refused in French, the name typed kept.
  await page.getByLabel("Nom du filtre").fill(filterName);
  await page.getByRole("button", { name: "Enregistrer ce filtre" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes filtres enregistrés" })).toBeVisible();
  await expect(page.getByText(`Vous avez déjà un filtre nommé « ${filterName} » : choisissez un autre nom.`).first()).toBeVisible();
  await expect(page.getByLabel("Nom du filtre")).toHaveValue(filterName);
  await expectAccessible(page);
  await page.getByLabel("Nom du filtre").fill(`${filterName} (bis)`);
  await page.getByRole("button", { name: "Enregistrer ce filtre" }).click();
  await expect(page.getByText(`Filtre « ${filterName} (bis) » enregistré.`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`onglet=suivis&appel=${call.id}`));

  // The reviewer sees the groups but cannot change them.
  await page.goto(`/instruction/appels/${call.id}/groupes`);
  await expect(page.getByText("Seul·es les administrateur·rices créent et modifient les groupes.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Créer le groupe" })).toHaveCount(0);
  await expectAccessible(page);
});
