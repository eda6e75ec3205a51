// Stored XSS: hostile text in every free-text field a user controls (association, dossier,
// messages, annotations, events, charter, call, subsidy, documents, search), then every page
// that shows it, in Chromium, as the users who see it. The CSP already stops inline handlers,
// so what proves the rendering safe is the DOM: no injected element, no javascript: link,
// no on* attribute — while the hostile text itself is on the page, as text.
import type { Page } from "@playwright/test";
import { createAssociation } from "../prisma/factories/association";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { createEvent } from "../prisma/factories/event";
import { createCallIndicator, createProjectIndicator } from "../prisma/factories/steering";
import { addMembership, createUser } from "../prisma/factories/user";
import { expect, getDb, loginAs, signIn, test, uniqueEmail } from "./support/fixtures";

const word = () => `xss${Date.now().toString(36).replace(/\d/g, "")}${Math.random().toString(36).slice(2, 7).replace(/\d/g, "")}`;

const IMG = `"><img src=x id=xss-img onerror="window.__xss=1">`;
const SCRIPT = `<script id="xss-script">window.__xss=1</script>`;
const SVG = `</textarea></title><svg id="xss-svg" onload="window.__xss=1">`;
const LINK = `<a id="xss-a" href="javascript:window.__xss=1">lien</a>`;
/** For plain-text fields: everything at once. */
const TEXT = `${IMG} ${SCRIPT} ${SVG} ${LINK} javascript:alert(1)`;
/** For Markdown fields: a javascript: link in Markdown syntax, and raw HTML. */
const MARKDOWN = [
  "Texte de [cliquez ici](javascript:window.__xss=1) et [autre](JaVaScRiPt:alert(1)).",
  `<img src=x id=xss-img onerror="window.__xss=1">`,
  SCRIPT,
  `<iframe id="xss-iframe" src="javascript:alert(1)"></iframe>`,
  `<p onclick="window.__xss=1" id="xss-p">paragraphe</p>`,
  LINK,
  SVG,
].join("\n\n");

const dialogs: string[] = [];
function watch(page: Page) {
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return page;
}

/** No script ran, nothing from the data became an element, a javascript: link or an event handler. */
async function expectNothingInjected(page: Page, where: string) {
  expect(dialogs, `dialogue sur ${where}`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `window.__xss sur ${where}`).toBeUndefined();
  await expect(page.locator("#xss-img, #xss-script, #xss-svg, #xss-a, #xss-iframe, #xss-p"), where).toHaveCount(0);
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) bad.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
        if (["href", "src", "action", "formaction", "xlink:href"].includes(attr.name) && /^\s*javascript:/i.test(attr.value))
          bad.push(`${el.tagName.toLowerCase()}[${attr.name}=${attr.value}]`);
      }
    }
    return bad;
  });
  expect(found, `attributs injectés sur ${where}`).toEqual([]);
}

/** Visits a page, checks it answered and shows `visible` (the hostile text, as text), then the DOM. */
async function visit(page: Page, url: string, visible: string | RegExp) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expect(page.locator("main, body").first()).toContainText(visible);
  await expectNothingInjected(page, url);
}

/** What the form fields hold: hostile text put back into inputs and textareas stays their value. */
async function fieldValues(page: Page) {
  return page.evaluate(() => Array.from(document.querySelectorAll("input, textarea")).map((el) => (el as HTMLInputElement).value));
}

const db = () => getDb();

let w: string;
let association: { id: string; slug: string };
let staffId: string;
let callId: string;
let callSlug: string;
let dossierId: string;
let draftId: string;
let eventId: string;
let eventSlug: string;
let subsidyId: string;
let memberId: string;

