// The subsidy domain's refusals: DomainErrors with a French message beside the field it concerns.
// They answer 400, as the forms always did (a subsidy or a report not found here is a refusal of
// the post, not a missing page).
import { DomainError } from "~/lib/domain-error";

/** A refused step of a subsidy ("not_voted", "already_paid"…), shown beside `field` or above the form. */
export function subsidyRefusal(code: string, message: string, field?: string) {
  return new DomainError(message, { code, field });
}
