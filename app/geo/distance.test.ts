import { describe, expect, it } from "vitest";
import { distanceKm, formatKm } from "./distance";
import { tileOrigin } from "./map-tiles";

describe("distanceKm", () => {
  it("measures Besançon to Dole (about 47 km as the crow flies)", () => {
    expect(distanceKm({ lat: 47.2378, lng: 6.0241 }, { lat: 47.0925, lng: 5.4897 })).toBeCloseTo(43.6, 0);
  });
  it("is zero for one point", () => {
    expect(distanceKm({ lat: 47.2, lng: 6 }, { lat: 47.2, lng: 6 })).toBe(0);
  });
});

describe("formatKm", () => {
  it("writes kilometres the French way", () => {
    expect(formatKm(0.42)).toBe("0,4\u00a0km");
    expect(formatKm(3.25)).toBe("3,3\u00a0km");
    expect(formatKm(12.4)).toBe("12\u00a0km");
  });
});

describe("tileOrigin", () => {
  it("keeps only the tiles' origin", () => {
    expect(tileOrigin("https://data.geopf.fr/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}")).toBe("https://data.geopf.fr");
    expect(tileOrigin("http://127.0.0.1:4567/tiles/{z}/{x}/{y}.png")).toBe("http://127.0.0.1:4567");
  });
});
