// The one error channel of domain code: a refusal the user can act on, with its French
// message, the field it concerns and the HTTP status it answers with. Domain modules throw
// it (never an HTTP Response); routes let `domainAction` / `domainLoader` answer it.

export type DomainErrorOptions = {
  /** A stable name for tests and logs ("already_paid", "not_found"). */
  code?: string;
  /** The form field the message goes beside; the form as a whole when absent. */
  field?: string;
  /** 400 unless said: 403 not allowed, 404 not found (or not yours), 409 state changed meanwhile. */
  status?: number;
};

export class DomainError extends Error {
  readonly code: string;
  readonly field: string;
  readonly status: number;
  constructor(message: string, { code = "refused", field = "_form", status = 400 }: DomainErrorOptions = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.field = field;
    this.status = status;
  }
}

export function notFoundError(message = "Cette page n'existe pas ou vous n'y avez pas accès.") {
  return new DomainError(message, { code: "not_found", status: 404 });
}

export function forbiddenError(message = "Vous n'avez pas accès à cette page.") {
  return new DomainError(message, { code: "forbidden", status: 403 });
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
