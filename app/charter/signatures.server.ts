// Signing the charter: each association's legal representative signs the current version;
// signing changes the directory's badge, so it goes through the search outbox.
import { enqueueSearchSync } from "../../search/sync";
import { syncSearchSoon } from "~/associations/search-sync.server";
import { charterRefusal } from "~/charter/errors";
import { recordAudit } from "~/lib/audit.server";
import { charterTextHash } from "~/charter/fingerprint.server";
import { getCurrentVersion } from "~/charter/versions.server";
import { currentCharterVersion } from "~/charter/charter-status.server";
import { IN_NETWORK } from "~/associations/directory-visibility";
import { prisma, writeTransaction } from "~/db.server";

export type SignArgs = {
  associationId: string;
  userId: string;
  versionId: string;
  signerName: string;
  signerRole: string;
  ip: string;
  userAgent: string;
};

/**
 * The legal representative signs the current version. The version posted must be the
 * current one: a page left open while a new version was published signs nothing.
 */
export async function signCharter(args: SignArgs) {
  const result = await writeTransaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { userId_associationId: { userId: args.userId, associationId: args.associationId } },
      select: { isRepresentative: true, association: { select: { status: true } } },
    });
    if (!membership?.isRepresentative) {
      throw charterRefusal("not_representative", "Seul le ou la représentant·e légal·e de l'association peut signer la charte.");
    }
    if (membership.association.status !== "validated") {
      throw charterRefusal("not_validated", "L'association pourra signer la charte une fois son inscription validée par le CCAS.");
    }
    const currentRef = await currentCharterVersion(tx);
    const current =
      currentRef &&
      (await tx.charterVersion.findUnique({
        where: { id: currentRef.id },
        select: { id: true, version: true, title: true, body: true, sha256: true },
      }));
    if (!current) throw charterRefusal("no_version", "Aucune charte n'est publiée pour le moment.");
    if (current.id !== args.versionId) {
      throw charterRefusal(
        "not_current",
        `Cette version n'est plus celle en vigueur : la version ${current.version} a été publiée. Relisez-la avant de signer.`,
      );
    }
    const textSha256 = charterTextHash(current);
    if (textSha256 !== current.sha256)
      throw charterRefusal("tampered", "Le texte de la charte ne correspond plus à son empreinte : signature impossible.");
    const existing = await tx.charterSignature.findUnique({
      where: { versionId_associationId: { versionId: current.id, associationId: args.associationId } },
      select: { id: true },
    });
    if (existing) return { signatureId: existing.id, version: current.version!, created: false };
    const signature = await tx.charterSignature.create({
      data: {
        versionId: current.id,
        associationId: args.associationId,
        userId: args.userId,
        signerName: args.signerName,
        signerRole: args.signerRole,
        ip: args.ip.slice(0, 100),
        userAgent: args.userAgent.slice(0, 500),
        textSha256,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      entityType: "charter",
      entityId: current.id,
      actorId: args.userId,
      action: "signature",
      toState: `version ${current.version}`,
      comment: `Association ${args.associationId}`,
    });
    await enqueueSearchSync(tx, [args.associationId]);
    return { signatureId: signature.id, version: current.version!, created: true };
  });
  const sync = result.created ? await syncSearchSoon([args.associationId]) : "synced";
  return { ...result, sync };
}

/** What the association's charter page shows: the current text and the association's signatures. */
export async function getAssociationCharter(associationId: string) {
  const [current, association, signatures, representatives] = await Promise.all([
    getCurrentVersion(),
    prisma.association.findUnique({ where: { id: associationId }, select: { id: true, name: true, status: true } }),
    prisma.charterSignature.findMany({
      where: { associationId },
      orderBy: { signedAt: "desc" },
      select: {
        id: true,
        signerName: true,
        signerRole: true,
        signedAt: true,
        textSha256: true,
        version: { select: { id: true, version: true } },
      },
    }),
    prisma.membership.findMany({
      where: { associationId, isRepresentative: true, user: { disabledAt: null } },
      select: { title: true, user: { select: { name: true } } },
    }),
  ]);
  const currentSignature = current ? (signatures.find((s) => s.version.id === current.id) ?? null) : null;
  return {
    current,
    association,
    signatures,
    currentSignature,
    representatives: representatives.map((r) => ({ name: r.user.name, title: r.title })),
  };
}

/** Public list: the associations that signed the current version. */
export async function listCurrentSignatories() {
  const current = await currentCharterVersion();
  if (!current) return { version: null, signatories: [] };
  const signatures = await prisma.charterSignature.findMany({
    where: { versionId: current.id, association: { status: "validated" } },
    orderBy: { association: { name: "asc" } },
    select: { signedAt: true, association: { select: { name: true, slug: true, district: true } } },
  });
  return { version: current.version, signatories: signatures.map((s) => ({ ...s.association, signedAt: s.signedAt })) };
}

/** Staff view: for each validated association, what it signed, and whether the current version. */
export async function charterOverview() {
  const current = await currentCharterVersion();
  const associations = await prisma.association.findMany({
    where: IN_NETWORK,
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      signatures: {
        orderBy: { signedAt: "desc" },
        select: { id: true, signerName: true, signerRole: true, signedAt: true, version: { select: { id: true, version: true } } },
      },
      memberships: { where: { isRepresentative: true }, select: { user: { select: { name: true, email: true } } } },
    },
  });
  const rows = associations.map((a) => {
    const currentSignature = current ? (a.signatures.find((s) => s.version.id === current.id) ?? null) : null;
    return {
      id: a.id,
      name: a.name,
      slug: a.slug,
      representatives: a.memberships.map((m) => m.user.name),
      hasRepresentative: a.memberships.length > 0,
      currentSignature,
      lastSignature: a.signatures[0] ?? null,
    };
  });
  const signed = rows.filter((r) => r.currentSignature).length;
  return { current, rows, signed, unsigned: rows.length - signed };
}

export async function charterSpaceLinks(associationId: string) {
  const current = await currentCharterVersion();
  if (!current) return [];
  const signatures = await prisma.charterSignature.findMany({
    where: { associationId },
    orderBy: { signedAt: "desc" },
    select: { version: { select: { id: true, version: true } } },
  });
  const signedCurrent = signatures.some((s) => s.version.id === current.id);
  const note = signedCurrent
    ? `signée (version ${current.version})`
    : signatures.length
      ? `à signer (version ${current.version} ; version ${signatures[0].version.version} signée)`
      : `à signer (version ${current.version})`;
  return [{ href: `/espace/associations/${associationId}/charte`, label: "Charte de l'action sociale", note }];
}
