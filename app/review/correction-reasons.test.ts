// The correction form's rules and the time left as both sides read it (Paris calendar days).
import { describe, expect, it } from "vitest";
import {
  correctionDeadlineText,
  daysUntil,
  defaultCorrectionDueDay,
  parisDayKey,
  startOfParisDay,
  timeLeftText,
} from "./correction-reasons";
import { correctionSchema } from "./schemas";

describe("the due date", () => {
  it("defaults to 14 Paris days ahead, across a month and at a late hour in Paris", () => {
    expect(defaultCorrectionDueDay(new Date("2026-12-01T10:00:00Z"))).toBe("2026-12-15");
    // 23:30 in Paris on 31 December is already 1 January there.
    expect(defaultCorrectionDueDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-15");
  });

  it("is due at midnight starting that day in Paris", () => {
    expect(startOfParisDay("2026-12-15").toISOString()).toBe("2026-12-14T23:00:00.000Z");
    expect(startOfParisDay("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(parisDayKey(startOfParisDay("2026-03-29"))).toBe("2026-03-29");
  });
});

describe("the time left", () => {
  const due = startOfParisDay("2026-12-15");
  it("counts the days left, the last day, and the days late", () => {
    expect(daysUntil(due, new Date("2026-12-10T09:00:00Z"))).toBe(5);
    expect(timeLeftText(due, new Date("2026-12-10T09:00:00Z"))).toBe("encore 5 jours");
    expect(timeLeftText(due, new Date("2026-12-13T09:00:00Z"))).toBe("encore 2 jours");
    expect(timeLeftText(due, new Date("2026-12-14T22:00:00Z"))).toBe("dernier jour");
    expect(timeLeftText(due, new Date("2026-12-15T08:00:00Z"))).toBe("en retard de 1 jour");
    expect(timeLeftText(due, new Date("2026-12-16T08:00:00Z"))).toBe("en retard de 2 jours");
  });

  it("says it as both sides read it", () => {
    expect(correctionDeadlineText({ reason: "incomplet", dueAt: due }, new Date("2026-12-10T09:00:00Z"))).toBe(
      "Corrections demandées (Dossier incomplet) : à déposer avant le 15 décembre 2026 — encore 5 jours",
    );
    expect(correctionDeadlineText({ reason: "incorrect", dueAt: due }, new Date("2026-12-16T09:00:00Z"))).toBe(
      "Corrections demandées (Informations incorrectes) : à déposer avant le 15 décembre 2026 — en retard de 2 jours",
    );
  });
});

describe("the correction form", () => {
  const tomorrow = defaultCorrectionDueDay(new Date(), 1);
  const errors = (values: Record<string, unknown>) => {
    const parsed = correctionSchema.safeParse(values);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("takes a reason, a message and a day after today", () => {
    expect(errors({ reason: "perime", message: "L'attestation d'assurance a expiré.", dueDate: tomorrow })).toEqual([]);
  });

  it("refuses, in French, a missing reason, an unknown one, an empty message, today, a past or impossible day", () => {
    expect(errors({ message: "x", dueDate: tomorrow })).toEqual(["reason: Motif de la demande : choisissez-en un."]);
    expect(errors({ reason: "autre", message: "x", dueDate: tomorrow })).toEqual(["reason: Motif de la demande : choisissez-en un."]);
    expect(errors({ reason: "incomplet", message: " ", dueDate: tomorrow })).toEqual([
      "message: Corrections demandées : ce champ est obligatoire.",
    ]);
    expect(errors({ reason: "incomplet", message: "x", dueDate: parisDayKey(new Date()) })).toEqual([
      "dueDate: Date limite : choisissez une date après aujourd'hui.",
    ]);
    expect(errors({ reason: "incomplet", message: "x", dueDate: "2020-01-10" })).toEqual([
      "dueDate: Date limite : choisissez une date après aujourd'hui.",
    ]);
    expect(errors({ reason: "incomplet", message: "x", dueDate: "2099-02-30" })).toEqual([
      "dueDate: Date limite : cette date n'existe pas.",
    ]);
    expect(errors({ reason: "incomplet", message: "x", dueDate: "" })).toEqual(["dueDate: Date limite : indiquez une date."]);
    expect(errors({ reason: "incomplet", message: "x", dueDate: "demain" })).toEqual([
      "dueDate: Date limite : indiquez une date au format jj/mm/aaaa.",
    ]);
  });
});
