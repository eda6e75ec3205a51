// What the staff's moderation page reads: the open reports first (the reported text as written,
// the associations involved), then the network's posts filtered by status and visibility.
import { prisma, type Prisma } from "~/db.server";
import { STATUS_FILTERS, VISIBILITY_FILTERS, type StatusFilter, type VisibilityFilter } from "./moderation-labels";
import type { PostStatus } from "./post-labels";

const EXCERPT = 400;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);

export type PostFilters = { status: StatusFilter; visibility: VisibilityFilter };

/** The query string's filters, unknown values read as « all ». */
export function readPostFilters(params: URLSearchParams): PostFilters {
  const status = params.get("etat") ?? "";
  const visibility = params.get("masquage") ?? "";
  return {
    status: Object.hasOwn(STATUS_FILTERS, status) ? (status as StatusFilter) : "tous",
    visibility: Object.hasOwn(VISIBILITY_FILTERS, visibility) ? (visibility as VisibilityFilter) : "toutes",
  };
}

const reportSelect = {
  id: true,
  reason: true,
  createdAt: true,
  reporter: { select: { name: true } },
  reporterAssociationId: true,
  post: { select: { id: true, title: true, body: true, hiddenAt: true, association: { select: { id: true, name: true, slug: true } } } },
  message: {
    select: {
      id: true,
      body: true,
      hiddenAt: true,
      createdAt: true,
      associationId: true,
      conversation: {
        select: {
          subject: true,
          fromAssociation: { select: { id: true, name: true, slug: true } },
          toAssociation: { select: { id: true, name: true, slug: true } },
        },
      },
    },
  },
} satisfies Prisma.AbuseReportSelect;

export type OpenReport = Awaited<ReturnType<typeof openReports>>[number];

/** Open reports, oldest first (the longest waiting on top), each with what it is about. */
export async function openReports() {
  const rows = await prisma.abuseReport.findMany({
    where: { status: "open" },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: reportSelect,
  });
  const reporterIds = [...new Set(rows.map((r) => r.reporterAssociationId).filter((id): id is string => !!id))];
  const reporters = new Map(
    (await prisma.association.findMany({ where: { id: { in: reporterIds } }, select: { id: true, name: true } })).map((a) => [
      a.id,
      a.name,
    ]),
  );
  return rows.map((r) => {
    const reporter = {
      person: r.reporter?.name ?? "Compte supprimé",
      association: r.reporterAssociationId ? (reporters.get(r.reporterAssociationId) ?? null) : null,
    };
    if (r.post)
      return {
        id: r.id,
        kind: "post" as const,
        reason: r.reason,
        createdAt: r.createdAt,
        reporter,
        title: r.post.title,
        excerpt: excerpt(r.post.body),
        hidden: r.post.hiddenAt !== null,
        author: r.post.association.name,
        other: null,
      };
    const c = r.message!.conversation;
    const writer = r.message!.associationId === c.fromAssociation.id ? c.fromAssociation : c.toAssociation;
    const other = writer.id === c.fromAssociation.id ? c.toAssociation : c.fromAssociation;
    return {
      id: r.id,
      kind: "message" as const,
      reason: r.reason,
      createdAt: r.createdAt,
      reporter,
      title: c.subject,
      excerpt: excerpt(r.message!.body),
      hidden: r.message!.hiddenAt !== null,
      author: writer.name,
      other: other.name,
    };
  });
}

const PAGE_SIZE = 50;

/** The network's posts, newest first, filtered; the hiding reason with the hidden ones. */
export async function moderationPosts(filters: PostFilters) {
  const where: Prisma.NetworkPostWhereInput = {
    ...(filters.status === "tous" ? {} : { status: filters.status as PostStatus }),
    ...(filters.visibility === "masquees" ? { hiddenAt: { not: null } } : filters.visibility === "visibles" ? { hiddenAt: null } : {}),
  };
  const [total, posts] = await Promise.all([
    prisma.networkPost.count({ where }),
    prisma.networkPost.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        category: true,
        title: true,
        body: true,
        status: true,
        endsOn: true,
        createdAt: true,
        hiddenAt: true,
        hiddenReason: true,
        association: { select: { name: true, slug: true } },
        _count: { select: { reports: { where: { status: "open" } } } },
      },
    }),
  ]);
  return { total, shown: posts.length, posts: posts.map((p) => ({ ...p, body: excerpt(p.body), openReports: p._count.reports })) };
}
