// The alerts' daily digest on a real SQLite database: after 7:00 Paris time, once a day, only the
// new open posts of other associations matching the alert, with the one-click unsubscribe link;
// nothing when nothing matches, nothing before 7:00, nothing once the list is left.
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { calendarDayFromNow, createNetworkPost } from "../../prisma/factories/network";
import { addMembership, createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const { sendAlertDigests } = await import("./alert-digest.server");
const { alertOf, saveAlert } = await import("./alerts.server");
const { isSubscribed } = await import("../mail/mailing-lists.server");
const { digestTime } = await import("../review/digest.server");

const HOUR = 3600_000;

async function member() {
  const association = await createAssociation(prisma, { status: "validated" });
  const user = await createUser(prisma);
  await addMembership(prisma, user.id, association.id);
  return { user, associationId: association.id };
}

/** A Paris day's 9:00 (winter: UTC+1), as the job's clock. */
const nineInParis = (day: string) => new Date(`${day}T08:00:00Z`);

describe("the alerts' digest", () => {
  it("sends once a day the new matching posts of other associations, with the unsubscribe link", async () => {
    const me = await member();
    const other = await createAssociation(prisma, { status: "validated" });
    const savedAt = new Date(Date.now() - 2 * HOUR);
    await saveAlert(me.user.id, { fields: ["aide-alimentaire"], districts: ["planoise"], kinds: [], subscribed: true });
    await prisma.networkAlert.update({ where: { userId: me.user.id }, data: { createdAt: savedAt } });
    const after = new Date(Date.now() - HOUR);
    const match = await createNetworkPost(prisma, other.id, { title: "Bénévoles pour la collecte", kind: "offre", createdAt: after });
    await createNetworkPost(prisma, other.id, { title: "Autre quartier", districtSlug: "battant", createdAt: after });
    await createNetworkPost(prisma, other.id, { title: "Avant l'alerte", createdAt: new Date(savedAt.getTime() - HOUR) });
    await createNetworkPost(prisma, me.associationId, { title: "La nôtre", createdAt: after });
    const hidden = await createNetworkPost(prisma, other.id, { title: "Masquée", createdAt: after });
    await prisma.networkPost.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: "x" } });
    await createNetworkPost(prisma, other.id, { title: "Échue", endsOn: calendarDayFromNow(-2), createdAt: after });

    const now = new Date();
    // Today's digest time or later (the test may run at night).
    const at = new Date(Math.max(now.getTime(), digestTime(now).getTime() + HOUR));
    expect(await sendAlertDigests(at, { only: [me.user.id] })).toEqual({ sent: 1, skipped: 0 });
    const mails = await prisma.emailMessage.findMany({ where: { to: me.user.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Réseau des associations : 1 nouvelle annonce pour vos alertes");
    expect(mails[0].bulk).toBe(true);
    expect(mails[0].unsubscribeUrl).toMatch(/\/desabonnement\/alertes-reseau\./);
    expect(mails[0].text).toContain("- Offre : Bénévoles pour la collecte");
    expect(mails[0].text).toContain(`/espace/associations/${me.associationId}/reseau/${match.id}`);
    expect(mails[0].text).toContain(mails[0].unsubscribeUrl!);
    for (const absent of ["Autre quartier", "Avant l'alerte", "La nôtre", "Masquée", "Échue"]) expect(mails[0].text).not.toContain(absent);

    // The same day again: nothing more.
    expect(await sendAlertDigests(new Date(at.getTime() + HOUR), { only: [me.user.id] })).toEqual({ sent: 0, skipped: 0 });
  });

  it("sends nothing before 7:00 in Paris, nothing when nothing matches (the mark still moves), nothing once unsubscribed", async () => {
    const me = await member();
    const other = await createAssociation(prisma, { status: "validated" });
    await saveAlert(me.user.id, { fields: [], districts: [], kinds: ["offre"], subscribed: true });
    await prisma.networkAlert.update({ where: { userId: me.user.id }, data: { createdAt: new Date("2030-01-01T00:00:00Z") } });
    await createNetworkPost(prisma, other.id, {
      kind: "besoin",
      createdAt: new Date("2030-01-02T05:00:00Z"),
      endsOn: new Date("2030-02-01T00:00:00Z"),
    });
    expect(await sendAlertDigests(new Date("2030-01-02T05:30:00Z"), { only: [me.user.id] })).toEqual({ sent: 0, skipped: 0 });
    expect(await sendAlertDigests(nineInParis("2030-01-02"), { only: [me.user.id] })).toEqual({ sent: 0, skipped: 1 });
    expect((await prisma.networkAlert.findUniqueOrThrow({ where: { userId: me.user.id } })).lastSentAt).toEqual(nineInParis("2030-01-02"));

    await createNetworkPost(prisma, other.id, {
      kind: "offre",
      createdAt: new Date("2030-01-02T12:00:00Z"),
      endsOn: new Date("2030-02-01T00:00:00Z"),
    });
    await saveAlert(me.user.id, { fields: [], districts: [], kinds: ["offre"], subscribed: false });
    expect(await isSubscribed(me.user.id, "alertes-reseau")).toBe(false);
    expect(await sendAlertDigests(nineInParis("2030-01-03"), { only: [me.user.id] })).toEqual({ sent: 0, skipped: 0 });
    expect(await prisma.emailMessage.count({ where: { to: me.user.email } })).toBe(0);
  });

  it("saves an alert only when asked for the e-mail, and starts again from now when turned back on", async () => {
    const me = await member();
    await saveAlert(me.user.id, { fields: [], districts: [], kinds: [], subscribed: false });
    expect(await prisma.networkAlert.count({ where: { userId: me.user.id } })).toBe(0);
    await saveAlert(me.user.id, { fields: ["aide-alimentaire"], districts: [], kinds: ["besoin"], subscribed: true });
    expect(await alertOf(me.user.id)).toEqual({
      exists: true,
      fields: ["aide-alimentaire"],
      districts: [],
      kinds: ["besoin"],
      subscribed: true,
    });
    await saveAlert(me.user.id, { fields: [], districts: [], kinds: [], subscribed: false });
    expect((await alertOf(me.user.id)).subscribed).toBe(false);
    await saveAlert(me.user.id, { fields: [], districts: [], kinds: [], subscribed: true });
    const row = await prisma.networkAlert.findUniqueOrThrow({ where: { userId: me.user.id } });
    expect(row.lastSentAt).not.toBeNull();
    expect(await isSubscribed(me.user.id, "alertes-reseau")).toBe(true);
  });
});
