// A ZIP of a selection of dossiers for staff: per dossier, a folder named by the chosen pattern
// holding its latest deposit's dossier PDF and attestation and every attachment of that deposit
// under its original name; at the root, `sommaire.csv` (through the spreadsheet writer). Every id
// is checked before a single byte is written: one dossier the user may not review and there is no
// archive at all. The archive is streamed, one file at a time (fflate's streaming Zip).
import { readFile } from "node:fs/promises";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { prisma, type Prisma } from "~/db.server";
import { uploadPath } from "~/documents/document.server";
import { stateLabel } from "~/dossiers/dossier-states";
import { isDraftNumber } from "~/dossiers/dossier-number";
import { depositPdf } from "~/dossiers/submission-records.server";
import { readSnapshot } from "~/dossiers/submission-snapshot";
import { DomainError, forbiddenError, notFoundError } from "~/lib/domain-error";
import { toCsv } from "~/lib/spreadsheet.server";
import { reviewableCallIds, type Actor } from "~/review/access.server";
import { applyPattern, MAX_ARCHIVE_DOSSIERS, safeFileName, uniqueName } from "~/review/archive-names";

type Entry = { name: string; load: () => Promise<Uint8Array | null>; compress: boolean; mtime: Date };
export type ArchivePlan = { entries: Entry[]; dossierCount: number };

const archiveSelect = {
  id: true,
  number: true,
  state: true,
  callId: true,
  projectTitle: true,
  requestedCents: true,
  proposedCents: true,
  association: { select: { name: true } },
  call: { select: { title: true } },
  subsidy: { select: { number: true, votedCents: true } },
  attachments: {
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    select: { kind: true, document: { select: { id: true, originalName: true, storedName: true, sha256: true } } },
  },
  submissions: {
    orderBy: { submittedAt: "desc" as const },
    take: 1,
    select: { id: true, kind: true, submittedAt: true, snapshot: true, sha256: true },
  },
} satisfies Prisma.DossierSelect;

/** Every id reviewable by `user`, or a refusal naming the first that is not (nothing is written then). */
async function reviewableDossiers(user: Actor, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) throw new DomainError("Choisissez au moins un dossier à mettre dans l'archive.");
  if (unique.length > MAX_ARCHIVE_DOSSIERS)
    throw new DomainError(
      `Une archive contient au plus ${MAX_ARCHIVE_DOSSIERS} dossiers : vous en avez choisi ${unique.length}. Faites plusieurs archives.`,
    );
  const rows = await prisma.dossier.findMany({ where: { id: { in: unique } }, select: archiveSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = unique.filter((id) => !byId.get(id) || byId.get(id)!.state === "brouillon");
  if (missing.length)
    throw notFoundError(
      `${missing.length > 1 ? `${missing.length} des dossiers choisis n'existent pas` : "L'un des dossiers choisis n'existe pas"} ou ne sont pas déposés : aucune archive n'a été faite.`,
    );
  const allowed = await reviewableCallIds(user);
  if (allowed) {
    const refused = rows.filter((r) => !allowed.includes(r.callId));
    if (refused.length)
      throw forbiddenError(
        `Vous n'instruisez pas l'appel à projets du dossier ${refused[0].number}${refused.length > 1 ? ` (et de ${refused.length - 1} autre(s))` : ""} : aucune archive n'a été faite.`,
      );
  }
  return unique.map((id) => byId.get(id)!);
}

const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? null : cents / 100);

