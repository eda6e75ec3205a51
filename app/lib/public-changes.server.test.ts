import { describe, expect, it } from "vitest";
import { announcePublicChange, onPublicChange } from "./public-changes.server";

describe("public changes", () => {
  it("reach every listener until it stops listening", () => {
    const heard: string[] = [];
    const stopA = onPublicChange(() => heard.push("a"));
    const stopB = onPublicChange(() => heard.push("b"));
    announcePublicChange();
    stopA();
    announcePublicChange();
    stopB();
    announcePublicChange();
    expect(heard).toEqual(["a", "b", "b"]);
  });
});
