// The attachments a call requires, stored as a JSON list of document kinds in
// `Call.requiredAttachments`: its one reader.

export function parseRequiredAttachments(json: string): string[] {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
