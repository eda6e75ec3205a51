// The end of needs and offers: archived the day after their last day (the job « annonces échues »),
// then deleted a year after they closed (fulfilled or archived), as docs/retention.md says. The
// conversations they started stay (their own retention); only their link to the post goes.
import { prisma } from "~/db.server";
import { dayToDate, parisToday } from "./post-labels";

const DAY = 24 * 3600_000;

/** Closed posts (fulfilled or archived) are kept this long after closing. */
export const CLOSED_POST_RETENTION_DAYS = 365;

/** Open posts whose last day is before today (Paris) become archived. Idempotent: run hourly. */
export async function archiveExpiredPosts(now = new Date()) {
  const { count } = await prisma.networkPost.updateMany({
    where: { status: "open", endsOn: { lt: dayToDate(parisToday(now)) } },
    data: { status: "archived", archivedAt: now },
  });
  return count;
}

/** Deletes the posts fulfilled or archived more than a year ago (called by retentionCleanup). */
export async function purgeClosedPosts(now = new Date()) {
  const before = new Date(now.getTime() - CLOSED_POST_RETENTION_DAYS * DAY);
  const { count } = await prisma.networkPost.deleteMany({
    where: {
      OR: [
        { status: "fulfilled", fulfilledAt: { lt: before } },
        { status: "archived", archivedAt: { lt: before } },
      ],
    },
  });
  return count;
}

/** The association's needs and offers for its data export (the ZIP): what it wrote and what became of it. */
export async function networkPostsForExport(associationId: string) {
  return prisma.networkPost.findMany({
    where: { associationId },
    orderBy: { createdAt: "asc" },
    select: {
      kind: true,
      category: true,
      title: true,
      body: true,
      fieldSlug: true,
      districtSlug: true,
      endsOn: true,
      status: true,
      fulfilledAt: true,
      archivedAt: true,
      hiddenAt: true,
      hiddenReason: true,
      createdAt: true,
      updatedAt: true,
    },
  });
}