test.beforeAll(async () => {
  w = word();
  const d = db();
  const created = await createAssociation(d, {
    name: `Entraide ${w} ${IMG}`,
    acronym: null,
    socialObject: `Objet ${w} ${TEXT}`,
    description: `Description ${w} ${TEXT}`,
    receptionHours: `Lundi ${SVG}`,
    // Hours beyond the form's syntax are shown as text on the directory page.
    openingHours: `Mo ${SVG}`,
    website: "javascript:window.__xss=1",
    status: "validated",
  });
  association = created;
  // Into the search index through the outbox the portal processes in the background.
  await d.searchSyncJob.create({ data: { associationId: created.id } });

  const member = await createUser(d, { role: "member", email: uniqueEmail("membre-xss"), name: `Membre ${IMG}` });
  await addMembership(d, member.id, created.id, true, `Présidente ${SCRIPT}`);
  memberId = member.id;
  const staff = await createUser(d, { role: "staff", email: uniqueEmail("staff-xss"), name: "Instructrice XSS" });
  staffId = staff.id;

  const call = await createCall(d, {
    title: `Appel ${w} ${IMG}`,
    summary: `Résumé ${TEXT}`,
    body: `## Objet ${w}\n\n${MARKDOWN}`,
    reviewerIds: [staff.id],
    requiredAttachments: ["statuts"],
  });
  callId = call.id;
  callSlug = call.slug;

  const hostileDossier = {
    projet: {
      title: `Projet ${w} ${IMG}`,
      objectives: `Objectifs ${TEXT}`,
      description: `Description du projet ${TEXT}`,
      fields: ["lutte-isolement"],
      publics: ["personnes-isolees"],
      beneficiaries: "40",
      territory: "planoise",
      means: `Moyens ${SVG}`,
      startDate: `${new Date().getFullYear() + 1}-01-15`,
      durationMonths: "12",
      indicators: `Indicateurs ${SCRIPT}`,
    },
  };
  const dossier = await createDossier(d, {
    callId,
    associationId: created.id,
    state: "en_instruction",
    title: `Projet ${w} ${IMG}`,
    data: hostileDossier,
    signerId: member.id,
  });
  dossierId = dossier.id;
  const draft = await createDossier(d, { callId, associationId: created.id, state: "brouillon", data: hostileDossier });
  draftId = draft.id;
  await d.message.create({ data: { dossierId, authorId: member.id, fromStaff: false, body: `Question ${w} ${TEXT}` } });
  await d.message.create({ data: { dossierId, authorId: staff.id, fromStaff: true, body: `Réponse ${w} ${MARKDOWN}` } });
  await d.annotation.create({ data: { dossierId, authorId: staff.id, body: `Annotation ${w} ${TEXT}` } });
  await d.document.create({
    data: {
      associationId: created.id,
      kind: "statuts",
      label: `Statuts ${w} ${IMG}`,
      originalName: `${SCRIPT}.pdf`,
      storedName: `xss-${w}.pdf`,
      mimeType: "application/pdf",
      size: 1234,
      sha256: "0".repeat(64),
      uploadedById: member.id,
    },
  });

  const event = await createEvent(d, {
    title: `Atelier ${w} ${IMG}`,
    description: `Programme ${TEXT}`,
    place: `Salle ${SVG}`,
    onlineUrl: "javascript:window.__xss=1",
    audience: "public",
  });
  eventId = event.id;
  eventSlug = event.slug;

  const subsidy = await d.subsidy.create({
    data: {
      number: `SUB-XSS-${w}`,
      associationId: created.id,
      dossierId,
      purpose: `Objet ${w} ${TEXT}`,
      requestedCents: 5_000_00,
      proposedCents: 4_000_00,
      financialYear: new Date().getFullYear(),
    },
  });
  subsidyId = subsidy.id;

  // Steering (issue 17): a CPO year with a hostile objective and review meeting, a hostile indicator
  // of the dossier, and the open compte rendu that asks its value (its name in the form's labels).
  await d.subsidy.update({ where: { id: subsidy.id }, data: { multiYear: true } });
  await d.subsidyYear.create({ data: { subsidyId: subsidy.id, year: subsidy.financialYear, amountCents: 4_000_00 } });
  const indicator = await d.projectIndicator.create({
    data: { dossierId, name: `Indicateur ${w} ${TEXT}`, kind: "resultats", unit: "personnes", target: 10, position: 0 },
  });
  await d.financialReport.create({
    data: { subsidyId: subsidy.id, financialYear: subsidy.financialYear, dueDate: new Date(Date.now() + 200 * 24 * 3600_000) },
  });
  await d.agreementObjective.create({
    data: {
      subsidyId: subsidy.id,
      year: subsidy.financialYear,
      title: `Objectif ${w} ${TEXT}`,
      indicatorId: indicator.id,
      target: 12,
      position: 0,
    },
  });
  await d.reviewMeeting.create({
    data: {
      subsidyId: subsidy.id,
      year: subsidy.financialYear,
      heldOn: new Date(),
      participants: `Participants ${w} ${TEXT}`,
      notes: `Échanges ${w} ${TEXT}`,
      decisions: `Décisions ${SVG}`,
    },
  });
});

