// The geocoding of associations' addresses against a real database and a real local HTTP
// server answering as the BAN does (tests/geocoder-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { banAnswer, startStandIn, type StandIn, type StandInAnswer } from "../../tests/geocoder-stand-in";
import { setEnv } from "../env.server";
import { baseProfile, createAdmin } from "./test-support";

const { prisma } = await import("../db.server");
const { geocodePendingAssociations, geocodingKicked, GEOCODE_MAX_ATTEMPTS, geocodeColumnsFor } = await import("./geocoding.server");
const { updateAssociationProfile } = await import("./profile.server");

// Answers by street: "rue de Dole" is known, "rue Inconnue" is not, anything else fails with a 500.
let answers: Record<string, StandInAnswer> = {};
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn((url) => {
    const q = url.searchParams.get("q") ?? "";
    const key = Object.keys(answers).find((k) => q.includes(k));
    return key ? answers[key] : { status: 500, json: { message: "panne" } };
  });
  setEnv({ GEOCODER_URL: standIn.url });
});
afterAll(async () => {
  setEnv({ GEOCODER_URL: "off" });
  await standIn.close();
});
beforeEach(async () => {
  answers = {
    "rue de Dole": { json: banAnswer({ latitude: 47.2302, longitude: 6.0133, label: "12 Rue de Dole 25000 Besançon", score: 0.91 }) },
    "rue Inconnue": { json: banAnswer({ latitude: 47.24, longitude: 6.02, label: "Besançon", score: 0.2 }) },
  };
  await prisma.association.updateMany({ data: { geocodePending: false } });
});

const geo = (id: string) =>
  prisma.association.findUniqueOrThrow({
    where: { id },
    select: {
      latitude: true,
      longitude: true,
      geoSource: true,
      geocodedAt: true,
      geocodeLabel: true,
      geocodeScore: true,
      geocodePending: true,
      geocodeAttempts: true,
      geocodeError: true,
    },
  });

describe("the geocoding job", () => {
  it("geocodes a pending association and re-indexes it", async () => {
    const a = await createAssociation(prisma, { address: "12 rue de Dole" });
    await prisma.association.update({ where: { id: a.id }, data: { geocodePending: true } });
    await prisma.searchSyncJob.deleteMany({ where: { associationId: a.id } });
    expect(await geocodePendingAssociations()).toMatchObject({ geocoded: 1, failed: 0 });
    expect(await geo(a.id)).toMatchObject({
      latitude: 47.2302,
      longitude: 6.0133,
      geoSource: "adresse",
      geocodeLabel: "12 Rue de Dole 25000 Besançon",
      geocodeScore: 0.91,
      geocodePending: false,
      geocodeAttempts: 1,
      geocodeError: null,
    });
    expect((await geo(a.id)).geocodedAt).toBeInstanceOf(Date);
    expect(await prisma.searchSyncJob.count({ where: { associationId: a.id, doneAt: null } })).toBe(1);
  });

  it("counts failures and gives up after the last attempt, its error kept", async () => {
    const a = await createAssociation(prisma, { address: "4 avenue en Panne" });
    await prisma.association.update({ where: { id: a.id }, data: { geocodePending: true } });
    expect(await geocodePendingAssociations()).toMatchObject({ geocoded: 0, failed: 1, gaveUp: 0 });
    expect(await geo(a.id)).toMatchObject({ geocodePending: true, geocodeAttempts: 1, geocodeError: "géocodeur indisponible (HTTP 500)" });
    for (let i = 1; i < GEOCODE_MAX_ATTEMPTS; i++) await geocodePendingAssociations();
    expect(await geo(a.id)).toMatchObject({ geocodePending: false, geocodeAttempts: GEOCODE_MAX_ATTEMPTS });
    const asked = standIn.requests.length;
    await geocodePendingAssociations();
    expect(standIn.requests.length).toBe(asked);
  });

  it("does not ask again for an address the BAN does not recognise, and drops the old position", async () => {
    const a = await createAssociation(prisma, { address: "3 rue Inconnue", latitude: 47.1, longitude: 6.1, geoSource: "adresse" });
    await prisma.association.update({ where: { id: a.id }, data: { geocodePending: true } });
    expect(await geocodePendingAssociations()).toMatchObject({ failed: 1, gaveUp: 1 });
    expect(await geo(a.id)).toMatchObject({ geocodePending: false, geocodeError: "adresse non reconnue", latitude: null, longitude: null });
  });

  it("takes at most a batch per run", async () => {
    for (let i = 0; i < 3; i++) {
      const a = await createAssociation(prisma, { address: `${i + 1} rue de Dole` });
      await prisma.association.update({ where: { id: a.id }, data: { geocodePending: true } });
    }
    expect(await geocodePendingAssociations({ batch: 2 })).toMatchObject({ geocoded: 2 });
    expect(await geocodePendingAssociations({ batch: 2 })).toMatchObject({ geocoded: 1 });
  });

  it("calls nothing with GEOCODER_URL=off: the pending ones wait", async () => {
    const a = await createAssociation(prisma, { address: "12 rue de Dole" });
    await prisma.association.update({ where: { id: a.id }, data: { geocodePending: true } });
    setEnv({ GEOCODER_URL: "off" });
    const asked = standIn.requests.length;
    try {
      expect(await geocodePendingAssociations()).toMatchObject({ skipped: "off" });
    } finally {
      setEnv({ GEOCODER_URL: standIn.url });
    }
    expect(standIn.requests.length).toBe(asked);
    expect((await geo(a.id)).geocodePending).toBe(true);
  });
});

describe("a profile save", () => {
  it("marks a new address pending and geocodes it right after the save", async () => {
    const admin = await createAdmin(prisma);
    const a = await createAssociation(prisma, { address: "8 place Pasteur" });
    await updateAssociationProfile(
      a.id,
      { ...baseProfile, address: "12 rue de Dole", name: a.name, socialObject: a.socialObject, fields: ["aide-alimentaire"] },
      admin,
    );
    await geocodingKicked();
    expect(await geo(a.id)).toMatchObject({ latitude: 47.2302, longitude: 6.0133, geoSource: "adresse", geocodePending: false });
  });

  it("keeps the position of an unchanged address, the association's own included", () => {
    const address = { address: "12 rue de Dole", postcode: "25000", city: "Besançon" };
    expect(geocodeColumnsFor(address, { ...address, address: "12  Rue de Dole " })).toEqual({});
    expect(geocodeColumnsFor(address, { ...address, address: "14 rue de Dole" })).toEqual({
      geocodePending: true,
      geocodeAttempts: 0,
      geocodeError: null,
    });
  });
});
