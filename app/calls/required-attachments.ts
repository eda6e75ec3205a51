// The attachments a call requires, a JSON list of document kinds in `Call.requiredAttachments`:
// its one reader and its one writer.

/** The kinds listed in the column; anything else it may hold is ignored. */
export function parseRequiredAttachments(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The column's value for a list of kinds, each once. */
export function serializeRequiredAttachments(kinds: readonly string[]): string[] {
  return [...new Set(kinds)];
}
