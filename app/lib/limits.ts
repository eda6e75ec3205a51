// Limits the public forms show in their hints and the schemas enforce, kept free of zod so
// that showing them does not ship the validation library with the page.
export const PASSWORD_MIN_LENGTH = 12;
export const MAX_PARTICIPANTS_PER_FORM = 5;
/** The largest amount of money the portal takes (in cents): amounts are 32-bit integers on PostgreSQL (max 21 474 836,47 €). */
export const MAX_AMOUNT_CENTS = 20_000_000_00;
