// The convention of a subsidy: à préparer → envoyée → signée (the signed PDF uploaded, checked
// by content, stored as a Document).
import { prisma, writeTransaction } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { storeUploads } from "~/documents/storing.server";
import { subsidyRefusal } from "~/subsidies/errors";
import { parisDay } from "~/subsidies/rules";
import { signedConventionFile, type Upload } from "~/subsidies/subsidy-documents.server";
import { CONVENTION_STATUS_LABELS } from "~/subsidies/subsidy-labels";

export async function loadForConvention(subsidyId: string) {
  const subsidy = await prisma.subsidy.findUnique({
    where: { id: subsidyId },
    include: {
      association: {
        select: {
          id: true,
          name: true,
          siret: true,
          rna: true,
          address: true,
          postcode: true,
          city: true,
          memberships: { where: { isRepresentative: true }, select: { title: true, user: { select: { name: true } } }, take: 1 },
        },
      },
      years: { orderBy: { year: "asc" } },
      instalments: { orderBy: [{ plannedDate: "asc" }, { position: "asc" }] },
      convention: true,
    },
  });
  if (!subsidy) throw subsidyRefusal("subsidy_not_found", "Subvention introuvable.");
  if (subsidy.votedCents === null || !subsidy.decisionDate) {
    throw subsidyRefusal("not_voted", "Enregistrez d'abord le vote : la convention reprend le montant et la délibération.");
  }
  return subsidy;
}

/** Creates the convention of a subsidy below the threshold, when staff want one anyway. */
export async function openConvention(subsidyId: string, actor: { id: string }) {
  await loadForConvention(subsidyId);
  const existing = await prisma.convention.findUnique({ where: { subsidyId } });
  if (existing) return existing;
  const created = await prisma.convention.create({ data: { subsidyId } });
  await recordAudit(prisma, {
    entityType: "convention",
    entityId: created.id,
    actorId: actor.id,
    action: "created",
    toState: "a_preparer",
  });
  return created;
}

export async function markConventionSent(subsidyId: string, actor: { id: string }) {
  await loadForConvention(subsidyId);
  // Read and written under the write lock: two staff sending it at once record one sending.
  await writeTransaction(async (tx) => {
    const convention = await tx.convention.findUnique({ where: { subsidyId } });
    if (!convention) throw subsidyRefusal("no_convention", "Cette subvention n'a pas de convention.");
    if (convention.status !== "a_preparer") {
      throw subsidyRefusal(
        "convention_state",
        `La convention est déjà « ${CONVENTION_STATUS_LABELS[convention.status] ?? convention.status} ».`,
      );
    }
    await tx.convention.update({ where: { id: convention.id }, data: { status: "envoyee", sentAt: new Date() } });
    await recordAudit(tx, {
      entityType: "convention",
      entityId: convention.id,
      actorId: actor.id,
      action: "sent",
      fromState: "a_preparer",
      toState: "envoyee",
    });
  });
}

/** The signed convention comes back: its date and the signed PDF (checked by content). */
export async function markConventionSigned(subsidyId: string, input: { signedAt: string; file: Upload | null }, actor: { id: string }) {
  const convention = await prisma.convention.findUnique({
    where: { subsidyId },
    include: { subsidy: { select: { associationId: true, number: true, decisionDate: true } } },
  });
  if (!convention) throw subsidyRefusal("no_convention", "Cette subvention n'a pas de convention.");
  if (convention.status !== "envoyee") {
    throw subsidyRefusal(
      "convention_state",
      convention.status === "signee" ? "La convention est déjà signée." : "Marquez d'abord la convention comme envoyée à l'association.",
    );
  }
  if (!input.file) throw subsidyRefusal("file_missing", "Déposez la convention signée (PDF).", "file");
  const signedAt = parisDay(input.signedAt);
  if (signedAt.getTime() > Date.now())
    throw subsidyRefusal("signature_date", "La date de signature ne peut pas être dans le futur.", "signedAt");
  if (convention.subsidy.decisionDate && signedAt.getTime() < convention.subsidy.decisionDate.getTime()) {
    throw subsidyRefusal("signature_date", "La date de signature ne peut pas précéder la décision d'attribution.", "signedAt");
  }
  // The file and its row, then the convention's new state, in one transaction (documents/storing.server.ts).
  await storeUploads(
    [input.file],
    {
      associationId: convention.subsidy.associationId,
      kind: "convention",
      label: `Convention signée ${convention.subsidy.number}`,
      uploadedById: actor.id,
      accept: signedConventionFile(),
    },
    async (tx, [doc]) => {
      await tx.convention.update({ where: { id: convention.id }, data: { status: "signee", signedAt, signedDocumentId: doc!.id } });
      await recordAudit(tx, {
        entityType: "convention",
        entityId: convention.id,
        actorId: actor.id,
        action: "signed",
        fromState: "envoyee",
        toState: "signee",
      });
    },
  );
}
