// One-time messages shown after a redirect ("Profil enregistré").
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { getEnv } from "~/env.server";

type FlashKind = "success" | "info" | "error";

function storage() {
  const env = getEnv();
  return createCookieSessionStorage({
    cookie: {
      name: "ccas_flash",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: env.PUBLIC_URL.startsWith("https://"),
      secrets: [env.SESSION_SECRET],
    },
  });
}

export async function redirectWithFlash(to: string, message: string, kind: FlashKind = "success", headers: HeadersInit = {}) {
  const session = await storage().getSession();
  session.flash("message", { message, kind });
  const responseHeaders = new Headers(headers);
  responseHeaders.append("Set-Cookie", await storage().commitSession(session));
  return redirect(to, { headers: responseHeaders });
}

export async function readFlash(request: Request) {
  const session = await storage().getSession(request.headers.get("Cookie"));
  const flash = session.get("message") as { message: string; kind: FlashKind } | undefined;
  return { flash: flash ?? null, setCookie: flash ? await storage().commitSession(session) : null };
}
