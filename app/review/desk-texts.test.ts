// What the staff dossier page says in each state: no form the state forbids, no sentence it contradicts.
import { describe, expect, it } from "vitest";
import { deskTexts } from "./desk-texts";

describe("the staff dossier page's texts by state", () => {
  it("deposited: open for instruction or ask for corrections; the grid opens at instruction", () => {
    const t = deskTexts("en_construction");
    expect(t.actions).toEqual({ startInstruction: true, requestCorrection: true, decide: false });
    expect(t.scoring).toEqual({ open: false, closed: false, text: "La notation s'ouvre quand le dossier est en instruction." });
  });

  it("awaiting the corrections asked: no second request, instruction still possible", () => {
    const t = deskTexts("en_construction", { correctionPending: true });
    expect(t.actions).toEqual({ startInstruction: true, requestCorrection: false, decide: false });
    expect(t.panel).toMatch(/attend le nouveau dépôt/);
  });

  it("in instruction: corrections and the three decisions; the grid is open", () => {
    const t = deskTexts("en_instruction");
    expect(t.actions).toEqual({ startInstruction: false, requestCorrection: true, decide: true });
    expect(t.scoring).toEqual({ open: true, closed: false, text: null });
  });

  it.each(["accepte", "refuse", "sans_suite"])("decided (%s): no form, and the grid is closed", (state) => {
    const t = deskTexts(state);
    expect(t.actions).toEqual({ startInstruction: false, requestCorrection: false, decide: false });
    expect(t.scoring).toEqual({ open: false, closed: true, text: "La notation est close : le dossier est décidé." });
    expect(t.panel).toMatch(/^Le dossier est décidé : /);
    expect(t.panel).not.toMatch(/instruction/);
  });
});
