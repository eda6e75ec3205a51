// The association and member a dossier test starts from, and a dossier filled to be deposited.
import { expect } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createCall } from "../../prisma/factories/call";
import { buildDossierData } from "../../prisma/factories/dossier";
import { addMembership, createUser } from "../../prisma/factories/user";
import { pdfBytes as samplePdf } from "../../tests/sample-files";
import type { SessionUser } from "../accounts/auth.server";
import { prisma } from "../db.server";
import { storeDocument } from "../documents/storing.server";
import { attachDocument } from "./attachments.server";
import { saveStep } from "./steps.server";

export const pdfBytes = () => samplePdf("Statuts de l'association");

export const DAY = 24 * 3600_000;

export async function setup(options: { closesAt?: Date; representative?: boolean } = {}) {
  const call = await createCall(prisma, {
    minAmountCents: 2_000_00,
    maxAmountCents: 10_000_00,
    closesAt: options.closesAt,
    // Not this year: numbers follow the call's financial year, never the clock's.
    financialYear: 2031,
    requiredAttachments: ["statuts"],
  });
  const association = await createAssociation(prisma, { status: "validated" });
  const u = await createUser(prisma, { passwordHash: "!" });
  await addMembership(prisma, u.id, association.id, options.representative ?? true, "Présidente");
  const user: SessionUser = { id: u.id, email: u.email, name: u.name, role: "member" };
  const access = { associationId: association.id, user, isRepresentative: options.representative ?? true };
  return { call, association, user, access };
}

export async function fillAll(access: Awaited<ReturnType<typeof setup>>["access"], dossierId: string, requestedCents = 8_000_00) {
  const association = await prisma.association.findUniqueOrThrow({ where: { id: access.associationId } });
  const data = buildDossierData(association, { requestedCents });
  for (const [step, values] of Object.entries(data)) {
    const result = await saveStep(access, dossierId, step as never, values, { validate: true });
    expect(result, step).toEqual({ ok: true });
  }
  const bytes = await pdfBytes();
  const stored = await storeDocument({
    associationId: access.associationId,
    kind: "statuts",
    originalName: "statuts.pdf",
    bytes,
    actor: access.user,
  });
  if (!stored.ok) throw new Error(stored.message);
  await attachDocument(access.associationId, dossierId, stored.document.id, "statuts");
}
