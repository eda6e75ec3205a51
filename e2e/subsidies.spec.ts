// Subsidy tracking: an accepted dossier's subsidy → the vote → the convention PDF → signed →
// instalments → a payment → the association's compte rendu financier → staff validate.
// And what must be refused: a schedule that does not add up, a payment before the signature
// of a mandatory convention, a payment above the voted amount, another association's subsidy.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { createGrant, createSubsidyFromDossier } from "../app/subsidies/creation.server";
import { recordVote } from "../app/subsidies/vote.server";
import { setSchedule } from "../app/subsidies/payments.server";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { expect, expectAccessible, getDb, loginAs, test, waitForMail } from "./support/fixtures";
import { E2E_URL } from "./support/paths";

test.describe.configure({ timeout: 240_000 });

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E_URL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  return context.newPage();
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 3600_000).toISOString().slice(0, 10);

test("from the accepted dossier to the validated financial report", async ({ page, browser }) => {
  const db = getDb();
  const staff = await loginAs(page, "staff", { name: "Sam Instructeur" });
  const memberPage = await newPage(browser);
  const tag = Date.now().toString(36);
  const member = await loginAs(memberPage, "member", {
    representative: true,
    association: { name: `Les Jardins Partagés ${tag}`, siret: "73282932000074", email: `contact-${tag}@jardins.test` },
  });
  const call = await createCall(db, { title: `Solidarité ${tag}`, envelopeCents: 200_000_00, requiredAttachments: [] });
  const dossier = await createDossier(db, {
    callId: call.id,
    associationId: member.associationId!,
    state: "accepte",
    requestedCents: 32_000_00,
    title: `Potagers solidaires ${tag}`,
  });
  await db.dossier.update({ where: { id: dossier.id }, data: { proposedCents: 30_000_00 } });
  const subsidy = await createSubsidyFromDossier(dossier.id, staff);
  expect(subsidy.proposedCents).toBe(30_000_00);

  // The subsidy appears on the dashboard of its year.
  await page.goto("/instruction");
  await page.getByRole("link", { name: "Suivre les subventions" }).click();
  await page.goto(`/instruction/subventions?annee=${subsidy.financialYear}`);
  await expect(page.getByRole("heading", { name: `Subventions ${subsidy.financialYear}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: subsidy.number }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subsidy.number);
  await expectAccessible(page);

  // The vote: 30 000 € for one year, above the 23 000 € threshold.
  await page.getByLabel("Date de la décision").fill(day(-2));
  await page.getByLabel("Référence de la délibération").fill(`CA-E2E-${tag}`);
  await page.getByLabel(/^Montant voté/).fill("30 000");
  await page.getByRole("button", { name: "Enregistrer le vote" }).click();
  await expect(page.getByRole("status")).toContainText("Le vote est enregistré");
  await expect(page.getByTestId("voted")).toContainText("30 000,00");
  await expect(page.getByTestId("convention-status")).toHaveText("À préparer");
  await expectAccessible(page);

  // A schedule that does not add up is refused.
  await page.getByLabel("Type du versement 1").selectOption("avance");
  await page.getByLabel("Montant du versement 1").fill("10 000");
  await page.getByLabel("Date prévue du versement 1").fill(day(10));
  await page.getByLabel("Type du versement 2").selectOption("solde");
  await page.getByLabel("Montant du versement 2").fill("15 000");
  await page.getByLabel("Date prévue du versement 2").fill(day(40));
  await page.getByRole("button", { name: "Enregistrer l'échéancier" }).click();
  await expect(page.getByRole("alert")).toContainText("l'échéancier doit correspondre exactement au montant voté");
  expect(await db.instalment.count({ where: { subsidyId: subsidy.id } })).toBe(0);
  await page.getByLabel("Montant du versement 1").fill("18 000");
  await page.getByLabel("Montant du versement 2").fill("12 000");
  await page.getByRole("button", { name: "Enregistrer l'échéancier" }).click();
  await expect(page.getByRole("status")).toContainText("L'échéancier est enregistré");
  expect(await db.instalment.count({ where: { subsidyId: subsidy.id } })).toBe(2);

  // No payment before the convention is signed.
  await page.getByRole("button", { name: "Enregistrer ce versement (avance)" }).click();
  await expect(page.getByRole("alert")).toContainText("aucun versement n'est possible avant la signature de la convention");
  expect(await db.instalment.count({ where: { subsidyId: subsidy.id, paidAt: { not: null } } })).toBe(0);

  // The convention, generated as a PDF.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger la convention à signer (PDF)" }).click();
  const download = await downloadPromise;
  const pdfBytes = await readFile((await download.path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdfBytes)), { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain("CCAS de Besançon");
  expect(flat).toContain(`Les Jardins Partagés ${tag}`);
  expect(flat).toContain("73282932000074");
  expect(flat).toContain(`Potagers solidaires ${tag}`);
  expect(flat).toContain("30 000,00 €");
  expect(flat).toContain("18 000,00 €");
  expect(flat).toMatch(/compte rendu financier/);

  await page.getByRole("button", { name: "Marquer la convention comme envoyée" }).click();
  await expect(page.getByTestId("convention-status")).toHaveText("Envoyée");

  // A file that is not a PDF is refused; the signed PDF is accepted.
  await page
    .getByLabel("Convention signée (PDF)")
    .setInputFiles({ name: "convention.pdf", mimeType: "application/pdf", buffer: Buffer.from("pas un PDF du tout") });
  await page.getByRole("button", { name: "Enregistrer la convention signée" }).click();
  await expect(page.getByRole("alert")).toContainText("n'est pas un PDF");
  await page
    .getByLabel("Convention signée (PDF)")
    .setInputFiles({ name: "convention-signee.pdf", mimeType: "application/pdf", buffer: pdfBytes });
  await page.getByRole("button", { name: "Enregistrer la convention signée" }).click();
  await expect(page.getByRole("status")).toContainText("La convention signée est enregistrée");
  await expect(page.getByTestId("convention-status")).toHaveText("Signée");
  await expectAccessible(page);

  // Paying more than voted is refused; the avance is recorded.
  await page.getByLabel("Montant versé (avance)").fill("30 000,01");
  await page.getByRole("button", { name: "Enregistrer ce versement (avance)" }).click();
  await expect(page.getByRole("alert")).toContainText("au-delà du montant voté");
  await page.getByLabel("Montant versé (avance)").fill("18 000");
  await page.getByLabel("Date du versement (avance)").fill(day(0));
  await page.getByRole("button", { name: "Enregistrer ce versement (avance)" }).click();
  await expect(page.getByRole("status")).toContainText("Le versement est enregistré");
  await expect(page.getByTestId("paid")).toContainText("18 000,00");

  // The association sees its subsidy and submits its compte rendu financier.
  await memberPage.goto("/espace");
  await expectAccessible(memberPage);
  await memberPage.getByRole("link", { name: "Subventions du CCAS" }).click();
  await expectAccessible(memberPage);
  await memberPage.getByRole("link", { name: new RegExp(subsidy.number) }).click();
  await expect(memberPage.getByRole("heading", { level: 1 })).toContainText(subsidy.number);
  await expect(memberPage.getByRole("link", { name: "Télécharger la convention signée (PDF)" })).toBeVisible();
  await expectAccessible(memberPage);
  const year = subsidy.financialYear;
  await memberPage.getByLabel("60 – Achats – prévu").fill("8 000");
  await memberPage.getByLabel("60 – Achats – réalisé").fill("7 500");
  await memberPage.getByLabel("64 – Charges de personnel – réalisé").fill("25 000");
  await memberPage.getByLabel("74 – Subvention du CCAS – réalisé").fill("30 000");
  await memberPage.getByLabel("Bilan qualitatif de l'action").fill("Douze potagers ouverts, quarante familles accompagnées.");
  await memberPage.getByLabel(/^Pièces jointes/).setInputFiles({ name: "factures.pdf", mimeType: "application/pdf", buffer: pdfBytes });
  await memberPage.getByRole("button", { name: `Transmettre le compte rendu financier ${year}` }).click();
  await expect(memberPage.getByRole("status")).toContainText("compte rendu financier est transmis");
  await expect(memberPage.getByTestId(`report-status-${year}`)).toContainText("Transmis");
  await expectAccessible(memberPage);

  // Staff validate it; the association is told.
  await page.reload();
  await page.getByRole("button", { name: `Valider le compte rendu ${year}` }).click();
  await expect(page.getByRole("status")).toContainText("Le compte rendu financier est validé");
  await expect(page.getByTestId(`report-status-${year}`)).toContainText("Validé");
  await expectAccessible(page);
  await waitForMail(member.email, /Compte rendu financier .* validé/);
  const report = await db.financialReport.findFirstOrThrow({ where: { subsidyId: subsidy.id, financialYear: year } });
  expect(report.status).toBe("valide");
  expect((report.data as { charges: { code: string; actualCents: number }[] }).charges.find((l) => l.code === "64")!.actualCents).toBe(
    25_000_00,
  );
});

test("another association's subsidy is not found, for reading and for posting", async ({ page }) => {
  const db = getDb();
  const owner = await db.association.findFirstOrThrow({ where: { slug: "toit-commun" } });
  const subsidy = await db.subsidy.findFirst({ where: { associationId: owner.id } });
  const call = subsidy ? null : await createCall(db, { title: `Autre ${Date.now().toString(36)}`, requiredAttachments: [] });
  const target =
    subsidy ??
    (await createSubsidyFromDossier(
      (await createDossier(db, { callId: call!.id, associationId: owner.id, state: "accepte", requestedCents: 5_000_00 })).id,
      { id: "e2e" },
    ));
  const intruder = await loginAs(page, "member", { representative: true });
  const own = await page.goto(`/espace/associations/${intruder.associationId}/subventions/${target.id}`);
  expect(own?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expectAccessible(page);
  const theirs = await page.goto(`/espace/associations/${owner.id}/subventions/${target.id}`);
  expect(theirs?.status()).toBe(404);
  const pdf = await page.request.get(`/espace/associations/${intruder.associationId}/subventions/${target.id}/convention.pdf`);
  expect(pdf.status()).toBe(404);
  const post = await page.request.post(`/espace/associations/${intruder.associationId}/subventions/${target.id}`, {
    headers: { Origin: new URL(page.url()).origin },
    form: { reportId: "x", qualitative: "Piraté", actual_c60: "1" },
  });
  expect(post.status()).toBe(404);
  const staffOnly = await page.request.get(`/instruction/subventions/${target.id}`);
  expect(staffOnly.status()).toBe(403);
});

test("a payment recorded twice is refused with its message on the page, and recorded once", async ({ page }) => {
  const db = getDb();
  const staff = await loginAs(page, "staff", { name: "Sam Versements" });
  const tag = Date.now().toString(36);
  const payable = async (name: string) => {
    const association = await db.association.findFirstOrThrow({ where: { status: "validated" }, select: { id: true } });
    const s = await createGrant(
      { associationId: association.id, purpose: `${name} ${tag}`, amount: 8_000_00, financialYear: 2026, fundsAction: false },
      staff,
    );
    await recordVote(s.id, { decisionDate: day(-2), deliberationRef: `CA-${tag}`, yearAmounts: [8_000_00] }, staff);
    await setSchedule(s.id, [{ kind: "solde", amountCents: 8_000_00, plannedDate: day(5) }], staff);
    return { subsidy: s, instalment: await db.instalment.findFirstOrThrow({ where: { subsidyId: s.id } }) };
  };
  const recorded = (subsidyId: string) => db.auditEvent.count({ where: { entityId: subsidyId, action: "payment_recorded" } });

  // Two tabs on the same subsidy: the second one to record the payment is told it already is.
  const { subsidy } = await payable("Épicerie mobile");
  const other = await page.context().newPage();
  for (const p of [page, other]) await p.goto(`/instruction/subventions/${subsidy.id}`);
  await page.getByRole("button", { name: "Enregistrer ce versement (solde)" }).click();
  await expect(page.getByRole("status")).toContainText("Le versement est enregistré");
  await other.getByRole("button", { name: "Enregistrer ce versement (solde)" }).click();
  await expect(other.getByRole("alert")).toContainText("Ce versement est déjà enregistré (8 000,00 € versés le");
  await expectAccessible(other);
  expect(await recorded(subsidy.id)).toBe(1);

  // Submitted twice at once from one page (a double click): recorded once, and the page says
  // what happened, whichever of the two answers it keeps.
  const { subsidy: doubled } = await payable("Double clic");
  await page.goto(`/instruction/subventions/${doubled.id}`);
  await page.getByRole("button", { name: "Enregistrer ce versement (solde)" }).evaluate((button: HTMLButtonElement) => {
    button.form!.requestSubmit(button);
    button.form!.requestSubmit(button);
  });
  await expect(page.getByTestId("paid")).toContainText("8 000,00");
  await expect(page.getByRole("alert").or(page.getByRole("status")).first()).toContainText(
    /Ce versement est déjà enregistré|Le versement est enregistré/,
  );
  expect(await recorded(doubled.id)).toBe(1);

  // Without JavaScript, the same payment posted 2 and then 5 times at once: one is recorded,
  // every other answer is a 400 page that shows why.
  const origin = new URL(page.url()).origin;
  const bare = await page.context().browser()!.newContext({ baseURL: E2E_URL, javaScriptEnabled: false });
  const alertsOf = async (html: string) => {
    const view = await bare.newPage();
    await view.setContent(html.replace(/<script[\s\S]*?<\/script>/g, ""));
    const texts = await view.getByRole("alert").allTextContents();
    await view.close();
    return texts.join(" ");
  };
  for (const times of [2, 5]) {
    const { subsidy: s, instalment } = await payable(`Paiement x${times}`);
    const form = { intent: "payment", instalmentId: instalment.id, paidAt: day(0), amount: "8 000" };
    const answers = await Promise.all(
      Array.from({ length: times }, () =>
        page.request.post(`/instruction/subventions/${s.id}`, { form, headers: { Origin: origin }, maxRedirects: 0 }),
      ),
    );
    expect(answers.map((a) => a.status()).sort()).toEqual([302, ...Array(times - 1).fill(400)]);
    for (const a of answers.filter((r) => r.status() === 400))
      expect(await alertsOf(await a.text())).toContain("Ce versement est déjà enregistré");
    expect(await recorded(s.id)).toBe(1);
  }

  // Every refusal whose form is not (or no longer) on the page is said at the top of it.
  const refusals: [Record<string, string>, string][] = [
    [
      { intent: "payment", instalmentId: "inconnu", paidAt: day(0), amount: "10" },
      "Ce versement ne fait pas partie de l'échéancier de la subvention.",
    ],
    [{ intent: "convention_signed", signedAt: day(0) }, "Cette subvention n'a pas de convention."],
    [{ intent: "convention_sent" }, "Cette subvention n'a pas de convention."],
    [{ intent: "report_validate", reportId: "inconnu" }, "Compte rendu introuvable pour cette subvention."],
    [{ intent: "report_correction", reportId: "inconnu", message: "À revoir" }, "Compte rendu introuvable pour cette subvention."],
    [{ intent: "autre" }, "Cette action n'existe pas sur cette page. Rechargez la page et réessayez."],
  ];
  for (const [form, message] of refusals) {
    const response = await page.request.post(`/instruction/subventions/${subsidy.id}`, {
      form,
      headers: { Origin: origin },
      maxRedirects: 0,
    });
    expect(response.status(), form.intent).toBe(400);
    expect(await alertsOf(await response.text()), form.intent).toContain(message);
  }
  await bare.close();
});