test("the public directory, search and search-as-you-type show hostile text as text", async ({ page }) => {
  watch(page);
  // The index catches up within the outbox interval.
  await expect(async () => {
    await page.goto(`/annuaire?q=${w}`);
    await expect(page.locator(".results")).toContainText(`Entraide ${w}`);
  }).toPass({ timeout: 45_000 });
  await expect(page.locator(".results mark").first()).toBeVisible();
  await expect(page.locator(".results")).toContainText(IMG);
  await expectNothingInjected(page, "/annuaire?q=…");

  await visit(page, `/annuaire/${association.slug}`, `Description ${w} ${TEXT}`);
  // A stored javascript: website is not turned into a link (checked above with every other attribute).

  for (const q of [IMG, SCRIPT, SVG, "javascript:alert(1)", `${w} ${IMG}`]) {
    await page.goto(`/annuaire?q=${encodeURIComponent(q)}`);
    await expect(page.getByRole("status").filter({ hasText: "pour « " })).toContainText(q.trim());
    await expectNothingInjected(page, `/annuaire?q=${q}`);
  }

  await page.goto("/annuaire");
  const search = page.getByLabel("Rechercher une association, un besoin, un mot-clé");
  await search.fill(`${w} ${IMG}`);
  await expect(page).toHaveURL(new RegExp(`q=${w}`));
  await expect(page.getByRole("status").filter({ hasText: "pour « " })).toContainText(IMG);
  await expectNothingInjected(page, "recherche pendant la frappe");
  await search.fill(SCRIPT);
  await expect(page.getByRole("status").filter({ hasText: "pour « " })).toContainText(SCRIPT);
  await expectNothingInjected(page, "recherche pendant la frappe (script)");

  const api = await page.request.get(`/api/associations?q=${encodeURIComponent(w)}`);
  expect(api.headers()["content-type"]).toContain("application/json");
});

test("the call page renders its Markdown without scripts or javascript: links", async ({ page }) => {
  watch(page);
  await visit(page, `/appels-a-projets/${callSlug}`, `Objet ${w}`);
  await expect(page.locator(".prose")).toContainText("cliquez ici");
  await visit(page, "/appels-a-projets", `Appel ${w} ${IMG}`);
});

test("the public page of what the CCAS funded shows hostile names and purposes as text", async ({ page }) => {
  watch(page);
  // A voted grant of its own, in a year no other journey funds.
  await db().subsidy.create({
    data: {
      number: `SUB-XSS-F-${w}`,
      associationId: association.id,
      purpose: `Financé ${w} ${IMG}`,
      requestedCents: 1_000_00,
      proposedCents: 1_000_00,
      votedCents: 1_000_00,
      financialYear: 2099,
    },
  });
  await visit(page, "/financements?annee=2099", `Financé ${w} ${IMG}`);
  await expect(page.locator("body")).toContainText(`Entraide ${w} ${IMG}`);
});

test("event pages, public and staff", async ({ page }) => {
  watch(page);
  await visit(page, "/evenements", `Atelier ${w} ${IMG}`);
  await visit(page, `/evenements/${eventSlug}`, `Programme ${TEXT}`);
  await expect(page.locator("dd").filter({ hasText: /^javascript:window\.__xss=1$/ })).toHaveCount(1);
  await signIn(page, staffId);
  await visit(page, "/instruction/evenements", `Atelier ${w} ${IMG}`);
  await visit(page, `/instruction/evenements/${eventId}`, `Atelier ${w} ${IMG}`);
  await visit(page, `/instruction/evenements/${eventId}/modifier`, /Modifier/);
  expect(await fieldValues(page)).toEqual(expect.arrayContaining([`Atelier ${w} ${IMG}`, `Programme ${TEXT}`]));
});

