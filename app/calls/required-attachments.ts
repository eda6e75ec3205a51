// The attachments a call requires, stored as a JSON list of document kinds in
// `Call.requiredAttachments`: its one reader and its one writer.

export function parseRequiredAttachments(json: string): string[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** The column's value for a list of kinds, each once. */
export function serializeRequiredAttachments(kinds: readonly string[]): string {
  return JSON.stringify([...new Set(kinds)]);
}
