// Starting a dossier needs an open call, and never makes a second dossier on a call: a start that
// finds one answers with it and its state, which the pages name.
import { describe, expect, it } from "vitest";
import { createCall } from "../../prisma/factories/call";
import { existingDossierMessage, resumeLabel } from "./start-or-resume";
import { DAY, fillAll, setup } from "./test-support";

const { prisma } = await import("../db.server");
const drafts = await import("./drafts.server");
const deposit = await import("./deposit.server");

describe("dossier life", () => {
  it("will not start a dossier on a closed call", async () => {
    const { access } = await setup();
    const closed = await createCall(prisma, { opensAt: new Date(Date.now() - 10 * DAY), closesAt: new Date(Date.now() - DAY) });
    await expect(drafts.startDossier(access.associationId, closed.id, access.user)).rejects.toThrow(/pas ouvert/);
  });

  it("resumes rather than starts: a draft, then a deposited dossier, are answered as they are, never created again", async () => {
    const { access, call } = await setup();
    const first = await drafts.startDossier(access.associationId, call.id, access.user);
    expect(first).toMatchObject({ created: true, state: "brouillon" });
    const again = await drafts.startDossier(access.associationId, call.id, access.user);
    expect(again).toMatchObject({ created: false, id: first.id, state: "brouillon" });
    expect(resumeLabel(again)).toBe("Reprendre le dossier");
    expect(existingDossierMessage(again)).toMatch(/déjà un dossier en brouillon.*rien n'a été créé/);

    await fillAll(access, first.id);
    const deposited = await deposit.submitDossier(access, first.id);
    if (!deposited.ok) throw new Error(deposited.message);
    const afterDeposit = await drafts.startDossier(access.associationId, call.id, access.user);
    expect(afterDeposit).toMatchObject({ created: false, id: first.id, state: "en_construction", number: deposited.number });
    expect(resumeLabel(afterDeposit)).toBe(`Voir le dossier déposé (${deposited.number})`);
    expect(existingDossierMessage(afterDeposit)).toContain(`déjà déposé le dossier ${deposited.number}`);

    // Decided: still that dossier, never a new one on the same call.
    await prisma.dossier.update({ where: { id: first.id }, data: { state: "refuse" } });
    const afterDecision = await drafts.startDossier(access.associationId, call.id, access.user);
    expect(afterDecision).toMatchObject({ created: false, id: first.id });
    expect(existingDossierMessage(afterDecision)).toContain("Refusé");
    expect(await prisma.dossier.count({ where: { associationId: access.associationId, callId: call.id } })).toBe(1);

    const byCall = await drafts.dossiersOnCalls([access.associationId], [call.id]);
    expect(byCall.get(`${access.associationId}:${call.id}`)).toMatchObject({ id: first.id });
  });

  it("names a correction request in the message", () => {
    expect(
      existingDossierMessage({ id: "d", number: "AAP-2031-0004", state: "en_construction", correctionRequestedAt: new Date() }),
    ).toMatch(/demande la correction/);
  });
});
