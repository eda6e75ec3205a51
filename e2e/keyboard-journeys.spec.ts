// Three main journeys done with the keyboard only (Tab, Shift+Tab, Enter, Space, typing into
// the focused field): submit a dossier, sign the charter, register for an event. Data is set
// up with the factories; the outcome is checked in the database. Focus must stay visible.
import type { Locator, Page } from "@playwright/test";
import { createAssociation } from "../prisma/factories/association";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { createEvent } from "../prisma/factories/event";
import { addMembership, createUser } from "../prisma/factories/user";
import { expect, expectAccessible, getDb, loginAs, signIn, test, uniqueEmail } from "./support/fixtures";

const DAY = 24 * 3600_000;

async function isFocused(locator: Locator) {
  return locator.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses `key` until `locator` has the focus; fails (with the element reached) if it never does. */
async function pressUntilFocused(page: Page, key: "Tab" | "Shift+Tab", locator: Locator, max: number) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press(key);
  }
  const reached = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? "rien");
  await expect(locator, `${key} × ${max} n'atteint pas l'élément (focus sur ${reached})`).toBeFocused({ timeout: 1 });
}

const tabTo = (page: Page, locator: Locator, max = 80) => pressUntilFocused(page, "Tab", locator, max);
const shiftTabTo = (page: Page, locator: Locator, max = 80) => pressUntilFocused(page, "Shift+Tab", locator, max);

/** The focused element shows a focus indicator: an outline or a box-shadow. */
async function expectVisibleFocus(page: Page) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { tag: el.tagName, outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
  });
  expect(style, "un élément a le focus").not.toBeNull();
  const outlined = style!.outlineStyle !== "none" && parseFloat(style!.outlineWidth) > 0;
  const shadowed = style!.boxShadow !== "none" && style!.boxShadow !== "";
  expect(
    outlined || shadowed,
    `focus visible sur ${style!.tag} (outline ${style!.outlineStyle} ${style!.outlineWidth}, box-shadow ${style!.boxShadow})`,
  ).toBe(true);
}

/** Starts from the top of the page as a keyboard user would: first Tab lands on the skip link. */
async function skipToContent(page: Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
}

