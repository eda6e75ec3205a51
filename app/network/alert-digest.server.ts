// The daily digest of the network's alerts: once a day after 7:00 Paris time (the staff digest's
// `digestTime`), each member subscribed to « alertes-reseau » receives the posts created since
// their last digest (the first time: since the alert was saved) that are open, not hidden, not
// past their last day, not of their own associations, and match their fields, districts and
// kinds (an empty list matches all). Nothing is sent when nothing matches; the high-water mark
// (lastSentAt) moves conditionally, so two runs at once send one digest.
import { TZDate } from "@date-fns/tz";
import { prisma, writeTransaction, type Prisma } from "~/db.server";
import { PARIS } from "~/lib/format";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { subscribedAmong, unsubscribeUrl } from "~/mail/mailing-lists.server";
import { digestTime } from "~/review/digest.server";
import { loadTaxonomy } from "~/settings/taxonomy.server";
import { alertDigestEmail } from "./alert-emails";
import { ALERT_LIST } from "./alerts.server";
import { formatDay, KIND_LABELS } from "./post-labels";

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** Today in Paris as a calendar day (00:00 UTC), as posts store their last day. */
function parisToday(now: Date) {
  const paris = new TZDate(now.getTime(), PARIS);
  return new Date(Date.UTC(paris.getFullYear(), paris.getMonth(), paris.getDate()));
}

type Alert = { userId: string; fields: unknown; districts: unknown; kinds: unknown };

/** The posts one alert matches in (since, until], oldest first. */
export async function matchingPosts(alert: Alert, ownAssociationIds: string[], since: Date, until: Date) {
  const fields = strings(alert.fields);
  const districts = strings(alert.districts);
  const kinds = strings(alert.kinds).filter((k): k is "besoin" | "offre" => k === "besoin" || k === "offre");
  const where: Prisma.NetworkPostWhereInput = {
    createdAt: { gt: since, lte: until },
    status: "open",
    hiddenAt: null,
    endsOn: { gte: parisToday(until) },
    associationId: { notIn: ownAssociationIds },
    association: { status: "validated", dissolvedAt: null },
    ...(fields.length ? { fieldSlug: { in: fields } } : {}),
    ...(districts.length ? { districtSlug: { in: districts } } : {}),
    ...(kinds.length ? { kind: { in: kinds } } : {}),
  };
  return prisma.networkPost.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, kind: true, title: true, districtSlug: true, endsOn: true, association: { select: { name: true } } },
  });
}

/**
 * Sends the day's digests (server/jobs.ts « alertes du réseau »). `only` limits the run to some
 * people (the journeys, which share their database with others).
 */
export async function sendAlertDigests(now = new Date(), { only }: { only?: string[] } = {}) {
  const at = digestTime(now);
  if (now < at) return { sent: 0, skipped: 0 };
  const alerts = await prisma.networkAlert.findMany({
    where: {
      ...(only ? { userId: { in: only } } : {}),
      OR: [{ lastSentAt: null }, { lastSentAt: { lt: at } }],
      user: { disabledAt: null, memberships: { some: {} } },
    },
    select: {
      userId: true,
      fields: true,
      districts: true,
      kinds: true,
      lastSentAt: true,
      createdAt: true,
      user: { select: { name: true, email: true, memberships: { orderBy: { createdAt: "asc" }, select: { associationId: true } } } },
    },
  });
  const subscribed = new Set(
    await subscribedAmong(
      alerts.map((a) => a.userId),
      ALERT_LIST,
    ),
  );
  const taxonomy = alerts.length ? await loadTaxonomy() : null;
  let sent = 0;
  let skipped = 0;
  for (const alert of alerts) {
    if (!subscribed.has(alert.userId)) continue;
    const own = alert.user.memberships.map((m) => m.associationId);
    const posts = await matchingPosts(alert, own, alert.lastSentAt ?? alert.createdAt, now);
    const mailed = await writeTransaction(async (tx) => {
      const moved = await tx.networkAlert.updateMany({
        where: { userId: alert.userId, lastSentAt: alert.lastSentAt },
        data: { lastSentAt: now },
      });
      if (moved.count !== 1 || posts.length === 0) return false;
      const link = unsubscribeUrl(ALERT_LIST, alert.userId);
      await enqueueMail(tx, {
        to: alert.user.email,
        bulk: true,
        unsubscribeUrl: link,
        ...alertDigestEmail({
          recipientName: alert.user.name,
          posts: posts.map((p) => ({
            kind: KIND_LABELS[p.kind],
            title: p.title,
            association: p.association.name,
            district: taxonomy!.label("district", p.districtSlug),
            endsOn: formatDay(p.endsOn),
            url: absoluteUrl(`/espace/associations/${own[0]}/reseau/${p.id}`),
          })),
          alertsUrl: absoluteUrl("/espace/alertes"),
          unsubscribeUrl: link,
        }),
      });
      return true;
    });
    if (mailed) sent++;
    else skipped++;
  }
  if (sent) void kickMailQueue();
  return { sent, skipped };
}
