// What an association is refused on a dossier: a dossier past its editing, a declaration only
// the legal representative signs, a call not open. DomainErrors with a code; the forms answer
// the first two beside the form with status 403 (as before the one error channel).
import { DomainError, isDomainError } from "~/lib/domain-error";
import { isEditable } from "~/dossiers/dossier-data";

type DossierRefusalCode = "dossier_locked" | "representative_only";

export function dossierRefusal(message: string, code: DossierRefusalCode) {
  return new DomainError(message, { code, status: 403 });
}

export function isDossierRefusal(error: unknown): error is DomainError {
  return isDomainError(error) && (error.code === "dossier_locked" || error.code === "representative_only");
}

/** Throws unless the association may still change the dossier. */
export function assertEditable(dossier: { state: string }, message = "Ce dossier n'est plus modifiable.") {
  if (!isEditable(dossier)) throw dossierRefusal(message, "dossier_locked");
}

export const CALL_NOT_OPEN = "call_not_open";

export function callNotOpen() {
  return new DomainError(
    "Cet appel à projets n'est pas ouvert aux candidatures : la date de clôture est passée ou il n'est pas encore ouvert.",
    { code: CALL_NOT_OPEN },
  );
}
