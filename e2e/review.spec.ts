// Staff review of the dossiers of a call: a reviewer opens, scores, annotates and sends a dossier
// back for correction; the association reads the request and answers; the reviewer accepts.
// And what must never happen: members in /instruction, another association's dossier, private
// notes shown to an association, a conflicted reviewer scoring, an amount above the request.
import type { Browser, Page } from "@playwright/test";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

// Long journeys with axe on large pages, on a shared machine.
test.describe.configure({ timeout: 240_000 });

const memberThreadUrl = (associationId: string, dossierId: string) =>
  `/espace/associations/${associationId}/dossiers/${dossierId}/messages`;

test("a reviewer scores, sends back for correction, the association answers, the reviewer accepts", async ({ page, browser }) => {
  const db = getDb();
  const reviewer = await loginAs(page, "staff", { name: "Inès Instructrice" });
  const memberPage = await newPage(browser);
  const member = await loginAs(memberPage, "member", { representative: true, association: { name: "Les Connectés de Planoise Revue" } });
  const call = await createCall(db, {
    title: `Inclusion numérique ${Date.now().toString(36)}`,
    reviewerIds: [reviewer.id],
    envelopeCents: 10_000_00,
    requiredAttachments: [],
  });
  const dossier = await createDossier(db, {
    callId: call.id,
    associationId: member.associationId!,
    state: "en_construction",
    requestedCents: 8_000_00,
  });
  // Another dossier of the same call, already accepted, so the ranking overflows the envelope.
  const other = await loginAs(await newPage(browser), "member", { representative: true });
  await createDossier(db, { callId: call.id, associationId: other.associationId!, state: "accepte", requestedCents: 6_000_00 });

  // The queue, from the staff home.
  await page.goto("/instruction");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Voir les dossiers à instruire" }).click();
  await expect(page.getByRole("heading", { name: "Dossiers à instruire" })).toBeVisible();
  await page.getByLabel("Appel à projets").selectOption(call.id);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByText("2 dossiers trouvés")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: dossier.number }).click();

  // Open for instruction, then score.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(dossier.number);
  await expect(page.getByRole("heading", { name: "Identification de l'association" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Passer en instruction" }).click();
  await expect(page.getByText("Le dossier est en instruction")).toBeVisible();
  await page.getByLabel(/Adéquation aux priorités/).fill("8");
  await page.getByLabel(/Qualité et faisabilité/).fill("6");
  await page.getByLabel(/Solidité financière/).fill("7");
  await page.getByRole("button", { name: "Enregistrer ma notation" }).click();
  await expect(page.getByText("Votre notation est enregistrée.")).toBeVisible();
  // 0,40 × 8 + 0,35 × 6 + 0,25 × 7 = 7,05
  await expect(page.getByText("7,05 / 10")).toBeVisible();
  await expectAccessible(page);

  // A private note, then the request for correction.
  const privateNote = `Note interne ${Date.now().toString(36)} : vérifier les comptes 2025`;
  await page.getByLabel("Nouvelle annotation privée").fill(privateNote);
  await page.getByRole("button", { name: "Ajouter l'annotation" }).click();
  await expect(page.getByText(privateNote)).toBeVisible();
  const correction = "Le budget prévisionnel ne mentionne pas le cofinancement de la Ville : merci de le préciser.";
  await page.getByLabel("Corrections demandées à l'association").fill(correction);
  await page.getByRole("button", { name: "Renvoyer pour correction" }).click();
  await expect(page.getByText("renvoyé en construction")).toBeVisible();
  await expect(page.locator(".badge").first()).toHaveText("En construction");
  await expectAccessible(page);

  const mail = await waitForMail(member.email, /corrections demandées/);
  expect(mail.text).toContain(correction);

  // The association reads the request on its dossier page and in the thread (never the private note), and answers.
  const memberDossierUrl = `/espace/associations/${member.associationId}/dossiers/${dossier.id}`;
  await memberPage.goto(memberDossierUrl);
  await expect(memberPage.getByRole("heading", { name: "Le CCAS vous demande de corriger le dossier" })).toBeVisible();
  await expect(memberPage.getByText(correction)).toBeVisible();
  expect(await memberPage.content()).not.toContain(privateNote);
  await expectAccessible(memberPage);
  await memberPage.goto(memberThreadUrl(member.associationId!, dossier.id));
  await expect(memberPage.getByText(correction)).toBeVisible();
  await expect(memberPage.getByText(privateNote)).toHaveCount(0);
  expect(await memberPage.content()).not.toContain(privateNote);
  await expectAccessible(memberPage);
  await memberPage.getByLabel("Message au CCAS").fill("Nous avons ajouté le cofinancement de la Ville (2 500 €).");
  await memberPage.getByRole("button", { name: "Envoyer le message" }).click();
  await expect(memberPage.getByText("Message envoyé au CCAS.")).toBeVisible();
  await waitForMail(reviewer.email, /nouveau message de Les Connectés de Planoise Revue/);

  // The association corrects the project step and files the dossier again, through its own pages.
  await memberPage.goto(`${memberDossierUrl}/projet`);
  await expectAccessible(memberPage);
  await memberPage
    .getByLabel("Objectifs")
    .fill("Réduire l'isolement ; faciliter l'accès aux droits ; cofinancement de la Ville de 2 500 € confirmé.");
  await memberPage.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(memberPage).not.toHaveURL(/\/projet$/);
  await memberPage.goto(memberDossierUrl);
  await memberPage.getByRole("button", { name: "Déposer le dossier corrigé" }).click();
  await expect(memberPage.getByText(/Dossier corrigé déposé de nouveau/)).toBeVisible();
  expect(
    ((await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).data as { projet: { objectives: string } }).projet.objectives,
  ).toContain("cofinancement de la Ville");

  // The reviewer sees the answer, opens the dossier again and accepts, within the amount requested.
  await page.reload();
  await expect(page.getByText("Nous avons ajouté le cofinancement de la Ville")).toBeVisible();
  await page.getByRole("button", { name: "Passer en instruction" }).click();
  await expect(page.getByText("Le dossier est en instruction")).toBeVisible();
  await page.getByLabel("Montant accordé (€)").fill("8 500");
  await page.getByRole("button", { name: "Accepter le dossier" }).click();
  await expect(page.getByRole("alert")).toContainText("ne peut pas dépasser le montant demandé");
  expect((await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).state).toBe("en_instruction");
  await expectAccessible(page);
  await page.getByLabel("Montant accordé (€)").fill("7 500");
  await page.getByRole("button", { name: "Accepter le dossier" }).click();
  await expect(page.getByText("Dossier accepté")).toBeVisible();
  const decided = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
  expect(decided).toMatchObject({ state: "accepte", proposedCents: 7_500_00 });
  expect(await db.subsidy.findUnique({ where: { dossierId: dossier.id } })).not.toBeNull();
  await expect(page.getByRole("cell", { name: "Renvoi pour correction" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Nouveau dépôt après correction" })).toBeVisible();
  await expect(page.getByRole("cell", { name: correction })).toBeVisible();
  await expectAccessible(page);

  const decision = await waitForMail(member.email, /décision du CCAS/);
  expect(decision.text).toMatch(/accepté/);
  expect(decision.text).toMatch(/7\s500,00/);

  // The association sees the decision, and the thread, on its dossier page.
  await memberPage.goto(memberDossierUrl);
  await expect(memberPage.getByRole("heading", { name: "Décision du CCAS : Accepté" })).toBeVisible();
  await expect(memberPage.getByText(/Montant accordé : 7\s500,00/)).toBeVisible();
  await expect(memberPage.getByText("Nous avons ajouté le cofinancement de la Ville (2 500 €).")).toBeVisible();
  expect(await memberPage.content()).not.toContain(privateNote);
  await expectAccessible(memberPage);
  await memberPage.goto(memberThreadUrl(member.associationId!, dossier.id));
  await expect(memberPage.getByRole("heading", { name: "Décision du CCAS : Accepté" })).toBeVisible();
  await expect(memberPage.getByText(/Montant accordé : 7\s500,00/)).toBeVisible();
  expect(await memberPage.content()).not.toContain(privateNote);
  await expectAccessible(memberPage);

  // Ranking: 7 500 € accepted + 6 000 € requested elsewhere > 10 000 € envelope.
  await page.goto(`/instruction/appels/${call.id}/classement`);
  await expect(page.getByRole("heading", { name: "Enveloppe dépassée" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/instruction/appels/${call.id}/export`);
  await expectAccessible(page);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Télécharger en CSV" }).click();
  const download = await downloadPromise;
  const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
  expect(csv).toContain("Numéro;Association;Projet;État;Montant demandé (€);Montant accordé (€);Note moyenne /10");
  expect(csv).toContain(`${dossier.number};Les Connectés de Planoise Revue`);
  expect(csv).toContain("7500,00;7,05");
  await memberPage.context().close();
});

test("members stay out of instruction and of other associations' dossiers", async ({ page }) => {
  const db = getDb();
  const member = await loginAs(page, "member", { representative: true });
  const response = await page.goto("/instruction/dossiers");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await expectAccessible(page);

  const call = await createCall(db, {});
  const stranger = await db.association.findFirstOrThrow({ where: { slug: "toit-commun" } });
  const theirs = await createDossier(db, { callId: call.id, associationId: stranger.id, state: "en_construction" });
  const mine = await createDossier(db, { callId: call.id, associationId: member.associationId!, state: "en_construction" });
  await db.annotation.create({ data: { dossierId: mine.id, authorId: call.reviewers[0].userId, body: "Annotation secrète du CCAS" } });

  const other = await page.goto(memberThreadUrl(stranger.id, theirs.id));
  expect(other?.status()).toBe(404);
  // Their dossier under my association's URL: 404 as well.
  const crossed = await page.goto(memberThreadUrl(member.associationId!, theirs.id));
  expect(crossed?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expectAccessible(page);
  const post = await page.request.post(memberThreadUrl(member.associationId!, theirs.id), {
    headers: { Origin: new URL(page.url()).origin },
    form: { body: "Intrusion" },
  });
  expect(post.status()).toBe(404);
  expect(await db.message.count({ where: { dossierId: theirs.id } })).toBe(0);

  const own = await page.goto(memberThreadUrl(member.associationId!, mine.id));
  expect(own?.status()).toBe(200);
  expect(await page.content()).not.toContain("Annotation secrète du CCAS");
  await expectAccessible(page);
  const staffPage = await page.request.get(`/instruction/dossiers/${mine.id}`);
  expect(staffPage.status()).toBe(403);
});

test("a reviewer with a conflict of interest cannot score; staff of other calls cannot open the dossier", async ({ page, browser }) => {
  const db = getDb();
  const reviewer = await loginAs(page, "staff");
  const call = await createCall(db, { reviewerIds: [reviewer.id] });
  const association = await db.association.findFirstOrThrow({ where: { slug: "toit-commun" } });
  const dossier = await createDossier(db, { callId: call.id, associationId: association.id, state: "en_instruction" });

  await page.goto(`/instruction/dossiers/${dossier.id}`);
  await expect(page.getByRole("button", { name: "Enregistrer ma notation" })).toBeVisible();
  await page.getByText("Un conflit d'intérêts ?").click();
  await page.getByLabel("Motif du conflit d'intérêts").fill("Je suis bénévole dans cette association.");
  await page.getByRole("button", { name: "Déclarer un conflit d'intérêts" }).click();
  await expect(page.getByText("Conflit d'intérêts déclaré : vous ne noterez pas ce dossier.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Enregistrer ma notation" })).toHaveCount(0);
  await expectAccessible(page);

  // Posting the grid anyway is refused by the server.
  const form: Record<string, string> = { intent: "score" };
  for (const c of call.criteria) form[`score_${c.id}`] = "10";
  const post = await page.request.post(`/instruction/dossiers/${dossier.id}`, { headers: { Origin: new URL(page.url()).origin }, form });
  expect(post.status()).toBe(400);
  expect(await post.text()).toContain("conflit d'intérêts");
  expect(await db.score.count({ where: { dossierId: dossier.id } })).toBe(0);

  const outsiderPage = await newPage(browser);
  await loginAs(outsiderPage, "staff");
  const response = await outsiderPage.goto(`/instruction/dossiers/${dossier.id}`);
  expect(response?.status()).toBe(403);
  await expectAccessible(outsiderPage);
  await outsiderPage.context().close();
});
