// Limits the public forms show in their hints and the schemas enforce, kept free of zod so
// that showing them does not ship the validation library with the page.
export const PASSWORD_MIN_LENGTH = 12;
export const MAX_PARTICIPANTS_PER_FORM = 5;
