// Consultations of the network (issue 18): staff build a questionnaire with one question of each
// kind (a validation error first, what was typed kept) and publish it; members of two associations
// answer (a required question left empty first → its message, what was ticked kept), one edits
// its answer; staff read the results (counts, mean, free texts, shown as text) and download the
// CSV (one row per association, a formula neutralised).
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { toParisInputValue } from "../app/lib/format";
import { createEvent } from "../prisma/factories/event";
import { expect, expectAccessible, getDb, loginAs, test } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

test.describe.configure({ timeout: 180_000 });

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

const MINUTE = 60_000;
const XSS = `<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 1">`;

async function addQuestion(
  page: Page,
  q: { kind: string; label: string; required?: boolean; choices?: string; scale?: [string, string, string, string] },
) {
  await page.getByLabel("Type de question").selectOption(q.kind);
  await page.getByLabel("Intitulé").fill(q.label);
  if (q.required) await page.getByLabel("Réponse obligatoire").check();
  if (q.choices) await page.getByLabel("Choix proposés").fill(q.choices);
  if (q.scale) {
    await page.getByLabel("Minimum de l'échelle").fill(q.scale[0]);
    await page.getByLabel("Maximum de l'échelle").fill(q.scale[1]);
    await page.getByLabel("Libellé du minimum").fill(q.scale[2]);
    await page.getByLabel("Libellé du maximum").fill(q.scale[3]);
  }
  await page.getByRole("button", { name: "Ajouter la question" }).click();
  await expect(page.getByText("Question ajoutée.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: q.label })).toBeVisible();
}

test("a consultation built by staff, answered by two associations, its results and CSV", async ({ page, browser }) => {
  const tag = Date.now().toString(36) + Math.floor(Math.random() * 1e4);
  const title = `Rencontre annuelle ${tag}`;
  await loginAs(page, "staff", { name: "Camille Consultation" });
  const meeting = await createEvent(getDb(), { audience: "associations", title: `Rencontre du réseau ${tag}` });

  // Staff: from the home card to a new consultation; a closing before the opening first.
  await page.goto("/instruction");
  await page.getByRole("link", { name: "Gérer les consultations" }).click();
  await expect(page).toHaveURL(/\/instruction\/consultations$/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nouvelle consultation" }).click();
  await expect(page).toHaveURL(/\/instruction\/consultations\/nouvelle$/);
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Présentation").fill("Vos attentes et vos difficultés, avant la rencontre annuelle.");
  await page.getByLabel("Ouverture").fill(toParisInputValue(new Date(Date.now() - 5 * MINUTE)));
  await page.getByLabel("Clôture").fill(toParisInputValue(new Date(Date.now() - 60 * MINUTE)));
  await page.getByLabel("Événement lié").selectOption(meeting.id);
  await page.getByRole("button", { name: "Créer la consultation" }).click();
  await expect(page.getByText("Clôture : la consultation doit se clore après son ouverture.").first()).toBeVisible();
  await expect(page.getByLabel("Titre")).toHaveValue(title);
  await expect(page.getByLabel("Événement lié")).toHaveValue(meeting.id);
  await expectAccessible(page);
  await page.getByLabel("Clôture").fill(toParisInputValue(new Date(Date.now() + 3 * 24 * 60 * MINUTE)));
  await page.getByRole("button", { name: "Créer la consultation" }).click();
  await expect(page).toHaveURL(/\/instruction\/consultations\/[^/]+$/);
  await expect(page.getByText("Consultation créée.")).toBeVisible();
  const consultationUrl = page.url();

  // One question of each kind; a choice question with one choice is refused first.
  await page.getByLabel("Type de question").selectOption("single");
  await page.getByLabel("Intitulé").fill("Participerez-vous à la rencontre ?");
  await page.getByLabel("Choix proposés").fill("Oui");
  await page.getByRole("button", { name: "Ajouter la question" }).click();
  await expect(page.getByText("Choix proposés : de 2 à 12 choix, un par ligne.").first()).toBeVisible();
  await expect(page.getByLabel("Intitulé")).toHaveValue("Participerez-vous à la rencontre ?");
  await page.getByLabel("Choix proposés").fill("Oui\nNon\nPas encore décidé");
  await page.getByLabel("Réponse obligatoire").check();
  await page.getByRole("button", { name: "Ajouter la question" }).click();
  await expect(page.getByText("Question ajoutée.")).toBeVisible();
  await addQuestion(page, { kind: "multiple", label: "Vos difficultés du moment", choices: "Locaux\nBénévoles\nFinancements" });
  await addQuestion(page, {
    kind: "scale",
    label: "Satisfaction envers le réseau",
    required: true,
    scale: ["1", "5", "Pas du tout", "Tout à fait"],
  });
  await addQuestion(page, { kind: "text", label: "Vos attentes pour l'année" });
  // Move the free text above the scale, then back: the order is the staff's.
  await page.getByRole("button", { name: "Monter la question « Vos attentes pour l'année »" }).click();
  await expect(page.getByText("Ordre des questions enregistré.")).toBeVisible();
  await page.getByRole("button", { name: "Descendre la question « Vos attentes pour l'année »" }).click();
  await expect(page.getByText("Ordre des questions enregistré.")).toBeVisible();
  await expect(page.locator("section[aria-labelledby=questions] ol > li > strong")).toHaveText([
    "Participerez-vous à la rencontre ?",
    "Vos difficultés du moment",
    "Satisfaction envers le réseau",
    "Vos attentes pour l'année",
  ]);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Publier la consultation" }).click();
  await expect(page.getByText("Consultation publiée")).toBeVisible();
  await expect(page.getByText("État : Ouverte")).toBeVisible();

  // Association X: a required question left empty first.
  const xPage = await newPage(browser);
  const x = await loginAs(xPage, "member", { association: { name: `Épicerie du lien ${tag}` } });
  await xPage.goto(`/espace/associations/${x.associationId}/consultations`);
  await expectAccessible(xPage);
  await xPage.getByRole("link", { name: `Répondre : ${title}` }).click();
  await expect(xPage).toHaveURL(/\/consultations\/[^/]+$/);
  await expect(xPage.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await xPage.getByRole("radio", { name: "Oui", exact: true }).check();
  await xPage.getByRole("checkbox", { name: "Locaux" }).check();
  await xPage.getByRole("checkbox", { name: "Bénévoles" }).check();
  await xPage.getByLabel("Vos attentes pour l'année").fill(`Un local partagé ${XSS}`);
  await xPage.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(xPage.getByText("« Satisfaction envers le réseau » : cette question demande une réponse.").first()).toBeVisible();
  await expect(xPage.getByRole("radio", { name: "Oui", exact: true })).toBeChecked();
  await expect(xPage.getByRole("checkbox", { name: "Bénévoles" })).toBeChecked();
  await expectAccessible(xPage);
  await xPage.getByRole("radio", { name: "4", exact: true }).check();
  await xPage.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(xPage.getByText("Merci : la réponse de votre association est enregistrée.")).toBeVisible();
  await expect(xPage.getByRole("link", { name: `Modifier ma réponse : ${title}` })).toBeVisible();
  // The event's page shows the consultation tied to it, with the link to answer.
  await xPage.goto(`/evenements/${meeting.slug}`);
  await expect(xPage.getByRole("heading", { name: "Consultation liée" })).toBeVisible();
  await expect(xPage.getByRole("link", { name: title, exact: true })).toHaveAttribute(
    "href",
    new RegExp(`/espace/associations/${x.associationId}/consultations/`),
  );
  await expectAccessible(xPage);

  // Association Y answers, then edits its answer.
  const yPage = await newPage(browser);
  const y = await loginAs(yPage, "member", { association: { name: `Jardins solidaires ${tag}` } });
  await yPage.goto(`/espace/associations/${y.associationId}/consultations`);
  await yPage.getByRole("link", { name: `Répondre : ${title}` }).click();
  await expect(yPage).toHaveURL(/\/consultations\/[^/]+$/);
  await yPage.getByRole("radio", { name: "Non", exact: true }).check();
  await yPage.getByRole("checkbox", { name: "Bénévoles" }).check();
  await yPage.getByRole("radio", { name: "1 – Pas du tout" }).check();
  await yPage.getByLabel("Vos attentes pour l'année").fill("=1+1 plus de rencontres");
  await yPage.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(yPage.getByText("Merci : la réponse de votre association est enregistrée.")).toBeVisible();
  await yPage.getByRole("link", { name: `Modifier ma réponse : ${title}` }).click();
  await expect(yPage).toHaveURL(/\/consultations\/[^/]+$/);
  await expect(yPage.getByRole("radio", { name: "1 – Pas du tout" })).toBeChecked();
  await expect(yPage.getByLabel("Vos attentes pour l'année")).toHaveValue("=1+1 plus de rencontres");
  await expectAccessible(yPage);
  await yPage.getByRole("radio", { name: "3", exact: true }).check();
  await yPage.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(yPage.getByText("La réponse de votre association est modifiée.")).toBeVisible();

  // Staff: the questions are now fixed; the results.
  await page.goto(consultationUrl);
  await expect(page.getByText("Les questions ne peuvent plus changer")).toBeVisible();
  await page.getByRole("link", { name: "Voir les résultats" }).click();
  await expect(page).toHaveURL(/\/resultats$/);
  await expect(page.getByTestId("respondents")).toHaveText("2 associations ont répondu.");
  const single = page.getByRole("table", { name: "Répartition des réponses : Participerez-vous à la rencontre ?" });
  await expect(single.getByRole("row", { name: /^Oui/ })).toContainText(["1", "50 %"].join(""));
  await expect(single.getByRole("row", { name: /^Non/ })).toContainText("150 %");
  await expect(single.getByRole("row", { name: /^Pas encore décidé/ })).toContainText("00 %");
  const multiple = page.getByRole("table", { name: "Répartition des réponses : Vos difficultés du moment" });
  await expect(multiple.getByRole("row", { name: /^Bénévoles/ })).toContainText("2100 %");
  await expect(page.getByText("Moyenne : 3,5")).toBeVisible();
  await expect(page.getByRole("img", { name: /Satisfaction envers le réseau/ })).toBeVisible();
  const texts = page.getByRole("region", { name: "4. Vos attentes pour l'année" });
  await expect(texts.getByRole("listitem").filter({ hasText: `Épicerie du lien ${tag}` })).toContainText(`Un local partagé ${XSS}`);
  await expect(texts.getByRole("listitem").filter({ hasText: `Jardins solidaires ${tag}` })).toContainText("=1+1 plus de rencontres");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expectAccessible(page);

  // The CSV: one row per association, the formula neutralised.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger les réponses (CSV)" }).click();
  const download = await downloadPromise;
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\ufeff/, "");
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe(
    "Association;Date de réponse;Participerez-vous à la rencontre ?;Vos difficultés du moment;Satisfaction envers le réseau;Vos attentes pour l'année",
  );
  expect(lines).toHaveLength(3);
  const yLine = lines.find((l) => l.startsWith(`Jardins solidaires ${tag};`));
  expect(yLine).toMatch(/;Non;Bénévoles;3;'=1\+1 plus de rencontres$/);
  const xLine = lines.find((l) => l.startsWith(`Épicerie du lien ${tag};`));
  expect(xLine).toContain(';Oui;"Locaux ; Bénévoles";4;');
});
