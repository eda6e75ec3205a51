// The review queue: the dossiers staff instruct, in tabs (à suivre, suivis, traités, tous),
// filtered and sorted, with counts by tab and by state.
import { prisma, type Prisma } from "~/db.server";
import { REVIEWABLE_STATES } from "~/dossiers/dossier-states";
import { reviewableCallIds, type Actor } from "./access.server";
import { NO_GROUP, parseQueueQuery, QUEUE_TABS, type QueueFilters, type QueueSort, type QueueTab } from "./queue-query";
import { dossierLineSelect } from "./selects.server";

export type { QueueFilters, QueueSort, QueueTab };

export const QUEUE_SORTS = {
  depot_recent: { label: "Dépôt le plus récent", orderBy: [{ submittedAt: "desc" }, { number: "desc" }] },
  depot_ancien: { label: "Dépôt le plus ancien", orderBy: [{ submittedAt: "asc" }, { number: "asc" }] },
  numero: { label: "Numéro de dossier", orderBy: [{ number: "asc" }] },
  association: { label: "Association (A → Z)", orderBy: [{ association: { name: "asc" } }, { number: "asc" }] },
  montant: { label: "Montant demandé (décroissant)", orderBy: [{ requestedCents: { sort: "desc", nulls: "last" } }, { number: "asc" }] },
} as const satisfies Record<QueueSort, { label: string; orderBy: Prisma.DossierOrderByWithRelationInput[] }>;

export function parseQueueFilters(url: URL): QueueFilters {
  return parseQueueQuery(url.searchParams);
}

const OPEN_STATES = ["en_construction", "en_instruction"] as const;
const DECIDED_STATES = ["accepte", "refuse", "sans_suite"] as const;

/**
 * Each tab's condition for this user. « À suivre »: open dossiers nobody follows yet, in a group
 * the user belongs to, or without a group in a call the user reviews (a call without groups, or
 * a dossier no rule matched) — for an administrator, who oversees every call, without a group in
 * any call. « Suivis »: the user follows them. « Traités »: decided.
 */
export function tabWhere(tab: QueueTab, user: Pick<Actor, "id" | "role">): Prisma.DossierWhereInput {
  const userId = user.id;
  switch (tab) {
    case "a-suivre":
      return {
        state: { in: [...OPEN_STATES] },
        followers: { none: {} },
        OR: [
          { reviewGroup: { is: { members: { some: { userId } } } } },
          user.role === "admin" ? { reviewGroupId: null } : { reviewGroupId: null, call: { reviewers: { some: { userId } } } },
        ],
      };
    case "suivis":
      return { followers: { some: { userId } } };
    case "traites":
      return { state: { in: [...DECIDED_STATES] } };
    case "tous":
      return {};
  }
}

export async function listReviewQueue(user: Actor, filters: QueueFilters) {
  const callIds = await reviewableCallIds(user);
  const scope: Prisma.DossierWhereInput = {
    state: { in: [...REVIEWABLE_STATES] },
    ...(callIds ? { callId: { in: callIds } } : {}),
  };
  // Every filter but the tab and the state: what the tab counts are counted within.
  const filtered: Prisma.DossierWhereInput = {
    ...scope,
    AND: [
      filters.callId ? { callId: filters.callId } : {},
      filters.field ? { association: { fields: { some: { slug: filters.field } } } } : {},
      filters.mine ? { call: { reviewers: { some: { userId: user.id } } } } : {},
      filters.groupId ? { reviewGroupId: filters.groupId === NO_GROUP ? null : filters.groupId } : {},
    ],
  };
  const inTab: Prisma.DossierWhereInput = { AND: [filtered, tabWhere(filters.tab ?? "tous", user)] };
  const withState: Prisma.DossierWhereInput = filters.state ? { AND: [inTab, { state: filters.state }] } : inTab;
  const [dossiers, byState, calls, groups, tabCounts] = await Promise.all([
    prisma.dossier.findMany({
      where: withState,
      orderBy: QUEUE_SORTS[filters.sort ?? "depot_recent"].orderBy as Prisma.DossierOrderByWithRelationInput[],
      take: 500,
      select: {
        ...dossierLineSelect,
        updatedAt: true,
        call: { select: { id: true, title: true } },
        association: { select: { id: true, name: true, fields: { select: { slug: true } } } },
        reviewGroup: { select: { id: true, name: true } },
        _count: { select: { messages: true, annotations: true } },
      },
    }),
    prisma.dossier.groupBy({ by: ["state"], where: inTab, _count: { _all: true } }),
    prisma.call.findMany({
      where: callIds ? { id: { in: callIds } } : {},
      orderBy: { opensAt: "desc" },
      select: { id: true, title: true },
    }),
    prisma.reviewGroup.findMany({
      where: filters.callId ? { callId: filters.callId } : callIds ? { callId: { in: callIds } } : {},
      orderBy: [{ call: { opensAt: "desc" } }, { position: "asc" }],
      select: { id: true, name: true, call: { select: { title: true } } },
    }),
    countTabs(user, filtered),
  ]);
  const counts = Object.fromEntries(byState.map((g) => [g.state, g._count._all])) as Record<string, number>;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { dossiers, counts, total, calls, groups, tabCounts };
}

/** How many dossiers each tab holds under the other filters (the state aside). */
export async function countTabs(user: Pick<Actor, "id" | "role">, filtered: Prisma.DossierWhereInput) {
  const counts = await Promise.all(QUEUE_TABS.map((t) => prisma.dossier.count({ where: { AND: [filtered, tabWhere(t.value, user)] } })));
  return Object.fromEntries(QUEUE_TABS.map((t, i) => [t.value, counts[i]])) as Record<QueueTab, number>;
}
