// What a field of a <ValidatedForm> reads from it: the form, the server's messages, its id and
// its value. Shared by the form (form.tsx) and its fields (form-fields.tsx).
import { createContext, useContext } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

export type FormContextValue = {
  form: UseFormReturn<FieldValues>;
  serverErrors: Record<string, string>;
  /** Fields whose server message still applies (cleared when the user edits them). */
  idPrefix: string;
};

export const ValidatedFormContext = createContext<FormContextValue | null>(null);

export function useFormContext() {
  const ctx = useContext(ValidatedFormContext);
  if (!ctx) throw new Error("Ce champ doit être placé dans un <ValidatedForm>.");
  return ctx;
}

export function fieldId(prefix: string, name: string) {
  return `${prefix}-${name}`.replace(/[^a-zA-Z0-9_-]/g, "_");
}

export function useField(name: string) {
  const { form, serverErrors, idPrefix } = useFormContext();
  const id = fieldId(idPrefix, name);
  const clientError = name
    .split(".")
    .reduce<unknown>((acc, key) => (acc as Record<string, unknown> | undefined)?.[key], form.formState.errors) as
    { message?: string } | undefined;
  const error = clientError?.message ?? (form.formState.dirtyFields[name] ? undefined : serverErrors[name]);
  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ");
  // What the form holds for this field: its default (or, after a refusal, what was typed) on
  // the server and at hydration, the same on both sides.
  const value: unknown = form.getValues(name);
  return { form, id, error, describedBy, value };
}

/** A field's value as an input's text: nothing for null, a list's first item. */
export function textValue(value: unknown): string {
  if (Array.isArray(value)) return textValue(value[0]);
  if (value === null || value === undefined || typeof value === "object") return "";
  return String(value);
}

/** Whether a checkbox of a group is ticked: the value is in the list (or is the one value). */
export function groupIncludes(value: unknown, option: string): boolean {
  return Array.isArray(value) ? value.map(String).includes(option) : value !== null && value !== undefined && String(value) === option;
}

/** A lone checkbox: ticked for any truthy value, as react-hook-form sets it, except a posted "false". */
export function isTicked(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isTicked);
  return Boolean(value) && value !== "false";
}
