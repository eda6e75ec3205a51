// The charter's refusals (for now a class; see the DomainError commit).
export type CharterErrorCode = "no_version" | "not_current" | "not_representative" | "not_validated" | "not_draft" | "tampered";

export class CharterError extends Error {
  constructor(
    readonly code: CharterErrorCode,
    message: string,
  ) {
    super(message);
  }
}