test("member's dossier, step form, messages, documents and subsidy", async ({ page }) => {
  watch(page);
  await signIn(page, memberId);
  const base = `/espace/associations/${association.id}`;
  await visit(page, "/espace", `Entraide ${w}`);
  await visit(page, `${base}/dossiers`, `Projet ${w} ${IMG}`);
  await visit(page, `${base}/dossiers/${dossierId}`, `Projet ${w} ${IMG}`);
  await visit(page, `${base}/dossiers/${dossierId}/messages`, `Question ${w} ${TEXT}`);
  await expect(page.locator("main")).toContainText(`Réponse ${w}`);
  // The step form puts the text back into inputs and textareas: </textarea> does not break out.
  await visit(page, `${base}/dossiers/${draftId}/projet`, /Projet|projet/);
  expect(await fieldValues(page)).toEqual(expect.arrayContaining([`Projet ${w} ${IMG}`, `Moyens ${SVG}`, `Description du projet ${TEXT}`]));
  await visit(page, `${base}/documents`, `Statuts ${w} ${IMG}`);
  await visit(page, `${base}/profil`, `Fiche de Entraide ${w} ${IMG}`);
  expect(await fieldValues(page)).toEqual(expect.arrayContaining([`Description ${w} ${TEXT}`, `Objet ${w} ${TEXT}`]));
  await visit(page, `${base}/subventions`, `Objet ${w}`);
  await visit(page, `${base}/subventions/${subsidyId}`, `Objet ${w} ${TEXT}`);
  await expect(page.locator("main")).toContainText(`Objectif ${w} ${TEXT}`);
  await expect(page.locator("main")).toContainText(`Échanges ${w} ${TEXT}`);
  await expect(page.getByLabel(`Valeur atteinte – Indicateur ${w} ${TEXT}`)).toBeVisible();
});

test("staff lists, dossier, ranking, exports and subsidies", async ({ page }) => {
  watch(page);
  await signIn(page, staffId);
  await visit(page, "/instruction/dossiers", `Projet ${w} ${IMG}`);
  await visit(page, `/instruction/dossiers/${dossierId}`, `Annotation ${w} ${TEXT}`);
  await expect(page.locator("main")).toContainText(`Description du projet ${TEXT}`);
  await expect(page.locator("main")).toContainText(`Question ${w}`);
  await visit(page, `/instruction/appels/${callId}/classement`, `Projet ${w}`);
  await visit(page, `/instruction/appels/${callId}/export`, /Export|export/);
  // The dashboard opens on the latest exercice, which another journey may have made a later one.
  const { financialYear } = await db().subsidy.findUniqueOrThrow({ where: { id: subsidyId }, select: { financialYear: true } });
  await visit(page, `/instruction/subventions?annee=${financialYear}`, `Entraide ${w}`);
  await visit(page, `/instruction/subventions/${subsidyId}`, `Objet ${w} ${TEXT}`);
  expect(await fieldValues(page)).toEqual(expect.arrayContaining([`Objectif ${w} ${TEXT}`, `Échanges ${w} ${TEXT}`]));
  const admin = await createUser(db(), { role: "admin", email: uniqueEmail("admin-xss"), name: "Admin XSS" });
  await signIn(page, admin.id);
  await visit(page, "/admin/associations", /Associations|associations/);
});

test("routing groups, followers and saved filters with hostile names", async ({ page }) => {
  watch(page);
  const d = db();
  const group = await d.reviewGroup.create({
    data: { callId, name: `Groupe ${w} ${IMG}`, position: 99, members: { create: [{ userId: staffId }] } },
  });
  await d.dossier.update({ where: { id: dossierId }, data: { reviewGroupId: group.id } });
  await d.dossierFollow.upsert({
    where: { dossierId_userId: { dossierId, userId: staffId } },
    create: { dossierId, userId: staffId },
    update: {},
  });
  await d.savedFilter.create({ data: { userId: staffId, name: `Filtre ${w} ${IMG}`, query: `groupe=${group.id}` } });
  await signIn(page, staffId);
  await visit(page, `/instruction/appels/${callId}/groupes`, `Groupe ${w} ${IMG}`);
  await visit(page, `/instruction/dossiers?groupe=${group.id}`, `Filtre ${w} ${IMG}`);
  await expect(page.locator("main")).toContainText(`Groupe ${w} ${IMG}`);
  await visit(page, `/instruction/dossiers/${dossierId}`, `Groupe ${w} ${IMG}`);
  await visit(page, "/instruction/filtres", `Filtre ${w} ${IMG}`);
});

