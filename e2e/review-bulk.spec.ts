// Bulk actions on a call's dossiers: a reviewer creates a label, selects three dossiers of the
// call, labels them, moves them to instruction (one already was: listed as skipped), exports the
// selection, then accepts two with different amounts through the confirmation step (a wrong
// amount first: nothing applied, what was typed kept) and reads the result of each; the
// subsidies exist with those amounts. Axe on every page.
import type { Browser, Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

test.describe.configure({ timeout: 240_000 });

test("a reviewer labels a selection, moves it to instruction and accepts two dossiers with their own amounts", async ({
  page,
  browser,
}) => {
  const db = getDb();
  const suffix = Date.now().toString(36);
  const reviewer = await loginAs(page, "staff", { name: "Bérénice Groupée" });
  const call = await createCall(db, {
    title: `Actions groupées ${suffix}`,
    reviewerIds: [reviewer.id],
    envelopeCents: 10_000_00,
    requiredAttachments: [],
  });
  const members = [];
  for (const name of ["Les Amis du 408", "Planoise Numérique", "Entraide Battant"]) {
    members.push(await loginAs(await newPage(browser), "member", { representative: true, association: { name: `${name} ${suffix}` } }));
  }
  const [d1, d2, d3] = [
    await createDossier(db, {
      callId: call.id,
      associationId: members[0].associationId!,
      state: "en_construction",
      requestedCents: 8_000_00,
    }),
    await createDossier(db, {
      callId: call.id,
      associationId: members[1].associationId!,
      state: "en_construction",
      requestedCents: 5_000_00,
    }),
    await createDossier(db, {
      callId: call.id,
      associationId: members[2].associationId!,
      state: "en_instruction",
      requestedCents: 3_000_00,
    }),
  ];
  const unselected = await createDossier(db, { callId: call.id, associationId: members[2].associationId!, state: "en_construction" });

  // From the queue filtered on the call, to the call's table.
  await page.goto(`/instruction/dossiers?appel=${call.id}`);
  await page.getByRole("link", { name: "Tableau et actions groupées" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossiers de l'appel : ${call.title}`);
  await expect(page.getByText("4 dossiers déposés, 0 sélectionné.")).toBeVisible();
  await expectAccessible(page);

  // A label for the call; the same name twice is refused.
  await page.getByRole("link", { name: "Gérer les étiquettes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Étiquettes : ${call.title}`);
  const labelName = `Comité de mars ${suffix}`;
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill(labelName);
  await page.getByRole("combobox", { name: "Couleur", exact: true }).selectOption("bleu");
  await page.getByRole("button", { name: "Créer l'étiquette" }).click();
  await expect(page.getByText(`Étiquette « ${labelName} » créée.`)).toBeVisible();
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill(labelName.toUpperCase());
  await page.getByRole("combobox", { name: "Couleur", exact: true }).selectOption("rouge");
  await page.getByRole("button", { name: "Créer l'étiquette" }).click();
  await expect(page.getByText(`Une étiquette « ${labelName} » existe déjà sur cet appel : choisissez un autre nom.`).first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Nom", exact: true })).toHaveValue(labelName.toUpperCase());
  await expectAccessible(page);
  expect(await db.callLabel.count({ where: { callId: call.id } })).toBe(1);

  // Select three dossiers and apply the label.
  await page.getByRole("link", { name: "‹ Tableau des dossiers de l'appel" }).click();
  for (const d of [d1, d2, d3]) await page.getByLabel(`Sélectionner le dossier ${d.number}`).check();
  await page.getByLabel("Étiquette à appliquer ou retirer").selectOption({ label: labelName });
  await page.getByRole("button", { name: "Appliquer l'étiquette" }).click();
  await expect(page.getByRole("heading", { name: `Étiquette « ${labelName} » appliquée : 3 dossiers` })).toBeVisible();
  for (const d of [d1, d2, d3]) {
    await expect(page.getByRole("row", { name: new RegExp(d.number) }).getByText(labelName)).toBeVisible();
    await expect(page.getByLabel(`Sélectionner le dossier ${d.number}`)).toBeChecked();
  }
  await expect(page.getByRole("row", { name: new RegExp(unselected.number) }).getByText(labelName)).toHaveCount(0);
  await expect(page.getByLabel(`Sélectionner le dossier ${unselected.number}`)).not.toBeChecked();
  await expectAccessible(page);

  // Move them to instruction: the one already there is listed with the reason.
  await page.getByRole("button", { name: "Passer en instruction" }).click();
  await expect(page.getByRole("heading", { name: "Passage en instruction : 2 dossiers, 1 dossier laissé de côté" })).toBeVisible();
  await expect(page.getByText(`${d3.number} : Déjà en instruction.`)).toBeVisible();
  for (const d of [d1, d2]) expect((await db.dossier.findUniqueOrThrow({ where: { id: d.id } })).state).toBe("en_instruction");
  expect((await db.dossier.findUniqueOrThrow({ where: { id: unselected.id } })).state).toBe("en_construction");

  // Export the selection as CSV.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exporter en CSV" }).click();
  const csv = await readFile((await (await downloadPromise).path())!, "utf8");
  for (const d of [d1, d2, d3]) expect(csv).toContain(d.number);
  expect(csv).not.toContain(unselected.number);
  expect(csv).toContain(labelName);

  // Accept two of them: the confirmation lists each with its own amount.
  await page.getByLabel(`Sélectionner le dossier ${d3.number}`).uncheck();
  await page.getByRole("button", { name: "Accepter…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Accepter les dossiers : ${call.title}`);
  const amount1 = page.getByLabel(`Montant accordé au dossier ${d1.number} (€)`);
  const amount2 = page.getByLabel(`Montant accordé au dossier ${d2.number} (€)`);
  await expect(amount1).toHaveValue("8000");
  await expect(amount2).toHaveValue("5000");
  await expectAccessible(page);
  await amount1.fill("7 000");
  await amount2.fill("quatre mille");
  await page.getByRole("button", { name: "Confirmer les 2 décisions" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "aucune décision n'a été appliquée" })).toContainText(
    `Montant accordé au dossier ${d2.number} : indiquez un montant en euros`,
  );
  await expect(amount1).toHaveValue("7 000");
  expect((await db.dossier.findUniqueOrThrow({ where: { id: d1.id } })).state).toBe("en_instruction");
  await expectAccessible(page);
  // 7 000 + 4 500,50 goes past the 10 000 € envelope: said before confirming.
  await amount2.fill("4 500,50");
  await page.getByRole("button", { name: "Recalculer le total" }).click();
  await expect(page.getByRole("heading", { name: "Enveloppe dépassée" })).toBeVisible();
  await expect(page.getByText(/Total des montants ci-dessous/).locator("xpath=following-sibling::dd[1]")).toHaveText(/11\s500,50\s€/);
  await page.getByRole("button", { name: "Confirmer les 2 décisions" }).click();

  // The result, dossier by dossier; the subsidies exist with those amounts.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Résultat des décisions : ${call.title}`);
  await expect(page.getByRole("heading", { name: "2 décisions appliquées" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(d1.number) })).toContainText(/Fait.*Subvention .* créée : 7\s000,00\s€/);
  await expect(page.getByRole("row", { name: new RegExp(d2.number) })).toContainText(/Fait.*4\s500,50\s€/);
  await expectAccessible(page);
  expect(await db.subsidy.findUnique({ where: { dossierId: d1.id } })).toMatchObject({ proposedCents: 7_000_00 });
  expect(await db.subsidy.findUnique({ where: { dossierId: d2.id } })).toMatchObject({ proposedCents: 4_500_50 });
  expect((await db.dossier.findUniqueOrThrow({ where: { id: d3.id } })).state).toBe("en_instruction");
  const mail = await waitForMail(members[1].email, /décision du CCAS/);
  expect(mail.text).toMatch(/4\s500,50/);

  // The table filtered on the label: « Tout sélectionner » ticks the rows shown.
  await page.getByRole("link", { name: "‹ Retour au tableau des dossiers de l'appel" }).click();
  await page.getByLabel("Étiquette", { exact: true }).selectOption({ label: labelName });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("3 dossiers déposés (sur 4), 0 sélectionné.")).toBeVisible();
  await page.getByRole("button", { name: "Tout sélectionner" }).click();
  await expect(page.getByText("3 dossiers déposés (sur 4), 3 sélectionnés.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(d1.number) })).toContainText("Accepté");
  await expectAccessible(page);

  // The label shows on the dossier page, where it can be taken off.
  await page.getByRole("link", { name: d1.number }).click();
  const section = page.locator("#etiquettes");
  await expect(section.getByRole("heading", { name: "Étiquettes" })).toBeVisible();
  await section.getByRole("button", { name: `Retirer l'étiquette « ${labelName} »` }).click();
  await expect(page.getByText(`Étiquette « ${labelName} » retirée.`)).toBeVisible();
  await expect(page.locator("#etiquettes").getByText("Aucune étiquette sur ce dossier.")).toBeVisible();
  await expectAccessible(page);

  // Deleting the label says how many dossiers still carry it.
  await page.goto(`/instruction/appels/${call.id}/etiquettes`);
  await page.getByRole("link", { name: `Supprimer « ${labelName} »…` }).click();
  await expect(page.getByText("2 dossiers portent cette étiquette : elle leur sera retirée.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Supprimer l'étiquette" }).click();
  await expect(page.getByText(`Étiquette « ${labelName} » supprimée et retirée de 2 dossiers.`)).toBeVisible();
  expect(await db.dossierLabel.count({ where: { dossierId: { in: [d1.id, d2.id, d3.id] } } })).toBe(0);
});

test("the table refuses an empty selection and a dossier of another call, keeping what was typed", async ({ page }) => {
  const db = getDb();
  const reviewer = await loginAs(page, "staff");
  const member = await loginAs(await (await page.context().browser()!.newContext({ baseURL: E2E_URL })).newPage(), "member", {
    representative: true,
  });
  const call = await createCall(db, { title: `Sélection ${Date.now().toString(36)}`, reviewerIds: [reviewer.id], requiredAttachments: [] });
  const other = await createCall(db, { reviewerIds: [reviewer.id], requiredAttachments: [] });
  const mine = await createDossier(db, { callId: call.id, associationId: member.associationId!, state: "en_construction" });
  const foreign = await createDossier(db, { callId: other.id, associationId: member.associationId!, state: "en_construction" });

  await page.goto(`/instruction/appels/${call.id}/dossiers`);
  await page.getByLabel(/Message à chaque association/).fill("Bonjour, le comité se réunit le 12 mars.");
  await page.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sélectionnez au moins un dossier dans le tableau." })).toBeVisible();
  await expect(page.getByLabel(/Message à chaque association/)).toHaveValue("Bonjour, le comité se réunit le 12 mars.");
  await expectAccessible(page);

  // A selection with an empty message: the message is asked for, the selection stays ticked.
  await page.getByLabel(`Sélectionner le dossier ${mine.number}`).check();
  await page.getByLabel(/Message à chaque association/).fill("");
  await page.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(page.getByText("Message : ce champ est obligatoire.")).toBeVisible();
  await expect(page.getByLabel(`Sélectionner le dossier ${mine.number}`)).toBeChecked();
  expect(await db.message.count({ where: { dossierId: mine.id } })).toBe(0);

  // A forged post naming another call's dossier: refused in French, nothing sent.
  const response = await page.request.post(`/instruction/appels/${call.id}/dossiers`, {
    headers: { Origin: new URL(page.url()).origin },
    form: { intent: "start_instruction", dossierId: foreign.id },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("n&#x27;est pas (ou plus) un dossier déposé de cet appel");
  expect((await db.dossier.findUniqueOrThrow({ where: { id: foreign.id } })).state).toBe("en_construction");
  expect((await db.dossier.findUniqueOrThrow({ where: { id: mine.id } })).state).toBe("en_construction");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reviewer refuses two dossiers, each with its reason, through the confirmation step", async ({ page }) => {
    const db = getDb();
    const reviewer = await loginAs(page, "staff");
    const member = await loginAs(await (await page.context().browser()!.newContext({ baseURL: E2E_URL })).newPage(), "member", {
      representative: true,
    });
    const call = await createCall(db, {
      title: `Sans script ${Date.now().toString(36)}`,
      reviewerIds: [reviewer.id],
      requiredAttachments: [],
    });
    const [r1, r2] = [
      await createDossier(db, { callId: call.id, associationId: member.associationId!, state: "en_instruction" }),
      await createDossier(db, { callId: call.id, associationId: member.associationId!, state: "en_instruction" }),
    ];

    await page.goto(`/instruction/appels/${call.id}/dossiers`);
    await page.getByRole("button", { name: "Tout sélectionner" }).click();
    await expect(page.getByText("2 dossiers déposés, 2 sélectionnés.")).toBeVisible();
    await page.getByRole("button", { name: "Refuser…" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Refuser les dossiers : ${call.title}`);
    await page.getByLabel(`Motif pour le dossier ${r1.number}`).fill("Le projet sort du champ de l'appel.");
    await page.getByRole("button", { name: "Confirmer les 2 décisions" }).click();
    // The second reason is missing: nothing applied, the first reason kept.
    await expect(page.getByText(`Motif du refus du dossier ${r2.number} : ce champ est obligatoire.`).first()).toBeVisible();
    await expect(page.getByLabel(`Motif pour le dossier ${r1.number}`)).toHaveValue("Le projet sort du champ de l'appel.");
    expect((await db.dossier.findUniqueOrThrow({ where: { id: r1.id } })).state).toBe("en_instruction");
    await page.getByLabel(`Motif pour le dossier ${r2.number}`).fill("Le budget ne mentionne aucun cofinancement.");
    await page.getByRole("button", { name: "Confirmer les 2 décisions" }).click();
    await expect(page.getByRole("heading", { name: "2 décisions appliquées" })).toBeVisible();
    expect(await db.dossier.findUniqueOrThrow({ where: { id: r2.id } })).toMatchObject({
      state: "refuse",
      decisionReason: "Le budget ne mentionne aucun cofinancement.",
    });
    // (axe needs scripts: these pages are checked by the journey above.)
  });
});
