// Posting one form several times at the same moment, as a double click or a retrying client does,
// with the very body the page would send; and checking each answer is handled, never a 5xx.
import { E2E_URL } from "./paths";
import { expect } from "./fixtures";

export type Answer = { status: number; location: string | null; text: string };

/** The same form body posted `times` times at the same moment. */
export async function burst(times: number, path: string, cookie: string, fields: Record<string, string>): Promise<Answer[]> {
  const body = new URLSearchParams(fields).toString();
  return Promise.all(
    Array.from({ length: times }, async () => {
      const response = await fetch(`${E2E_URL}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: E2E_URL, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
      return { status: response.status, location: response.headers.get("location"), text: await response.text() };
    }),
  );
}

/** A refusal shows its reason: an alert, a field message, or the error page's French text. */
const EXPLAINED = /role="alert"|class="field-error"|class="alert alert-error"|<h1>Requête invalide<\/h1>/;

export function expectHandled(answers: Answer[], label: string) {
  for (const a of answers) {
    expect(a.status, `${label} : pas d'erreur serveur`).toBeLessThan(500);
    if (a.status >= 300 && a.status < 400) continue; // success, or "déjà fait" with a flash message
    if (a.status === 200 || a.status === 204) continue;
    const excerpt = a.text
      .replace(/<script[\s\S]*?<\/script>/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .slice(0, 400);
    expect(EXPLAINED.test(a.text), `${label} : le refus (${a.status}) s'explique en français — ${excerpt}`).toBe(true);
  }
}
