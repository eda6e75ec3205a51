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

/** The client's address; X-Forwarded-For only when TRUST_PROXY says a proxy sets it. */
export function clientIp(request: Request): string {
  if (getEnv().TRUST_PROXY) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return request.headers.get("x-client-ip") ?? "inconnue";
}

/** A same-site path to go back to after login, never an open redirect. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/espace"): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
