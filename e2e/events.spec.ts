// Events: staff create one, members fill it and its waiting list, someone cancels from the
// e-mail, the first waiting is promoted, the door checks people in, the CSV lists them.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { toParisInputValue } from "../app/lib/format";
import { createEvent } from "../prisma/factories/event";
import { expect, expectAccessible, getDb, linkIn, loginAs, test, uniqueEmail, waitForMail } from "./support/fixtures";

const DAY = 24 * 3600_000;

test("staff create an event, it fills up, a cancellation promotes the first waiting, check-in and export", async ({ page }) => {
  test.setTimeout(300_000);
  const db = getDb();
  await loginAs(page, "staff");
  await page.goto("/instruction");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Gérer les événements" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Créer un événement" }).click();
  await expectAccessible(page);

  const title = `Atelier tablette ${Date.now().toString(36)}`;
  const start = new Date(Date.now() + 20 * DAY);
  start.setUTCHours(13, 0, 0, 0);
  await page.getByLabel(/^Titre/).fill(title);
  await page.getByLabel(/^Type/).selectOption({ label: "Atelier numérique" });
  await page.getByLabel(/^Description/).fill("Prendre en main une tablette pour accompagner les personnes dans leurs démarches.");
  await page.getByLabel(/^Début/).fill(toParisInputValue(start));
  await page.getByLabel(/^Fin/).fill(toParisInputValue(new Date(start.getTime() + 2 * 3600_000)));
  await page.getByLabel(/^Lieu/).fill("Maison de quartier de Planoise, 6 avenue du Parc, 25000 Besançon");
  await page.getByLabel(/^Nombre de places/).fill("3");
  await page.getByLabel(/^Ouverture des inscriptions/).fill(toParisInputValue(new Date(Date.now() - DAY)));
  // Closing before opening: the form says so and keeps what was typed.
  await page.getByLabel(/^Clôture des inscriptions/).fill(toParisInputValue(new Date(Date.now() - 2 * DAY)));
  await page.getByRole("button", { name: "Créer l'événement" }).click();
  await expect(page.getByRole("alert")).toContainText("elle doit suivre l'ouverture");
  await page.getByLabel(/^Clôture des inscriptions/).fill(toParisInputValue(new Date(start.getTime() - DAY)));
  await page.getByRole("button", { name: "Créer l'événement" }).click();
  await expect(page.getByRole("status")).toContainText("Événement créé");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  const event = await db.event.findFirstOrThrow({ where: { title } });
  expect(event.capacity).toBe(3);
  expect(event.startsAt.toISOString()).toBe(start.toISOString());

  // Three members of three associations register four people: three places, then the waiting list.
  const people = Array.from({ length: 4 }, (_, i) => ({
    name: `Participant ${i + 1} ${Date.now().toString(36)}`,
    email: uniqueEmail(`participant${i + 1}`),
  }));
  const fillParticipant = async (index: number, p: { name: string; email: string }) => {
    const row = page.getByRole("group", { name: `Participant·e ${index + 1}` });
    await row.getByLabel(/^Nom et prénom/).fill(p.name);
    await row.getByLabel(/^Adresse e-mail/).fill(p.email);
  };

  await loginAs(page, "member", { association: { name: `Les Tablettes Solidaires ${Date.now().toString(36)}` } });
  await page.goto("/evenements");
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expectAccessible(page);
  await expect(page.getByText("3 places restantes")).toBeVisible();
  await fillParticipant(0, people[0]);
  await page.getByText("Inscrire d'autres personnes").click();
  await fillParticipant(1, people[1]);
  await page
    .getByRole("group", { name: "Participant·e 2" })
    .getByLabel(/^Besoins d'accessibilité/)
    .fill("Fauteuil roulant");
  await page.getByRole("button", { name: "Inscrire", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("2 inscriptions confirmées");
  await expect(page.getByText("1 place restante")).toBeVisible();
  await expectAccessible(page);

  await loginAs(page, "member");
  await page.goto(`/evenements/${event.slug}`);
  await fillParticipant(0, people[2]);
  await page.getByRole("button", { name: "Inscrire", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("1 inscription confirmée");

  const fourth = await loginAs(page, "member");
  await page.goto(`/evenements/${event.slug}`);
  await expect(page.getByText(/Complet/)).toBeVisible();
  await fillParticipant(0, people[3]);
  await page.getByRole("button", { name: "Inscrire", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("1 en liste d'attente (position 1)");
  await expectAccessible(page);
  await waitForMail(people[3].email, /Liste d'attente/);

  // The fourth member sees the registration in the association's space.
  await page.goto("/espace");
  await page.getByRole("link", { name: "Inscriptions aux événements" }).click();
  await expect(page.getByRole("cell", { name: /Liste d'attente \(position 1\)/ })).toBeVisible();
  await expectAccessible(page);
  expect(fourth.associationId).toBeTruthy();

  // The first participant cancels from the confirmation e-mail.
  const confirmation = await waitForMail(people[0].email, /Inscription confirmée/);
  expect(
    confirmation.attachments.some(
      (a) => /calendar/.test(a.contentType) && Buffer.from(a.content, "base64").toString().includes("BEGIN:VEVENT"),
    ),
  ).toBe(true);
  const cancelLink = linkIn(confirmation, "/evenements/annulation/");

  // A forged link (another signature) is refused and changes nothing.
  const forged = cancelLink.replace(/\.([^./]+)$/, (_, sig: string) => `.${sig.slice(0, -4)}AAAA`);
  expect(forged).not.toBe(cancelLink);
  const forgedResponse = await page.goto(forged);
  expect(forgedResponse?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await expectAccessible(page);
  const forgedPost = await page.request.post(forged, { headers: { Origin: new URL(page.url()).origin } });
  expect(forgedPost.status()).toBe(404);

  await page.goto(cancelLink);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Annuler mon inscription" }).click();
  await expect(page.getByRole("status")).toContainText("Votre inscription est annulée");

  // The waiting one is promoted and told.
  const promotion = await waitForMail(people[3].email, /place s'est libérée/);
  expect(promotion.text).toContain("/evenements/annulation/");
  const rows = await db.registration.findMany({ where: { eventId: event.id } });
  const status = Object.fromEntries(rows.map((r) => [r.email, r.status]));
  expect(status).toEqual({
    [people[0].email]: "annulee",
    [people[1].email]: "confirmee",
    [people[2].email]: "confirmee",
    [people[3].email]: "confirmee",
  });

  // At the door, on a phone.
  await loginAs(page, "staff");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/instruction/evenements/${event.id}/accueil`);
  await expectAccessible(page);
  await page.getByLabel("Rechercher un nom").fill(people[3].name.split(" ").slice(0, 2).join(" ").toLowerCase());
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.getByRole("button", { name: `Marquer ${people[3].name} présent·e` }).click();
  await expect(page.getByRole("button", { name: `Annuler la présence de ${people[3].name}` })).toBeVisible();
  await expect(page.getByText("1 présent·es sur 3 inscrit·es")).toBeVisible();
  await expectAccessible(page);
  const box = await page.getByRole("button", { name: `Annuler la présence de ${people[3].name}` }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);

  // The attendee list and its CSV export.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/instruction/evenements/${event.id}`);
  await expectAccessible(page);
  await expect(page.getByText("3 sur 3 places")).toBeVisible();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  const download = await downloadPromise;
  const csv = readFileSync((await download.path())!, "utf8");
  const exported = parse(csv, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
  expect(exported.map((r) => r.Nom).sort()).toEqual([people[1].name, people[2].name, people[3].name].sort());
  expect(exported.find((r) => r.Nom === people[3].name)?.["Présent·e"]).toMatch(/^oui/);
  expect(exported.find((r) => r.Nom === people[1].name)?.["Besoins d'accessibilité"]).toBe("Fauteuil roulant");
  expect(exported.find((r) => r.Nom === people[2].name)?.["Présent·e"]).toBe("non");
});

test("registration after closing is refused", async ({ page }) => {
  const db = getDb();
  const event = await createEvent(db, {
    title: `Formation close ${Date.now().toString(36)}`,
    registrationOpensAt: new Date(Date.now() - 10 * DAY),
    registrationClosesAt: new Date(Date.now() - 60_000),
  });
  const member = await loginAs(page, "member");
  await page.goto(`/evenements/${event.slug}`);
  await expect(page.getByText("Les inscriptions sont closes.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Inscrire", exact: true })).toHaveCount(0);
  await expectAccessible(page);
  const response = await page.request.post(`/evenements/${event.slug}`, {
    headers: { Origin: new URL(page.url()).origin },
    form: {
      intent: "association",
      associationId: member.associationId!,
      "participants.0.name": "Retardataire",
      "participants.0.email": uniqueEmail("tard"),
    },
  });
  expect(response.status()).toBe(409);
  expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
});

test("a member cannot register people on behalf of another association", async ({ page }) => {
  const db = getDb();
  const event = await createEvent(db, { title: `Rencontre réservée ${Date.now().toString(36)}`, audience: "associations" });
  const other = await db.association.findFirstOrThrow({ where: { slug: "toit-commun" } });
  await loginAs(page, "member");
  await page.goto(`/evenements/${event.slug}`);
  await expectAccessible(page);
  const response = await page.request.post(`/evenements/${event.slug}`, {
    headers: { Origin: new URL(page.url()).origin },
    form: {
      intent: "association",
      associationId: other.id,
      "participants.0.name": "Usurpation",
      "participants.0.email": uniqueEmail("intrus"),
    },
  });
  expect(response.status()).toBe(404);
  expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
  // Nor as the public: the event is for associations only.
  const asPublic = await page.request.post(`/evenements/${event.slug}`, {
    headers: { Origin: new URL(page.url()).origin },
    form: { intent: "public", name: "Quelqu'un", email: uniqueEmail("public") },
  });
  expect(asPublic.status()).toBe(403);
  expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
});

test("the public registers for an open event by confirming their e-mail, and gets the calendar file", async ({ page }) => {
  const db = getDb();
  const event = await createEvent(db, { title: `Atelier ouvert ${Date.now().toString(36)}`, audience: "public", capacity: 5 });
  await page.goto(`/evenements/${event.slug}`);
  await expectAccessible(page);
  const email = uniqueEmail("habitant");
  await page.getByLabel(/^Votre nom/).fill("Habitante de Planoise");
  await page.getByLabel(/^Votre adresse e-mail/).fill(email);
  await page.getByRole("button", { name: "Recevoir le lien de confirmation" }).click();
  await expect(page.getByRole("status")).toContainText("ouvrez le lien");
  expect((await db.registration.findFirstOrThrow({ where: { eventId: event.id, email } })).status).toBe("en_attente_confirmation");
  const mail = await waitForMail(email, /Confirmez votre inscription/);
  await page.goto(linkIn(mail, "/evenements/confirmation/"));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirmer mon inscription" }).click();
  await expect(page.getByRole("status")).toContainText("Votre inscription est confirmée");
  expect((await db.registration.findFirstOrThrow({ where: { eventId: event.id, email } })).status).toBe("confirmee");
  await waitForMail(email, /Inscription confirmée/);

  const ics = await page.request.get(`/evenements/${event.slug}.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const body = await ics.text();
  const stamp = event.startsAt
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  expect(body).toContain(`DTSTART:${stamp}`);
});
