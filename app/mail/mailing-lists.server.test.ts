// Mailing lists on a real SQLite database: the signed one-click link names one person and one list,
// an altered or foreign link names nobody, and leaving or joining again is audited once.
import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories/user";

const { prisma } = await import("../db.server");
const lists = await import("./mailing-lists.server");

describe("mailing lists", () => {
  it("signs a link for one person and one list, and refuses any other", async () => {
    const person = await createUser(prisma);
    const other = await createUser(prisma);
    const token = lists.unsubscribeToken("actualites", person.id);
    expect(lists.verifyUnsubscribeToken(token)).toEqual({ list: "actualites", userId: person.id });
    const [, , sig] = token.split(".");
    expect(lists.verifyUnsubscribeToken(`alertes-reseau.${person.id}.${sig}`)).toBeNull();
    expect(lists.verifyUnsubscribeToken(`actualites.${other.id}.${sig}`)).toBeNull();
    expect(lists.verifyUnsubscribeToken(`inconnue.${person.id}.${sig}`)).toBeNull();
    expect(lists.verifyUnsubscribeToken(`${token}x`)).toBeNull();
    expect(lists.verifyUnsubscribeToken(`${token}.x`)).toBeNull();
    expect(lists.verifyUnsubscribeToken("n'importe quoi")).toBeNull();
    expect(lists.unsubscribeUrl("actualites", person.id)).toMatch(/^https?:\/\/[^/]+\/desabonnement\/actualites\./);
  });

  it("takes a person off one list only, and back on, each change audited once", async () => {
    const person = await createUser(prisma);
    const token = lists.unsubscribeToken("alertes-reseau", person.id);
    expect(await lists.subscriberForToken(token)).toMatchObject({ id: person.id, list: "alertes-reseau", subscribed: true });

    await lists.setSubscription(person.id, "alertes-reseau", false);
    await lists.setSubscription(person.id, "alertes-reseau", false);
    expect(await lists.isSubscribed(person.id, "alertes-reseau")).toBe(false);
    expect(await lists.isSubscribed(person.id, "actualites")).toBe(true);
    expect(await lists.subscribedAmong([person.id], "alertes-reseau")).toEqual([]);
    expect(await lists.subscribedAmong([person.id], "actualites")).toEqual([person.id]);

    await lists.setSubscription(person.id, "alertes-reseau", true);
    expect(await lists.isSubscribed(person.id, "alertes-reseau")).toBe(true);
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "user", entityId: person.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["desabonnement_alertes-reseau", "abonnement_alertes-reseau"]);
  });

  it("names nobody once the account is disabled", async () => {
    const person = await createUser(prisma);
    await prisma.user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    expect(await lists.subscriberForToken(lists.unsubscribeToken("actualites", person.id))).toBeNull();
  });
});
