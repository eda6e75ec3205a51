// The communes the CCAS serves (a CIAS serves several): INSEE codes and names, used by the RNA
// import's filter and the open data's geographic fields.
import type { SessionUser } from "~/accounts/auth.server";
import { writeTransaction } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError } from "~/lib/domain-error";
import { SETTINGS_ID } from "~/settings/portal-settings.server";
import { invalidateReferenceData } from "~/settings/reference-cache.server";
import { communeListSchema, type CommuneInput } from "~/settings/schemas";
import { settingsRow } from "~/settings/identity.server";

/** Replaces the list of communes: at least one, valid INSEE codes, none twice. */
export async function saveCommunes(communes: CommuneInput[], actor: Pick<SessionUser, "id">) {
  const checked = communeListSchema.safeParse(communes);
  if (!checked.success)
    throw new DomainError(`Communes : ${checked.error.issues[0].message}`, { code: "invalid_communes", field: "communes" });
  await writeTransaction(async (tx) => {
    await settingsRow(tx);
    await tx.portalSettings.update({ where: { id: SETTINGS_ID }, data: { communes: checked.data }, select: { id: true } });
    await recordAudit(tx, {
      entityType: "settings",
      entityId: SETTINGS_ID,
      actorId: actor.id,
      action: "communes modifiées",
      comment: checked.data
        .map((c) => `${c.code} ${c.name}`)
        .join(", ")
        .slice(0, 2000),
    });
  });
  invalidateReferenceData();
  return checked.data;
}
