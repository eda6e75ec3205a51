// An administrator imports the RNA file of the département: a file that is not one is refused, a dry
// run shows what would change, the import is applied and its entries appear in the directory; a
// person signs up with one of those RNA numbers, which is a request to take the entry over; the
// administrator accepts it and the person's space shows the association.
import { randomBytes } from "node:crypto";
import { enqueueSearchSync } from "../search/sync";
import { waldecBytes, waldecLine, waldecRow } from "../app/rna/test-support";
import { expect, expectAccessible, getDb, linkIn, signIn, test, uniqueEmail, waitForMail } from "./support/fixtures";

const tag = randomBytes(4)
  .toString("hex")
  .toUpperCase()
  .replace(/[^A-Z]/g, "K")
  .padEnd(8, "Q");
// Unique to this run: W + 9 capitals and digits.
const rnaOf = (i: number) => `W25${tag.slice(0, 6)}${i}`;
const words = tag.toLowerCase().replace(/[^a-z]/g, "x");
const nameOf = (i: number) => `SOLIDARITE ${words.toUpperCase()} NUMERO ${i}`;
let signUpEmail = "";

test.afterAll(async () => {
  const db = getDb();
  const ids = (await db.association.findMany({ where: { rna: { startsWith: `W25${tag.slice(0, 6)}` } }, select: { id: true } })).map(
    (a) => a.id,
  );
  await db.association.deleteMany({ where: { id: { in: ids } } });
  await enqueueSearchSync(db, ids);
  await db.rnaImport.deleteMany({ where: { fileName: { startsWith: `rna_waldec_e2e_${tag}` } } });
  // The account the sign-up made (its sessions and memberships go with it).
  if (signUpEmail) await db.user.deleteMany({ where: { email: signUpEmail } });
});

