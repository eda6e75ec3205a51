// Temporary home of two helpers shared by the subsidy modules (replaced by recordAudit and formatEuros).
import type { DbClient } from "~/subsidies/numbering.server";

export async function audit(
  db: DbClient,
  entityType: string,
  entityId: string,
  actorId: string | null,
  action: string,
  extra: { fromState?: string | null; toState?: string | null; comment?: string | null } = {},
) {
  await db.auditEvent.create({ data: { entityType, entityId, actorId, action, ...extra } });
}

export function euros(cents: number) {
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);
}
