// The CCAS's identity (name, SIRET, address, contact, who signs, which court), as an
// administrator saves it in Paramètres. One row, audited, read by every page through the cache.
import type { SessionUser } from "~/accounts/auth.server";
import { writeTransaction, type Tx } from "~/db.server";
import { recordAudit } from "~/lib/audit.server";
import { DomainError } from "~/lib/domain-error";
import { isValidSiret } from "~/lib/validation";
import { DEFAULT_SETTINGS, SETTINGS_ID } from "~/settings/portal-settings.server";
import { invalidateReferenceData } from "~/settings/reference-cache.server";
import type { IdentityInput } from "~/settings/schemas";

type Actor = Pick<SessionUser, "id">;

/** The settings row, created with neutral defaults the first time anything is saved. */
export async function settingsRow(tx: Tx) {
  return tx.portalSettings.upsert({
    where: { id: SETTINGS_ID },
    create: { id: SETTINGS_ID, name: DEFAULT_SETTINGS.name, longName: DEFAULT_SETTINGS.longName },
    update: {},
    omit: { logo: true },
  });
}

/** What changed, for the audit line: "name, siret". */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after)
    .filter((key) => (before[key] ?? null) !== (after[key] ?? null))
    .join(", ");
}

/** Saves the identity; the SIRET is checked with its key here too (a caller that skipped the form). */
export async function saveIdentity(input: IdentityInput, actor: Actor) {
  const siret = input.siret?.replace(/\s+/g, "") || null;
  if (siret !== null && !isValidSiret(siret))
    throw new DomainError("Ce SIRET n'est pas valide : la clé de contrôle ne correspond pas. Vérifiez les 14 chiffres.", {
      code: "invalid_siret",
      field: "siret",
    });
  const data = {
    name: input.name,
    longName: input.longName,
    siret,
    address: input.address,
    postcode: input.postcode,
    city: input.city,
    phone: input.phone ?? null,
    email: input.email ?? null,
    representative: input.representative,
    court: input.court,
  };
  await writeTransaction(async (tx) => {
    const before = await settingsRow(tx);
    const changed = changedKeys(before, data);
    await tx.portalSettings.update({ where: { id: SETTINGS_ID }, data, select: { id: true } });
    await recordAudit(tx, {
      entityType: "settings",
      entityId: SETTINGS_ID,
      actorId: actor.id,
      action: "identité modifiée",
      comment: changed ? `Champs modifiés : ${changed}` : "Aucun changement",
    });
  });
  invalidateReferenceData();
}
