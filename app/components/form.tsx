// Forms: react-hook-form with the same zod schema the action uses. Without JavaScript
// the form posts natively and the server's messages come back; with it, errors show
// before the round trip. Either way what was typed stays in the fields.
// react-hook-form's fields are uncontrolled and only receive their values from `ref` once
// scripts run, so every field also renders its value itself (`defaultValue`,
// `defaultChecked`): the server's HTML carries the current values, and a form posted
// before hydration, or without JavaScript, sends back what it showed.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useActionData, useNavigation, useSubmit, type FormProps } from "@remix-run/react";
import { createContext, useContext, useEffect, useId, useMemo, useRef, type ReactNode } from "react";
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";

export type ActionFailure = { ok: false; errors: Record<string, string>; values: Record<string, unknown>; formError?: string };

export function isActionFailure(value: unknown): value is ActionFailure {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false && "errors" in value;
}

type FormContextValue = {
  form: UseFormReturn<FieldValues>;
  serverErrors: Record<string, string>;
  /** Fields whose server message still applies (cleared when the user edits them). */
  idPrefix: string;
};

const ValidatedFormContext = createContext<FormContextValue | null>(null);

function useFormContext() {
  const ctx = useContext(ValidatedFormContext);
  if (!ctx) throw new Error("Ce champ doit être placé dans un <ValidatedForm>.");
  return ctx;
}

type ValidatedFormProps<S extends z.ZodType> = Omit<FormProps, "onSubmit" | "children"> & {
  /**
   * The schema, or (on public pages) a function importing it: zod then loads after the page
   * is interactive instead of weighing on its first load (see docs/benchmarks.md).
   */
  schema: S | (() => Promise<S>);
  defaultValues?: Record<string, unknown>;
  children: ReactNode;
  /** Override the action data the form reads errors from (e.g. a fetcher's). */
  actionData?: unknown;
};

