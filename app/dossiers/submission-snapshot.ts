// The record of one deposit: the dossier exactly as it was deposited (every section with the labels
// and values staff see, the budget, the declaration and its signer, the attachments with their
// hashes), frozen in `DossierSubmission.snapshot`, and its fingerprint (`sha256`): the SHA-256 of the
// snapshot's canonical JSON. The attestation and the dossier PDF are drawn from it, never from the
// dossier as it is now (decision 019).
import { createHash } from "node:crypto";
import * as z from "zod";

export const SNAPSHOT_VERSION = 1;

export type SnapshotField = { name: string; label: string; value: string };
export type SnapshotSection = { key: string; label: string; fields: SnapshotField[] };
export type SnapshotBudgetLine = { name: string; label: string; cents: number };
export type SnapshotAttachment = {
  documentId: string;
  kind: string;
  kindLabel: string;
  originalName: string;
  mimeType: string;
  size: number;
  sha256: string;
};

export type SubmissionSnapshot = {
  version: typeof SNAPSHOT_VERSION;
  kind: "depot" | "redepot";
  depositedAt: string;
  depositedBy: { id: string; name: string };
  ccas: { name: string; longName: string };
  dossier: { id: string; number: string; projectTitle: string; requestedCents: number };
  association: { id: string; name: string; rna: string; siret: string };
  call: { id: string; title: string; financialYear: number };
  sections: SnapshotSection[];
  budget: {
    charges: SnapshotBudgetLine[];
    income: SnapshotBudgetLine[];
    inKind: SnapshotBudgetLine[];
    totals: { chargesCents: number; incomeCents: number; inKindChargesCents: number; inKindIncomeCents: number; ccasCents: number };
  };
  declaration: { items: { label: string; accepted: boolean }[]; signedAt: string | null; signerName: string | null };
  attachments: SnapshotAttachment[];
};

/** JSON with object keys sorted at every level and no spaces: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The fingerprint printed on the attestation and the dossier PDF. */
export function snapshotSha256(snapshot: SubmissionSnapshot): string {
  return createHash("sha256").update(canonicalJson(snapshot), "utf8").digest("hex");
}

const line = z.object({ name: z.string(), label: z.string(), cents: z.number() });
const storedSnapshot = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  kind: z.enum(["depot", "redepot"]),
  depositedAt: z.string(),
  depositedBy: z.object({ id: z.string(), name: z.string() }),
  ccas: z.object({ name: z.string(), longName: z.string() }),
  dossier: z.object({ id: z.string(), number: z.string(), projectTitle: z.string(), requestedCents: z.number() }),
  association: z.object({ id: z.string(), name: z.string(), rna: z.string(), siret: z.string() }),
  call: z.object({ id: z.string(), title: z.string(), financialYear: z.number() }),
  sections: z.array(
    z.object({ key: z.string(), label: z.string(), fields: z.array(z.object({ name: z.string(), label: z.string(), value: z.string() })) }),
  ),
  budget: z.object({
    charges: z.array(line),
    income: z.array(line),
    inKind: z.array(line),
    totals: z.object({
      chargesCents: z.number(),
      incomeCents: z.number(),
      inKindChargesCents: z.number(),
      inKindIncomeCents: z.number(),
      ccasCents: z.number(),
    }),
  }),
  declaration: z.object({
    items: z.array(z.object({ label: z.string(), accepted: z.boolean() })),
    signedAt: z.string().nullable(),
    signerName: z.string().nullable(),
  }),
  attachments: z.array(
    z.object({
      documentId: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      originalName: z.string(),
      mimeType: z.string(),
      size: z.number(),
      sha256: z.string(),
    }),
  ),
});

/** The snapshot of a stored row, or null for a deposit made before snapshots existed (or a row that is not one). */
export function readSnapshot(value: unknown): SubmissionSnapshot | null {
  const parsed = storedSnapshot.safeParse(value);
  return parsed.success ? (parsed.data as SubmissionSnapshot) : null;
}
