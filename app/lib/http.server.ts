// Errors thrown as Responses, rendered by the nearest ErrorBoundary.
import { data } from "@remix-run/node";
import { getEnv } from "~/env.server";

export function notFound(message = "Cette page n'existe pas ou vous n'y avez pas accès.") {
  return data({ message }, { status: 404 });
}

export function forbidden(message = "Vous n'avez pas accès à cette page.") {
  return data({ message }, { status: 403 });
}

export function tooManyRequests(message: string) {
  return data({ message }, { status: 429 });
}

export function badRequest(message = "Requête invalide.") {
  return data({ message }, { status: 400 });
}

/** The client's address, as the HTTP layer derived it (server/app.ts: X-Forwarded-For counted from the right,
 * only over the TRUST_PROXY hops the configuration declares, so a client cannot choose it). */
export function clientIp(request: Request): string {
  return request.headers.get("x-client-ip") ?? "inconnue";
}

// Browsers drop tabs and newlines inside a URL and read a backslash as "/": "/<tab>/evil.example"
// and "/<backslash>evil.example" both lead off-site. Refused outright, and in the decoded path too.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_IN_REDIRECT = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * A path on the portal to go back to (after login, after a post), never an open redirect:
 * `to` is resolved against PUBLIC_URL as a browser would, must stay on its origin, and only
 * its path, query and fragment are returned. Anything else gives `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/espace"): string {
  if (!to || typeof to !== "string" || to.length > 2000) return fallback;
  if (!to.startsWith("/") || UNSAFE_IN_REDIRECT.test(to)) return fallback;
  const origin = new URL(getEnv().PUBLIC_URL).origin;
  let url: URL;
  let path: string;
  try {
    url = new URL(to, origin);
    path = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  // Dot segments can bring a double slash to the front ("/..//evil" → "//evil": protocol-relative),
  // and "/%5Cevil" or "/%2F%2Fevil" are one decoding away from leaving.
  if (path.startsWith("//") || UNSAFE_IN_REDIRECT.test(path)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