test("RNA import: refused file, dry run, import, directory, claim at sign-up, acceptance", async ({ page, browser }) => {
  test.slow();
  const db = getDb();
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@ccas-besancon.test" } });
  await signIn(page, admin.id);
  await page.goto("/admin/rna");
  await expect(page.getByRole("heading", { level: 1, name: /Import du Répertoire national des associations/ })).toBeVisible();
  await expectAccessible(page);

  // Not an RNA file: refused at once, with what is missing.
  await page
    .getByLabel(/Fichier RNA/)
    .setInputFiles({ name: "contacts.csv", mimeType: "text/csv", buffer: Buffer.from("nom;email\r\nA;a@b.fr\r\n") });
  await page.getByRole("button", { name: "Envoyer le fichier" }).click();
  await expect(page.getByText(/n'est pas un fichier RNA « waldec »/)).toBeVisible();
  await expect(page.getByLabel(/Fichier RNA/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // A dry run first (the default).
  const rows = [
    waldecRow({ id: rnaOf(1), titre: nameOf(1), objet: "aider ; accompagner\r\nles familles", siteweb: "www.exemple.fr" }),
    waldecRow({ id: rnaOf(2), titre: nameOf(2), objet_social1: "020010" }),
    waldecRow({ id: rnaOf(3), titre: nameOf(3), position: "D", date_disso: "2020-01-01" }),
    waldecLine(waldecRow({ id: rnaOf(4) }))
      .split(";")
      .slice(0, 12)
      .join(";"),
  ];
  const fileName = `rna_waldec_e2e_${tag}.csv`;
  await page.getByLabel(/Fichier RNA/).setInputFiles({ name: fileName, mimeType: "text/csv", buffer: waldecBytes(rows) });
  await page.getByRole("button", { name: "Envoyer le fichier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Simulation du fichier ${fileName}` })).toBeVisible();
  await expect(page.getByText("terminé", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("row", { name: "Seraient ajoutées 2" })).toBeVisible();
  await expect(page.getByText(/Ligne 6 : 12 colonnes au lieu de 39/)).toBeVisible();
  await expect(page.getByText(`Ligne 2 : ${rnaOf(1)} ${nameOf(1)} — ajoutée`)).toBeVisible();
  await expectAccessible(page);
  expect(await db.association.count({ where: { rna: rnaOf(1) } })).toBe(0);

  // Applied: the page follows its progress until the report.
  await page.getByRole("button", { name: "Appliquer cet import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Import du fichier ${fileName}` })).toBeVisible();
  await expect(page.getByText("terminé", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("row", { name: "Ajoutées 2" })).toBeVisible();
  await expectAccessible(page);

  // In the directory, as entries from the RNA.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/annuaire?q=${encodeURIComponent(`solidarite ${words}`)}`);
  await visitor.getByRole("link", { name: nameOf(1) }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: nameOf(1) })).toBeVisible();
  await expect(visitor.getByText(/Fiche issue du Répertoire national des associations \(RNA\), mise à jour le 4 mars 2021/)).toBeVisible();
  await expectAccessible(visitor);

  // A person signs up with that RNA number: the form says it is a takeover.
  const email = uniqueEmail("reprise-rna");
  signUpEmail = email;
  const person = await (await browser.newContext()).newPage();
  await person.goto("/inscription");
  await person.getByLabel("Nom de l'association").fill("Solidarité (fiche reprise)");
  await person.getByLabel("Numéro RNA").fill(rnaOf(1));
  // Said as soon as the number is typed.
  await expect(person.getByRole("status").filter({ hasText: "figure déjà dans l'annuaire" })).toContainText(nameOf(1));
  await person.getByLabel("Objet social").fill("Accompagner les familles du quartier.");
  await person.getByRole("textbox", { name: "Adresse", exact: true }).fill("12 rue des Lilas");
  await person.getByLabel("Quartier").selectOption("planoise");
  await person.getByRole("checkbox", { name: "Entraide et bénévolat" }).check();
  await person.getByRole("checkbox", { name: "Familles" }).check();
  await person.getByLabel("Votre nom et prénom").fill("Alix Reprise");
  await person.getByLabel("Votre fonction dans l'association").fill("Présidente");
  await person.getByLabel("Votre adresse e-mail").fill(email);
  await person.getByLabel("Mot de passe").fill("reprendre la fiche du répertoire");
  await person.getByRole("checkbox", { name: /Je suis le ou la représentant/ }).check();
  await person.getByRole("button", { name: "Inscrire l'association" }).click();
  await expect(
    person.getByText(
      "Cette association figure déjà dans l'annuaire : votre inscription sera une demande de reprise de la fiche, vérifiée par le CCAS.",
    ),
  ).toBeVisible();
  await expectAccessible(person);
  const confirmation = await waitForMail(email, /Confirmez l'inscription/);
  await person.goto(linkIn(confirmation, "/inscription/confirmer/"));
  await person.getByRole("button", { name: "Confirmer l'inscription" }).click();
  await expect(person.getByRole("heading", { name: "Mon espace" })).toBeVisible();
  await expect(person.getByText("Demande de reprise de la fiche en cours de vérification par le CCAS")).toBeVisible();
  await expectAccessible(person);
  expect(await db.association.count({ where: { rna: rnaOf(1) } })).toBe(1);
  await waitForMail(email, /Demande de reprise de la fiche/);

  // The administrator accepts the claim.
  await page.goto("/admin/rna/reprises");
  await expectAccessible(page);
  await page.getByRole("button", { name: `Accepter la reprise de ${nameOf(1)}` }).click();
  await expect(page.getByRole("status")).toContainText("Reprise acceptée");
  await waitForMail(email, /acceptée/);

  // The person's space shows the association, now theirs.
  await person.goto("/espace");
  await expect(person.getByRole("heading", { level: 2, name: "Solidarité (fiche reprise)" })).toBeVisible();
  await expect(person.getByText("Validée – publiée dans l'annuaire")).toBeVisible();
  await expectAccessible(person);
});
