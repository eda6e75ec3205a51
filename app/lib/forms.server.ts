// Server side of every form: the same zod schema as the browser, field-keyed French
// messages on failure, and the typed values sent back so nothing is lost.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { DomainError, isDomainError } from "~/lib/domain-error";
import type * as z from "zod";

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, unknown>; formError?: string };

/**
 * FormData → plain object; repeated keys become arrays. Files are left out. Line breaks
 * become "\n": a browser posting a form natively sends a textarea's as "\r\n", and a text
 * saved back unchanged must stay the same text.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    const value = raw.replace(/\r\n?/g, "\n");
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function issuesToFieldErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export type Parsed<T> = { ok: true; data: T } | FormFailure;

export function parseWith<S extends z.ZodType>(schema: S, input: Record<string, unknown>): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues), values: withoutSecrets(input) };
}

export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { ok: false, errors: { _form: "Le formulaire envoyé est illisible. Réessayez." }, values: {} };
  }
  return parseWith(schema, formDataToObject(formData));
}

const SECRET_KEYS = /password|motdepasse|token/i;
function withoutSecrets(values: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_KEYS.test(k)));
}

/** 400 with the messages and what was typed. */
export function invalid(failure: Omit<FormFailure, "ok"> | FormFailure, status = 400) {
  return data(
    { ok: false as const, errors: failure.errors, values: withoutSecrets(failure.values), formError: failure.formError },
    { status },
  );
}

export function fieldError(field: string, message: string, values: Record<string, unknown> = {}, status = 400) {
  return invalid({ errors: { [field]: message }, values }, status);
}

/** The answer to a refused post: the message beside its field (or above the form), what was typed kept. */
export function refusal(error: DomainError, values: Record<string, unknown> = {}) {
  return invalid(
    { errors: { [error.field]: error.message }, values, formError: error.field === "_form" ? error.message : undefined },
    error.status,
  );
}

export const UNKNOWN_INTENT_MESSAGE = "Cette action n'existe pas sur cette page. Rechargez la page et réessayez.";

/**
 * The same answer on every page to a post whose `intent` the page does not know (a stale tab, a
 * forged post): the error page, 400, with the message. Thrown, so no page has to show it itself.
 */
export function unknownIntent(_values: Record<string, unknown> = {}): never {
  throw errorPage(new DomainError(UNKNOWN_INTENT_MESSAGE, { code: "unknown_intent" }));
}

function isUrlEncoded(request: Request) {
  return (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
}

/** A not-found or forbidden refusal shows the error page, as for a GET; the others answer the form. */
function errorPage(error: DomainError) {
  return data({ message: error.message }, { status: error.status });
}

/**
 * The one handler of domain refusals for a route's action: a DomainError becomes the form's answer
 * (`refusal`, with what was typed when the form was a plain one), a 403/404 the error page.
 */
export function domainAction<Args extends ActionFunctionArgs, R>(action: (args: Args) => Promise<R>) {
  return async (args: Args) => {
    const copy = isUrlEncoded(args.request) ? args.request.clone() : null;
    try {
      return await action(args);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      if (error.status === 403 || error.status === 404) throw errorPage(error);
      const values = copy ? await copy.formData().then(formDataToObject, () => ({})) : {};
      return refusal(error, values);
    }
  };
}

/** For a loader: a DomainError becomes the error page with its message and status. */
export function domainLoader<Args extends LoaderFunctionArgs, R>(loader: (args: Args) => Promise<R>) {
  return async (args: Args) => {
    try {
      return await loader(args);
    } catch (error) {
      if (isDomainError(error)) throw errorPage(error);
      throw error;
    }
  };
}