test("keyboard only: a representative signs the declaration and submits a dossier", async ({ page }) => {
  test.setTimeout(120_000);
  const db = getDb();
  const call = await createCall(db, { requiredAttachments: [] });
  const rep = await loginAs(page, "member", { representative: true, name: "Clavier Représentante" });
  const associationId = rep.associationId!;
  // Every step complete except the sworn statement.
  const dossier = await createDossier(db, { callId: call.id, associationId, state: "brouillon", data: { declaration: {} } });
  const base = `/espace/associations/${associationId}/dossiers/${dossier.id}`;

  // From the association's dossiers list to the dossier overview.
  await page.goto(`/espace/associations/${associationId}/dossiers`);
  await expectAccessible(page);
  await skipToContent(page);
  const dossierLink = page.locator(`main a[href="${base}"]`).first();
  await tabTo(page, dossierLink);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Dossier en brouillon" })).toBeVisible();
  await expectAccessible(page);

  // Open the declaration step from the progress list (after a client-side navigation the
  // focus stays where it was: Tab goes on from there).
  const declarationLink = page.locator(`main a[href="${base}/declaration"]`).last();
  await tabTo(page, declarationLink);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Déclaration sur l'honneur" })).toBeVisible();
  await expectAccessible(page);

  // Tick the four statements with the space bar, then sign with Enter.
  for (const name of [/contrat d'engagement républicain/, /à jour de ses obligations/, /exactes et sincères/, /Je demande au CCAS/]) {
    const box = page.getByRole("checkbox", { name });
    await tabTo(page, box);
    await expectVisibleFocus(page);
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  const sign = page.getByRole("button", { name: "Signer la déclaration" });
  await tabTo(page, sign);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");

  // Back on the overview: submit.
  await expect(page.getByRole("status")).toContainText("Déclaration signée");
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  await expectAccessible(page);
  const submit = page.getByRole("button", { name: "Déposer le dossier" });
  await tabTo(page, submit);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(/Dossier déposé sous le numéro AAP-\d{4}-\d{4}/);
  await expectAccessible(page);

  const saved = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
  expect(saved.state).toBe("en_construction");
  expect(saved.number).toMatch(/^AAP-\d{4}-\d{4}$/);
  expect(saved.submittedAt).not.toBeNull();
  expect(saved.declarationSignerId).toBe(rep.id);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossier ${saved.number}`);
});

test("keyboard only: the representative of a new association signs the charter", async ({ page }) => {
  test.setTimeout(90_000);
  const db = getDb();
  const association = await createAssociation(db, { name: `Les Touches Solidaires ${Date.now().toString(36)}`, status: "validated" });
  const rep = await createUser(db, { email: uniqueEmail("charte-clavier"), name: "Camille Clavier" });
  await addMembership(db, rep.id, association.id, true, "Présidente");
  await signIn(page, rep.id);

  await page.goto(`/espace/associations/${association.id}/charte`);
  const heading = page.getByRole("heading", { name: /^Signer la version \d+$/ });
  await expect(heading).toBeVisible();
  const version = Number((await heading.textContent())!.match(/\d+/)![0]);
  await expectAccessible(page);

  await skipToContent(page);
  await tabTo(page, page.getByLabel("Vos nom et prénom"));
  await expectVisibleFocus(page);
  await page.keyboard.type("Camille Clavier");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Votre fonction dans l'association")).toBeFocused();
  await page.keyboard.type("Présidente");
  const commitment = page.getByRole("checkbox", { name: /J'ai lu la charte municipale/ });
  await tabTo(page, commitment);
  await expectVisibleFocus(page);
  await page.keyboard.press("Space");
  await expect(commitment).toBeChecked();
  // Back up to the name field and forward again: Shift+Tab works through the form too.
  await shiftTabTo(page, page.getByLabel("Vos nom et prénom"));
  await expect(page.getByLabel("Vos nom et prénom")).toHaveValue("Camille Clavier");
  const sign = page.getByRole("button", { name: "Signer la charte au nom de l'association" });
  await tabTo(page, sign);
  await expectVisibleFocus(page);
  await page.keyboard.press("Space");
  await expect(page.getByRole("status")).toContainText(`Charte signée (version ${version})`);
  await expectAccessible(page);

  const signature = await db.charterSignature.findFirstOrThrow({ where: { associationId: association.id }, include: { version: true } });
  expect(signature.version.version).toBe(version);
  expect(signature.userId).toBe(rep.id);
  expect(signature.signerName).toBe("Camille Clavier");
  expect(signature.signerRole).toBe("Présidente");
});

test("keyboard only: a member registers a participant for an associations-only event", async ({ page }) => {
  test.setTimeout(90_000);
  const db = getDb();
  const event = await createEvent(db, {
    title: `Atelier clavier ${Date.now().toString(36)}`,
    audience: "associations",
    capacity: 10,
    registrationOpensAt: new Date(Date.now() - DAY),
    registrationClosesAt: new Date(Date.now() + 10 * DAY),
  });
  const member = await loginAs(page, "member");
  const participant = { name: "Dominique Tabulation", email: uniqueEmail("participant-clavier") };

  await page.goto(`/evenements/${event.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: event.title })).toBeVisible();
  await expectAccessible(page);

  await skipToContent(page);
  const row = page.getByRole("group", { name: "Participant·e 1" });
  await tabTo(page, row.getByLabel(/^Nom et prénom/));
  await expectVisibleFocus(page);
  await page.keyboard.type(participant.name);
  await tabTo(page, row.getByLabel(/^Adresse e-mail/), 3);
  await expectVisibleFocus(page);
  await page.keyboard.type(participant.email);
  await tabTo(page, row.getByLabel(/^Fonction dans l'association/), 3);
  await page.keyboard.type("Bénévole");
  const register = page.getByRole("button", { name: "Inscrire", exact: true });
  await tabTo(page, register);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("1 inscription confirmée");
  await expectAccessible(page);

  const registrations = await db.registration.findMany({ where: { eventId: event.id } });
  expect(registrations).toHaveLength(1);
  expect(registrations[0]).toMatchObject({
    associationId: member.associationId,
    registeredById: member.id,
    name: participant.name,
    email: participant.email,
    role: "Bénévole",
    status: "confirmee",
  });
});
