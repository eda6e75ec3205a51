// Server side of every form: the same zod schema as the browser, field-keyed French
// messages on failure, and the typed values sent back so nothing is lost.
import { data } from "@remix-run/node";
import type { z } from "zod";

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
