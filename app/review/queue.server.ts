// The review queue: the dossiers staff instruct, filtered and sorted, with counts by state.
import { prisma, type Prisma } from "~/db.server";
import { DOSSIER_STATES, REVIEWABLE_STATES, type DossierState } from "~/dossiers/dossier-states";
import { reviewableCallIds, type Actor } from "./access.server";
import { dossierLineSelect } from "./selects.server";

export const QUEUE_SORTS = {
  depot_recent: { label: "Dépôt le plus récent", orderBy: [{ submittedAt: "desc" }, { number: "desc" }] },
  depot_ancien: { label: "Dépôt le plus ancien", orderBy: [{ submittedAt: "asc" }, { number: "asc" }] },
  numero: { label: "Numéro de dossier", orderBy: [{ number: "asc" }] },
  association: { label: "Association (A → Z)", orderBy: [{ association: { name: "asc" } }, { number: "asc" }] },
  montant: { label: "Montant demandé (décroissant)", orderBy: [{ requestedCents: { sort: "desc", nulls: "last" } }, { number: "asc" }] },
} as const satisfies Record<string, { label: string; orderBy: Prisma.DossierOrderByWithRelationInput[] }>;
export type QueueSort = keyof typeof QUEUE_SORTS;

export type QueueFilters = { callId?: string; state?: DossierState; field?: string; mine?: boolean; sort?: QueueSort };

export function parseQueueFilters(url: URL): QueueFilters {
  const sort = url.searchParams.get("tri") ?? "";
  return {
    callId: url.searchParams.get("appel") || undefined,
    // Only a known state: an unknown one in the address shows every dossier rather than an error.
    state: DOSSIER_STATES.find((s) => s === url.searchParams.get("etat")),
    field: url.searchParams.get("champ") || undefined,
    mine: url.searchParams.get("moi") === "1",
    sort: sort in QUEUE_SORTS ? (sort as QueueSort) : "depot_recent",
  };
}

export async function listReviewQueue(user: Actor, filters: QueueFilters) {
  const callIds = await reviewableCallIds(user);
  const scope: Prisma.DossierWhereInput = {
    state: { in: [...REVIEWABLE_STATES] },
    ...(callIds ? { callId: { in: callIds } } : {}),
  };
  const filtered: Prisma.DossierWhereInput = {
    ...scope,
    AND: [
      filters.callId ? { callId: filters.callId } : {},
      filters.field ? { association: { fields: { some: { slug: filters.field } } } } : {},
      filters.mine ? { call: { reviewers: { some: { userId: user.id } } } } : {},
    ],
  };
  const withState: Prisma.DossierWhereInput = filters.state ? { ...filtered, state: filters.state } : filtered;
  const [dossiers, byState, calls] = await Promise.all([
    prisma.dossier.findMany({
      where: withState,
      orderBy: QUEUE_SORTS[filters.sort ?? "depot_recent"].orderBy as Prisma.DossierOrderByWithRelationInput[],
      take: 500,
      select: {
        ...dossierLineSelect,
        updatedAt: true,
        call: { select: { id: true, title: true } },
        association: { select: { id: true, name: true, fields: { select: { slug: true } } } },
        _count: { select: { messages: true, annotations: true } },
      },
    }),
    prisma.dossier.groupBy({ by: ["state"], where: filtered, _count: { _all: true } }),
    prisma.call.findMany({
      where: callIds ? { id: { in: callIds } } : {},
      orderBy: { opensAt: "desc" },
      select: { id: true, title: true },
    }),
  ]);
  const counts = Object.fromEntries(byState.map((g) => [g.state, g._count._all])) as Record<string, number>;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { dossiers, counts, total, calls };
}
