// The profile's « Position sur la carte »: French decimals, France's bounds, both or neither, back to the address.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { inFrance, parseDecimal, parseNear } from "./coordinates";
import { checkPosition, coordinateText, positionChoice, positionShape } from "./position-form";

const schema = z.object(positionShape).superRefine(checkPosition);
const messages = (values: Record<string, string>) => {
  const parsed = schema.safeParse(values);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the position fieldset", () => {
  it("takes a point in France written with a comma or a dot, and nothing at all", () => {
    expect(messages({ latitude: "47,2378", longitude: "6,0241" })).toEqual([]);
    expect(messages({ latitude: " 47.2378 ", longitude: "6.0241" })).toEqual([]);
    expect(messages({ latitude: "-20,88", longitude: "55,45" })).toEqual([]); // La Réunion
    expect(messages({})).toEqual([]);
    expect(positionChoice({ latitude: "47,2378", longitude: "6,0241" })).toEqual({ lat: 47.2378, lng: 6.0241 });
    expect(positionChoice({})).toBeNull();
  });

  it("asks for both coordinates, in range, in France, with a French message on the field at fault", () => {
    expect(messages({ latitude: "47,2" })).toEqual([expect.stringMatching(/^longitude: Longitude : indiquez-la/)]);
    expect(messages({ longitude: "6" })).toEqual([expect.stringMatching(/^latitude: Latitude : indiquez-la/)]);
    expect(messages({ latitude: "147", longitude: "6" })).toEqual([expect.stringMatching(/^latitude: .*entre -90 et 90/)]);
    expect(messages({ latitude: "47", longitude: "six" })).toEqual([expect.stringMatching(/^longitude: .*entre -180 et 180/)]);
    // Swapped, the point falls in the Indian Ocean.
    expect(messages({ latitude: "6,0241", longitude: "47,2378" })).toEqual([expect.stringMatching(/n'est pas en France/)]);
  });

  it("« Revenir à la position de l'adresse » wins over what is typed", () => {
    expect(messages({ latitude: "x", longitude: "y", positionFromAddress: "on" })).toEqual([]);
    expect(positionChoice({ latitude: "47", longitude: "6", positionFromAddress: "on" })).toBe("adresse");
  });

  it("reads and writes coordinates as people and URLs do", () => {
    expect(parseDecimal("1e3")).toBeNull();
    expect(parseDecimal("47,23,1")).toBeNull();
    expect(coordinateText(47.23781234)).toBe("47,237812");
    expect(coordinateText(null)).toBe("");
    expect(inFrance({ lat: 48.85, lng: 2.35 })).toBe(true);
    expect(inFrance({ lat: 40.4, lng: -3.7 })).toBe(false); // Madrid
    expect(parseNear("47.24,6.02")).toEqual({ lat: 47.24, lng: 6.02 });
    expect(parseNear("47,24")).toEqual({ lat: 47, lng: 24 }); // the API's comma separates the two
    expect(parseNear("95,6")).toBeNull();
    expect(parseNear("47.2;6")).toBeNull();
  });
});