export function ValidatedForm<S extends z.ZodType>({
  schema,
  defaultValues,
  children,
  actionData: actionDataProp,
  ...formProps
}: ValidatedFormProps<S>) {
  const routeActionData = useActionData();
  const actionData = actionDataProp ?? routeActionData;
  const failure = isActionFailure(actionData) ? actionData : null;
  const serverErrors = failure?.errors ?? {};
  const values = { ...(defaultValues ?? {}), ...(failure?.values ?? {}) };
  const { resolver, preload } = useMemo(() => schemaResolver(schema), [schema]);
  useEffect(preload, [preload]);
  const form = useForm<FieldValues>({
    resolver,
    defaultValues: values,
    mode: "onTouched",
    shouldFocusError: true,
  });
  const submit = useSubmit();
  const ref = useRef<HTMLFormElement>(null);
  const idPrefix = useId();

  useEffect(() => {
    if (failure) form.reset({ ...(defaultValues ?? {}), ...failure.values }, { keepDefaultValues: false });
    // Focus the summary so screen readers announce the server's errors.
    if (failure) ref.current?.querySelector<HTMLElement>("[data-error-summary]")?.focus();
    // Runs once per server answer only: `form` and `defaultValues` change identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actionData]);

  return (
    <ValidatedFormContext.Provider value={{ form, serverErrors, idPrefix }}>
      <Form
        {...formProps}
        ref={ref}
        noValidate
        onSubmit={(event) => {
          const target = event.currentTarget;
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          void form.handleSubmit(() => {
            submit(submitter ?? target, {
              method: (formProps.method ?? "post") as "post",
              action: formProps.action,
              encType: formProps.encType,
              navigate: formProps.navigate,
              preventScrollReset: formProps.preventScrollReset,
              replace: formProps.replace,
            });
          })(event);
        }}
      >
        <ErrorSummary formError={failure?.formError} />
        {children}
      </Form>
    </ValidatedFormContext.Provider>
  );
}

/**
 * The zod resolver for a schema given directly or as an import. If the import fails (a
 * dropped connection), the browser lets the form through and the server validates alone.
 */
function schemaResolver<S extends z.ZodType>(schema: S | (() => Promise<S>)): { resolver: Resolver<FieldValues>; preload: () => void } {
  // The schema's output type differs from its input (transforms); the resolver only needs the input side here.
  const resolverOf = (loaded: S) => zodResolver(loaded as never) as unknown as Resolver<FieldValues>;
  if (typeof schema !== "function") return { resolver: resolverOf(schema), preload: () => {} };
  let loading: Promise<Resolver<FieldValues> | null> | null = null;
  const load = () => (loading ??= schema().then(resolverOf, () => null));
  return {
    resolver: async (values, context, options) => {
      const resolve = await load();
      return resolve ? resolve(values, context, options) : { values, errors: {} };
    },
    preload: () => void load(),
  };
}

function ErrorSummary({ formError }: { formError?: string }) {
  const { form, serverErrors, idPrefix } = useFormContext();
  const clientErrors = form.formState.errors;
  const messages = new Map<string, string>();
  for (const [name, message] of Object.entries(serverErrors)) messages.set(name, message);
  for (const [name, error] of Object.entries(clientErrors)) {
    const message = (error as { message?: string } | undefined)?.message;
    if (message) messages.set(name, message);
  }
  if (formError) messages.set("_form", formError);
  if (messages.size === 0) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} data-error-summary>
      <h2 className="alert-title">
        {messages.size === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${messages.size} erreurs`}
      </h2>
      <ul>
        {[...messages].map(([name, message]) => (
          <li key={name}>{name === "_form" ? message : <a href={`#${fieldId(idPrefix, name)}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(prefix: string, name: string) {
  return `${prefix}-${name}`.replace(/[^a-zA-Z0-9_-]/g, "_");
}

function useField(name: string) {
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

type BaseFieldProps = { name: string; label: string; hint?: ReactNode; required?: boolean };

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id} className="field-label">
      {label}
      {required ? (
        <span aria-hidden="true" className="required">
          {" "}
          *
        </span>
      ) : (
        <span className="optional"> (facultatif)</span>
      )}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="field-hint">
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

export function TextField({
  name,
  label,
  hint,
  required,
  type = "text",
  autoComplete,
  inputMode,
  className,
}: BaseFieldProps & {
  type?: "text" | "email" | "password" | "tel" | "url" | "number" | "date" | "datetime-local" | "search";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "tel" | "email" | "url";
  className?: string;
}) {
  const { form, id, error, describedBy, value } = useField(name);
  return (
    <div className={`field ${error ? "field-invalid" : ""} ${className ?? ""}`}>
      <Label id={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <input
        id={id}
        type={type}
        // A password is never written back into the page.
        defaultValue={type === "password" ? undefined : textValue(value)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint || error ? describedBy : undefined}
        aria-required={required || undefined}
        {...form.register(name)}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TextArea({ name, label, hint, required, rows = 5 }: BaseFieldProps & { rows?: number }) {
  const { form, id, error, describedBy, value } = useField(name);
  return (
    <div className={`field ${error ? "field-invalid" : ""}`}>
      <Label id={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <textarea
        id={id}
        rows={rows}
        defaultValue={textValue(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint || error ? describedBy : undefined}
        aria-required={required || undefined}
        {...form.register(name)}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  required,
  options,
  placeholder = "Choisir…",
}: BaseFieldProps & { options: readonly { value: string; label: string }[]; placeholder?: string }) {
  const { form, id, error, describedBy, value } = useField(name);
  return (
    <div className={`field ${error ? "field-invalid" : ""}`}>
      <Label id={id} label={label} required={required} />
      <Hint id={id} hint={hint} />
      <select
        id={id}
        defaultValue={textValue(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint || error ? describedBy : undefined}
        aria-required={required || undefined}
        {...form.register(name)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function CheckboxGroup({
  name,
  label,
  hint,
  required,
  options,
  columns = 2,
}: BaseFieldProps & { options: readonly { value: string; label: string }[]; columns?: number }) {
  const { form, id, error, describedBy, value } = useField(name);
  // FormData sends back a single checked value as a string; the group needs a list.
  useEffect(() => {
    const value = form.getValues(name);
    if (typeof value === "string") form.setValue(name, [value]);
  }, [form, name]);
  return (
    <fieldset
      className={`field fieldset ${error ? "field-invalid" : ""}`}
      aria-invalid={error ? true : undefined}
      aria-describedby={hint || error ? describedBy : undefined}
      id={id}
    >
      <legend className="field-label">
        {label}
        {required ? (
          <span aria-hidden="true" className="required">
            {" "}
            *
          </span>
        ) : null}
      </legend>
      <Hint id={id} hint={hint} />
      <div className="checkbox-grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" value={o.value} defaultChecked={groupIncludes(value, o.value)} {...form.register(name)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText id={id} error={error} />
    </fieldset>
  );
}

export function Checkbox({ name, label, hint }: { name: string; label: ReactNode; hint?: ReactNode }) {
  const { form, id, error, describedBy, value } = useField(name);
  return (
    <div className={`field ${error ? "field-invalid" : ""}`}>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          value="on"
          defaultChecked={isTicked(value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={hint || error ? describedBy : undefined}
          {...form.register(name)}
        />
        <span>{label}</span>
      </label>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  className = "button",
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button type="submit" className={className} name={name} value={value} aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}
