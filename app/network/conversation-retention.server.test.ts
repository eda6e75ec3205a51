// Retention of the exchanges between associations: a conversation goes 2 years after its last
// message (with its messages and reports), through the cleanup job's retentionCleanup; the
// association's data export holds its conversations, both sides' messages, hidden ones without text.
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { createAssociation } from "../../prisma/factories/association";
import { createConversation } from "../../prisma/factories/conversations";

const { prisma } = await import("../db.server");
const { CONVERSATION_RETENTION_DAYS, conversationsForExport } = await import("./conversation-retention.server");
const { exportAssociationData, retentionCleanup } = await import("../accounts/personal-data.server");

const DAY = 24 * 3600_000;

describe("conversation retention", () => {
  it("deletes conversations whose last message is older than 2 years, and keeps the others", async () => {
    const a = await createAssociation(prisma);
    const b = await createAssociation(prisma);
    const old = await createConversation(prisma, {
      fromAssociationId: a.id,
      toAssociationId: b.id,
      messages: [{ from: "from", body: "Il y a longtemps", at: new Date(Date.now() - (CONVERSATION_RETENTION_DAYS + 1) * DAY) }],
    });
    await prisma.abuseReport.create({ data: { messageId: old.messageIds[0], reason: "Ancien signalement" } });
    const recent = await createConversation(prisma, {
      fromAssociationId: a.id,
      toAssociationId: b.id,
      messages: [
        { from: "from", body: "Début ancien", at: new Date(Date.now() - (CONVERSATION_RETENTION_DAYS + 10) * DAY) },
        { from: "to", body: "Réponse récente", at: new Date(Date.now() - 10 * DAY) },
      ],
    });
    const result = await retentionCleanup();
    expect(result.conversations).toBeGreaterThanOrEqual(1);
    expect(await prisma.conversation.count({ where: { id: old.id } })).toBe(0);
    expect(await prisma.conversationMessage.count({ where: { conversationId: old.id } })).toBe(0);
    expect(await prisma.abuseReport.count({ where: { reason: "Ancien signalement" } })).toBe(0);
    expect(await prisma.conversationMessage.count({ where: { conversationId: recent.id } })).toBe(2);
  });

  it("puts the association's conversations in its data export, hidden messages without their text", async () => {
    const a = await createAssociation(prisma, { name: "Association exportée" });
    const b = await createAssociation(prisma, { name: "Association correspondante" });
    const other = await createAssociation(prisma);
    const c = await createConversation(prisma, {
      fromAssociationId: b.id,
      toAssociationId: a.id,
      subject: "Échange exporté",
      messages: [
        { from: "from", body: "Bonjour A" },
        { from: "to", body: "Bonjour B" },
        { from: "from", body: "Texte masqué" },
      ],
    });
    await prisma.conversationMessage.update({ where: { id: c.messageIds[2] }, data: { hiddenAt: new Date(), hiddenReason: "Injurieux" } });
    await createConversation(prisma, { fromAssociationId: b.id, toAssociationId: other.id, subject: "Pas à A" });

    const rows = await conversationsForExport(a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: "Échange exporté", startedBy: b.name, writtenTo: a.name });
    expect(rows[0].messages.map((m) => ("body" in m ? m.body : `masqué : ${m.hiddenReason}`))).toEqual([
      "Bonjour A",
      "Bonjour B",
      "masqué : Injurieux",
    ]);

    const zip = unzipSync(await exportAssociationData(a.id));
    const json = strFromU8(zip["conversations.json"]);
    expect(JSON.parse(json)).toHaveLength(1);
    expect(json).toContain("Bonjour B");
    expect(json).not.toContain("Texte masqué");
    expect(json).not.toContain("Pas à A");
  });
});