/** What the archive will hold, after every check; `pattern` is already validated (archiveRequestSchema). */
export async function prepareDossierArchive(user: Actor, ids: string[], pattern: string): Promise<ArchivePlan> {
  const dossiers = await reviewableDossiers(user, ids);
  const folders = new Set<string>(["sommaire.csv"]);
  const entries: Entry[] = [];
  const summary: (string | number | null)[][] = [];
  for (const d of dossiers) {
    const number = isDraftNumber(d.number) ? "brouillon" : d.number;
    const folder = uniqueName(
      folders,
      applyPattern(pattern, {
        numero: number,
        association: d.association.name,
        projet: d.projectTitle ?? "",
        etat: stateLabel(d.state),
        appel: d.call.title,
      }),
    );
    const used = new Set<string>();
    const files: string[] = [];
    const latest = d.submissions[0];
    const snapshot = latest ? readSnapshot(latest.snapshot) : null;
    const mtime = latest?.submittedAt ?? new Date();
    if (latest && snapshot) {
      for (const which of ["dossier", "attestation"] as const) {
        const name = uniqueName(used, which === "dossier" ? `dossier-${number}.pdf` : `attestation-depot-${number}.pdf`);
        files.push(name);
        entries.push({ name: `${folder}/${name}`, compress: true, mtime, load: async () => (await depositPdf(latest, which))!.bytes });
      }
    }
    // The attachments of the latest deposit (as deposited); those of the dossier now when it predates the records.
    const current = new Map(d.attachments.map((a) => [a.document.id, a.document]));
    const deposited = snapshot ? snapshot.attachments.map((a) => a.documentId) : d.attachments.map((a) => a.document.id);
    const documents = await prisma.document.findMany({
      where: { id: { in: deposited } },
      select: { id: true, originalName: true, storedName: true },
    });
    const stored = new Map([...current, ...documents.map((doc) => [doc.id, doc] as const)]);
    const missing: string[] = [];
    for (const documentId of deposited) {
      const doc = stored.get(documentId);
      const original = snapshot?.attachments.find((a) => a.documentId === documentId)?.originalName ?? doc?.originalName ?? "piece";
      if (!doc) {
        missing.push(original);
        continue;
      }
      const name = uniqueName(used, safeFileName(original));
      files.push(name);
      entries.push({
        name: `${folder}/${name}`,
        compress: false,
        mtime,
        load: async () => readFile(uploadPath(doc.storedName)).catch(() => null),
      });
    }
    summary.push([
      number,
      d.association.name,
      d.projectTitle ?? "",
      stateLabel(d.state),
      d.call.title,
      euros(d.requestedCents),
      euros(d.proposedCents),
      d.subsidy?.number ?? "",
      euros(d.subsidy?.votedCents),
      latest ? latest.submittedAt.toISOString() : "",
      snapshot ? (latest?.sha256 ?? "") : "attestation non disponible (dépôt antérieur)",
      folder,
      files.join(" | "),
      missing.length ? `fichiers introuvables : ${missing.join(" | ")}` : "",
    ]);
  }
  const csv = toCsv(
    [
      "Numéro",
      "Association",
      "Projet",
      "État",
      "Appel à projets",
      "Montant demandé (€)",
      "Montant proposé (€)",
      "Subvention",
      "Montant voté (€)",
      "Dernier dépôt (UTC)",
      "Empreinte SHA-256 du dépôt",
      "Dossier de l'archive",
      "Fichiers",
      "Remarques",
    ],
    summary,
    { delimiter: ";", bom: true },
  );
  entries.unshift({ name: "sommaire.csv", compress: true, mtime: new Date(), load: async () => new TextEncoder().encode(csv) });
  return { entries, dossierCount: dossiers.length };
}

/** The archive as a stream: each file is read only when the reader asks for more. */
export function archiveStream(plan: ArchivePlan): ReadableStream<Uint8Array> {
  let zip: Zip;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        if (chunk.length) controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      if (next >= plan.entries.length) {
        if (next === plan.entries.length) {
          next++;
          zip.end();
        }
        return;
      }
      const entry = plan.entries[next++];
      const bytes = (await entry.load()) ?? new TextEncoder().encode("Fichier introuvable sur le serveur au moment de l'archive.\n");
      const file = entry.compress ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
      file.mtime = entry.mtime;
      zip.add(file);
      file.push(bytes, true);
    },
  });
}

export function archiveFileName(now = new Date()) {
  return `dossiers-${now.toISOString().slice(0, 10)}.zip`;
}
