// A member's alert on the network's new posts: what they want to hear of (fields, districts,
// kinds; empty = all) in a NetworkAlert row, and whether the daily e-mail goes out, which is the
// mailing list « alertes-reseau » (the e-mail's one-click link leaves it too).
import { prisma, writeTransaction } from "~/db.server";
import { isSubscribed, setSubscription } from "~/mail/mailing-lists.server";
import type { AlertInput } from "./alert-schemas";

export const ALERT_LIST = "alertes-reseau" as const;

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** The person's alert as the form shows it; subscribed only once an alert exists and the list is not left. */
export async function alertOf(userId: string) {
  const row = await prisma.networkAlert.findUnique({ where: { userId } });
  if (!row) return { exists: false, fields: [], districts: [], kinds: [], subscribed: false };
  return {
    exists: true,
    fields: strings(row.fields),
    districts: strings(row.districts),
    kinds: strings(row.kinds),
    subscribed: await isSubscribed(userId, ALERT_LIST),
  };
}

/**
 * Saves the choices and the subscription. An alert turned back on starts from now (the digest
 * never replays what was published while it was off); a new one starts from its creation.
 */
export async function saveAlert(userId: string, input: AlertInput) {
  const before = await alertOf(userId);
  if (!before.exists && !input.subscribed) return { subscribed: false };
  const data = { fields: input.fields, districts: input.districts, kinds: input.kinds };
  await writeTransaction(async (tx) => {
    await tx.networkAlert.upsert({
      where: { userId },
      create: { userId, ...data },
      update: { ...data, ...(input.subscribed && before.exists && !before.subscribed ? { lastSentAt: new Date() } : {}) },
    });
  });
  await setSubscription(userId, ALERT_LIST, input.subscribed);
  return { subscribed: input.subscribed };
}