test("a charter version published with hostile Markdown, on every charter page", async ({ page }) => {
  test.setTimeout(180_000);
  watch(page);
  const admin = await loginAs(page, "admin");
  expect(admin.role).toBe("admin");
  await page.goto("/admin/charte");
  const body = page.getByLabel("Texte de la charte");
  await body.fill(`${await body.inputValue()}\n\n## Clause ${w}\n\n${MARKDOWN}`);
  await page.getByLabel("Ce qui change dans cette version").fill(`Clause ${w} ${TEXT}`);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByRole("status")).toContainText("Brouillon enregistré");
  await expect(page.locator("article")).toContainText(`Clause ${w}`);
  await expectNothingInjected(page, "/admin/charte (aperçu)");
  await expect(page.getByLabel("Texte de la charte")).toHaveValue(new RegExp(`Clause ${w}[\\s\\S]*</textarea>`));
  const publishButton = page.getByRole("button", { name: /^Publier la version \d+$/ });
  const version = Number((await publishButton.textContent())!.match(/\d+/)![0]);
  await page.getByRole("checkbox", { name: /Je publie ce brouillon comme version/ }).check();
  await publishButton.click();
  await expect(page.getByRole("status")).toContainText(`Version ${version} publiée`, { timeout: 120_000 });
  await expectNothingInjected(page, "/admin/charte (publiée)");

  await visit(page, "/charte", `Clause ${w}`);
  await expect(page.locator("article")).toContainText("cliquez ici");
  await visit(page, `/charte/versions/${version}`, `Clause ${w}`);
  await visit(page, "/charte/versions", `Clause ${w}`);
  await visit(page, "/charte/signataires", /signataire/i);

  await signIn(page, memberId);
  await visit(page, `/espace/associations/${association.id}/charte`, `Clause ${w}`);
  await signIn(page, staffId);
  await visit(page, "/instruction/charte", /Charte|charte/);
});

test("the storage quota: usage shown, an upload past it refused with what is used and left", async ({ page }) => {
  watch(page);
  const d = db();
  const member = await loginAs(page, "member", { representative: true });
  await d.document.create({
    data: {
      associationId: member.associationId!,
      kind: "comptes",
      label: "Archives",
      originalName: "archives.pdf",
      storedName: `quota-${w}.pdf`,
      mimeType: "application/pdf",
      size: 200 * 1024 * 1024 - 1000,
      sha256: "0".repeat(64),
      uploadedById: member.id,
    },
  });
  await page.goto(`/espace/associations/${member.associationId}/documents`);
  await expect(page.getByTestId("storage-usage")).toHaveText(/Espace utilisé : 200 Mo sur 200 Mo \(il reste 1 Ko\)\./);
  const pdf = Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n${"x".repeat(4000)}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
  await page.getByLabel(/^Fichier/).setInputFiles({ name: "rapport.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Enregistrer le document" }).click();
  await expect(page.getByRole("alert")).toContainText("dépasse l'espace de stockage restant de l'association");
  await expect(page.getByRole("alert")).toContainText("utilisés sur 200 Mo, il reste 1 Ko");
  expect(await d.document.count({ where: { associationId: member.associationId! } })).toBe(1);
});

test("call indicators and a dossier's targets with hostile names", async ({ page }) => {
  watch(page);
  const indicator = await createCallIndicator(db(), callId, {
    name: `Indicateur ${w} ${IMG}`,
    description: `Mesure ${TEXT}`,
    targetRequired: false,
  });
  await createProjectIndicator(db(), { dossierId }, { callIndicatorId: indicator.id, target: 12 });
  await createProjectIndicator(db(), { dossierId: draftId }, { name: `Propre ${w} ${SVG}`, target: 3 });
  await visit(page, `/appels-a-projets/${callSlug}`, `Indicateur ${w} ${IMG}`);
  await signIn(page, memberId);
  const base = `/espace/associations/${association.id}/dossiers`;
  await visit(page, `${base}/${draftId}/indicateurs`, `Mesure ${TEXT}`);
  expect(await fieldValues(page)).toEqual(expect.arrayContaining([`Propre ${w} ${SVG}`]));
  await visit(page, `${base}/${draftId}`, `Propre ${w} ${SVG}`);
  await signIn(page, staffId);
  await visit(page, `/instruction/dossiers/${dossierId}`, `Indicateur ${w} ${IMG}`);
  await loginAs(page, "admin");
  await visit(page, `/admin/appels/${callId}/indicateurs`, `Indicateur ${w} ${IMG}`);
});
