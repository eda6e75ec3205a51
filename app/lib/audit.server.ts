// The audit trail: who changed what, from which state to which. Written in the transaction of
// the change it records, so the trail never says what did not happen.
import type { Tx } from "~/lib/transaction";

export type AuditEntity =
  | "association"
  | "call"
  | "charter"
  | "consultation"
  | "convention"
  | "dossier"
  | "event"
  | "news"
  | "report"
  | "settings"
  | "subsidy"
  | "taxonomy"
  | "user"
  // The network's moderation (app/network/moderation.server.ts).
  | "network_post"
  | "conversation_message"
  | "abuse_report";

export type AuditEntry = {
  entityType: AuditEntity;
  entityId: string;
  actorId?: string | null;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
  /** Now, unless the demo data back-dates it. */
  createdAt?: Date;
};

export async function recordAudit(db: Pick<Tx, "auditEvent">, entry: AuditEntry) {
  await db.auditEvent.create({ data: entry });
}
