// The daily digest of the review desk, for each active staff member and administrator who has
// not turned it off: what happened since their last digest on the calls they review (every
// call for administrators) — dossiers deposited, messages from associations, corrections answered
// by a re-deposit, opinions received. `digestContent` reads only the database and the instants it
// is given; `sendDailyDigests` (a background job, server/jobs.ts) sends once a day after 7:00 in
// Paris, moves `digestSentAt` on conditionally (two runs at once send one digest), and sends
// nothing when there is nothing to say.
import { TZDate } from "@date-fns/tz";
import { prisma, writeTransaction, type Db, type Prisma } from "~/db.server";
import { PARIS } from "~/lib/format";
import { absoluteUrl, enqueueMail, kickMailQueue } from "~/mail/mail.server";
import { loadPortalSettings } from "~/settings/portal-settings.server";
import { dailyDigestEmail, type DigestContent, type DigestItem } from "./digest-emails";
import { digestUnsubscribeToken } from "./digest-subscription.server";

/** The digest goes after this hour, Paris time. */
export const DIGEST_HOUR = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's 7:00 in Paris, as a UTC instant. */
export function digestTime(now: Date): Date {
  const paris = new TZDate(now.getTime(), PARIS);
  return new Date(new TZDate(paris.getFullYear(), paris.getMonth(), paris.getDate(), DIGEST_HOUR, 0, 0, 0, PARIS).getTime());
}

type Reader = Pick<Db, "callReviewer" | "dossierSubmission" | "message" | "expertOpinion">;

const dossierFacts = { id: true, number: true, projectTitle: true, association: { select: { name: true } } } as const;
type DossierFacts = Prisma.DossierGetPayload<{ select: typeof dossierFacts }>;

const item = (d: DossierFacts, text: string, anchor = ""): DigestItem => ({
  text: `${d.number} – ${d.association.name}${d.projectTitle ? ` (« ${d.projectTitle} »)` : ""} : ${text}`,
  url: absoluteUrl(`/instruction/dossiers/${d.id}${anchor}`),
});

/** What one person's digest says about (since, until]: a pure function of the database. */
export async function digestContent(db: Reader, user: { id: string; role: string }, since: Date, until: Date): Promise<DigestContent> {
  const callIds =
    user.role === "admin"
      ? null
      : (await db.callReviewer.findMany({ where: { userId: user.id }, select: { callId: true } })).map((r) => r.callId);
  const empty: DigestContent = { deposits: [], messages: [], corrections: [], opinions: [] };
  if (callIds && callIds.length === 0) return empty;
  const onCalls = { ...(callIds ? { callId: { in: callIds } } : {}), state: { not: "brouillon" as const } };
  const window = { gt: since, lte: until };
  const [submissions, messages, opinions] = await Promise.all([
    db.dossierSubmission.findMany({
      where: { submittedAt: window, dossier: onCalls },
      orderBy: { submittedAt: "asc" },
      select: { kind: true, dossier: { select: dossierFacts } },
    }),
    db.message.findMany({
      where: { fromStaff: false, createdAt: window, dossier: onCalls },
      orderBy: { createdAt: "asc" },
      select: { dossier: { select: dossierFacts } },
    }),
    db.expertOpinion.findMany({
      where: { answeredAt: window, cancelledAt: null, dossier: onCalls },
      orderBy: { answeredAt: "asc" },
      select: { expertName: true, dossier: { select: dossierFacts } },
    }),
  ]);
  const perDossier = new Map<string, { dossier: DossierFacts; count: number }>();
  for (const m of messages) {
    const seen = perDossier.get(m.dossier.id) ?? { dossier: m.dossier, count: 0 };
    seen.count++;
    perDossier.set(m.dossier.id, seen);
  }
  return {
    deposits: submissions.filter((s) => s.kind === "depot").map((s) => item(s.dossier, "nouveau dossier déposé")),
    messages: [...perDossier.values()].map(({ dossier, count }) =>
      item(dossier, count > 1 ? `${count} nouveaux messages` : "nouveau message", "#messagerie"),
    ),
    corrections: submissions.filter((s) => s.kind === "redepot").map((s) => item(s.dossier, "dossier corrigé et déposé à nouveau")),
    opinions: opinions.map((o) => item(o.dossier, `avis de ${o.expertName} reçu`, "#avis")),
  };
}

export const isEmptyDigest = (c: DigestContent) => !c.deposits.length && !c.messages.length && !c.corrections.length && !c.opinions.length;

/** Once a day, after 7:00 Paris time: one digest to each person who wants one and has something to read. */
export async function sendDailyDigests(now = new Date()) {
  const at = digestTime(now);
  if (now < at) return { sent: 0, skipped: 0 };
  const recipients = await prisma.user.findMany({
    where: {
      role: { in: ["staff", "admin"] },
      disabledAt: null,
      dailyDigest: true,
      OR: [{ digestSentAt: null }, { digestSentAt: { lt: at } }],
    },
    select: { id: true, role: true, name: true, email: true, digestSentAt: true },
  });
  let sent = 0;
  let skipped = 0;
  for (const user of recipients) {
    // Never further back than the previous digest time: a digest turned back on does not replay the past.
    const floor = at.getTime() - DAY_MS;
    const since = new Date(Math.max(user.digestSentAt?.getTime() ?? 0, floor));
    const content = await digestContent(prisma, user, since, now);
    const mailed = await writeTransaction(async (tx) => {
      const moved = await tx.user.updateMany({ where: { id: user.id, digestSentAt: user.digestSentAt }, data: { digestSentAt: now } });
      if (moved.count !== 1 || isEmptyDigest(content)) return false;
      const { name: ccasName } = await loadPortalSettings(tx);
      const unsubscribeUrl = absoluteUrl(`/instruction/resume/desabonnement/${digestUnsubscribeToken(user.id)}`);
      await enqueueMail(tx, {
        to: user.email,
        bulk: true,
        unsubscribeUrl,
        ...dailyDigestEmail(content, {
          recipientName: user.name,
          ccasName,
          day: now,
          unsubscribeUrl,
          settingsUrl: absoluteUrl("/espace/compte"),
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
