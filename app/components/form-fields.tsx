// The fields of a <ValidatedForm>: label, hint, error and value each rendered by the field
// itself (see form.tsx), ids and aria links from the form's context.
import { useNavigation } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { groupIncludes, isTicked, textValue, useField } from "./form-context";

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
