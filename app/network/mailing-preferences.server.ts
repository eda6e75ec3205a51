// « Courriels du réseau » on the account page: one box per mailing list, saved with setSubscription.
import { isSubscribed, MAILING_LISTS, setSubscription, type MailingList } from "~/mail/mailing-lists.server";

const LISTS = Object.keys(MAILING_LISTS) as MailingList[];

export async function mailingPreferences(userId: string) {
  return Promise.all(LISTS.map(async (list) => ({ list, ...MAILING_LISTS[list], subscribed: await isSubscribed(userId, list) })));
}

/** The boxes ticked (`list` values) are the lists kept; an unknown value is ignored. */
export async function saveMailingPreferences(userId: string, ticked: unknown) {
  const chosen = new Set((Array.isArray(ticked) ? ticked : [ticked]).filter((v): v is string => typeof v === "string"));
  for (const list of LISTS) await setSubscription(userId, list, chosen.has(list));
}
