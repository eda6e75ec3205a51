// The BAN client against a real local HTTP server answering as the BAN does.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { banAnswer, startStandIn, type StandIn, type StandInAnswer } from "../../tests/geocoder-stand-in";
import { setEnv } from "~/env.server";
import { geocode, geocodeText } from "./geocoder.server";

let next: StandInAnswer = { json: banAnswer() };
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn((url) => (url.pathname === "/search/" ? next : undefined));
  setEnv({ GEOCODER_URL: standIn.url });
});
afterEach(() => {
  standIn.requests.length = 0;
});
afterAll(async () => {
  setEnv({ GEOCODER_URL: "off" });
  await standIn.close();
});

const address = { address: "12 rue de Dole", postcode: "25000", city: "Besançon" };

describe("geocode", () => {
  it("reads the best match: coordinates as [lng, lat], label and score", async () => {
    next = { json: banAnswer({ latitude: 47.2302, longitude: 6.0133, label: "12 Rue de Dole 25000 Besançon", score: 0.93 }) };
    expect(await geocode(address)).toEqual({
      ok: true,
      latitude: 47.2302,
      longitude: 6.0133,
      label: "12 Rue de Dole 25000 Besançon",
      score: 0.93,
    });
    const asked = standIn.requests[0];
    expect(asked.searchParams.get("q")).toBe("12 rue de Dole 25000 Besançon");
    expect(asked.searchParams.get("limit")).toBe("1");
    expect(asked.searchParams.get("postcode")).toBe("25000");
  });

  it("does not trust a low score", async () => {
    next = { json: banAnswer({ latitude: 47.2, longitude: 6.0, label: "Besançon", score: 0.31 }) };
    expect(await geocode(address)).toMatchObject({ ok: false, reason: "low-score", error: "adresse non reconnue" });
  });

  it("says the address is not recognised when nothing matches", async () => {
    next = { json: banAnswer() };
    expect(await geocode(address)).toMatchObject({ ok: false, reason: "not-found", error: "adresse non reconnue" });
  });

  it("reports a server error", async () => {
    next = { status: 500, json: { message: "oups" } };
    expect(await geocode(address)).toMatchObject({ ok: false, reason: "unavailable", error: "géocodeur indisponible (HTTP 500)" });
  });

  it("gives up after its timeout", async () => {
    next = { json: banAnswer(), delayMs: 1_000 };
    const started = Date.now();
    expect(await geocode(address, { timeoutMs: 200 })).toMatchObject({
      ok: false,
      reason: "unavailable",
      error: "géocodeur indisponible (délai dépassé)",
    });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("refuses malformed JSON and answers of another shape", async () => {
    next = { raw: "{ pas du json" };
    expect(await geocode(address)).toMatchObject({ ok: false, reason: "unavailable", error: "réponse du géocodeur illisible" });
    next = { json: { features: [{ geometry: { coordinates: ["6", "47"] }, properties: {} }] } };
    expect(await geocode(address)).toMatchObject({ ok: false, reason: "unavailable", error: "réponse du géocodeur illisible" });
  });

  it("calls nothing when GEOCODER_URL is off", async () => {
    setEnv({ GEOCODER_URL: "off" });
    try {
      expect(await geocode(address)).toMatchObject({ ok: false, reason: "off" });
      expect(standIn.requests).toHaveLength(0);
    } finally {
      setEnv({ GEOCODER_URL: standIn.url });
    }
  });

  it("joins the address's parts", () => {
    expect(geocodeText({ address: " 3 place Pasteur ", postcode: "25000", city: "" })).toBe("3 place Pasteur 25000");
  });
});
