// What a message says, apart from whom it goes to: each domain's emails.ts writes these as
// pure functions (links passed in, already absolute), so the wording can be read and tested alone.
export type Email = { subject: string; text: string };

/** Lines joined into a message body. */
export const lines = (...text: string[]) => text.join("\n");
