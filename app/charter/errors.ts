// The charter's refusals: DomainErrors whose code says which, and whose status the pages answer with.
import { DomainError } from "~/lib/domain-error";

export type CharterErrorCode = "no_version" | "not_current" | "not_representative" | "not_validated" | "not_draft" | "tampered";

const STATUS: Record<CharterErrorCode, number> = {
  no_version: 400,
  // Someone else acted meanwhile: a new version published, the draft published.
  not_current: 409,
  not_draft: 409,
  not_representative: 403,
  not_validated: 400,
  tampered: 400,
};

export function charterRefusal(code: CharterErrorCode, message: string) {
  return new DomainError(message, { code, status: STATUS[code] });
}
