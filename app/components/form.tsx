// Forms: react-hook-form with the same zod schema the action uses. Without JavaScript
// the form posts natively and the server's messages come back; with it, errors show
// before the round trip. Either way what was typed stays in the fields.
// react-hook-form's fields are uncontrolled and only receive their values from `ref` once
// scripts run, so every field also renders its value itself (`defaultValue`,
// `defaultChecked`): the server's HTML carries the current values, and a form posted
// before hydration, or without JavaScript, sends back what it showed.
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useActionData, useSubmit, type FormProps } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, type ReactNode } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type * as z from "zod";
import { fieldId, useFormContext, ValidatedFormContext } from "./form-context";

export { fieldId, groupIncludes, isTicked, textValue } from "./form-context";
export * from "./form-fields";

export type ActionFailure = { ok: false; errors: Record<string, string>; values: Record<string, unknown>; formError?: string };

export function isActionFailure(value: unknown): value is ActionFailure {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false && "errors" in value;
}

/**
 * On a page of several forms, the action's failure when it answers this very form (every field of
 * `match` as that form sent it: its intent, its record's id), an empty answer otherwise.
 */
export function failureFor(actionData: unknown, match: Record<string, unknown>) {
  if (!isActionFailure(actionData)) return {};
  return Object.entries(match).every(([field, value]) => actionData.values[field] === value) ? actionData : {};
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
