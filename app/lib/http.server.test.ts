// safeRedirect against what browsers do with a Location header: the WHATWG URL parser (the one
// Node ships is the browsers' algorithm) drops tabs and newlines, reads backslashes as slashes
// and resolves dot segments, so a value has to be judged after that, never before.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resetEnvCache } from "~/env.server";

const PUBLIC_URL = "https://portail.example.test";
process.env.PUBLIC_URL = PUBLIC_URL;
resetEnvCache();
const { safeRedirect } = await import("./http.server");
const ORIGIN = new URL(PUBLIC_URL).origin;

/** Where a browser on the portal goes when it follows `Location: <location>`. */
const followedTo = (location: string) => new URL(location, `${PUBLIC_URL}/connexion`);

describe("safeRedirect", () => {
  const HOSTILE = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\t\\evil.example",
    "/\u0000/evil.example",
    "/\u000b/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/./\\evil.example",
    "/..//evil.example",
    "/.//evil.example",
    "/a/../..//evil.example",
    "/%2e%2e//evil.example",
    "/%2E/%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%2F/evil.example",
    "//evil.example",
    "///evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    " /espace",
    "evil.example",
    "/%E0%A4%A",
  ];

  it.each(HOSTILE)("refuses %j", (to) => {
    expect(safeRedirect(to, "/repli")).toBe("/repli");
  });

  it.each([
    ["/espace", "/espace"],
    ["/evenements/fete?inscription=1#formulaire", "/evenements/fete?inscription=1#formulaire"],
    ["/annuaire?q=caf%C3%A9", "/annuaire?q=caf%C3%A9"],
    ["/espace/../instruction", "/instruction"],
    ["/connexion?redirectTo=%2F%2Fevil.example", "/connexion?redirectTo=%2F%2Fevil.example"],
  ])("keeps %j on the portal as %j", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  it("refuses an overlong value", () => {
    expect(safeRedirect(`/${"a".repeat(3000)}`, "/repli")).toBe("/repli");
  });

  it("gives the fallback for anything but a string", () => {
    expect(safeRedirect(null)).toBe("/espace");
    expect(safeRedirect(undefined, "/instruction")).toBe("/instruction");
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/espace");
  });

  it("returns, for any mix of slashes, dots, escapes and control characters, a path a browser keeps on the portal", () => {
    const piece = fc.constantFrom(
      "/",
      "\\",
      ".",
      "..",
      "%2e",
      "%2F",
      "%5C",
      "%09",
      "%",
      "\t",
      "\n",
      "\r",
      " ",
      ":",
      "@",
      "?",
      "#",
      "evil.example",
      "http:",
      "a",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const result = safeRedirect(pieces.join(""), "/repli");
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(followedTo(result).origin).toBe(ORIGIN);
        // Decoded once more (by a later hop), it still stays on the portal.
        let decoded = result;
        try {
          decoded = decodeURIComponent(result);
        } catch {
          // An undecodable query is left as it is.
        }
        expect(followedTo(decoded.replace(/[?#].*$/, "")).origin).toBe(ORIGIN);
      }),
      { numRuns: 2000 },
    );
  });
});
