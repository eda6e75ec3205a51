// The association's answer form: one field per question, as its kind asks.
import { CheckboxGroup, TextArea } from "~/components/form";
import { groupIncludes, textValue, useField } from "~/components/form-context";
import { answerField, TEXT_ANSWER_MAX, type QuestionDefinition } from "~/network/consultation-labels";

function RadioGroup({
  name,
  label,
  hint,
  required,
  options,
}: {
  name: string;
  label: string;
  hint?: string;
  required: boolean;
  options: { value: string; label: string }[];
}) {
  const { form, id, error, describedBy, value } = useField(name);
  return (
    <fieldset
      className={`field fieldset ${error ? "field-invalid" : ""}`}
      id={id}
      aria-invalid={error ? true : undefined}
      aria-describedby={hint || error ? describedBy : undefined}
    >
      <legend className="field-label">
        {label}
        {required ? (
          <span aria-hidden="true" className="required">
            {" "}
            *
          </span>
        ) : (
          <span className="optional"> (facultatif)</span>
        )}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="radio" value={o.value} defaultChecked={groupIncludes(textValue(value), o.value)} {...form.register(name)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function scaleOptions(q: QuestionDefinition) {
  const min = q.scaleMin ?? 1;
  const max = q.scaleMax ?? 5;
  const options = [];
  for (let v = min; v <= max; v += 1) {
    const end = v === min ? q.scaleMinLabel : v === max ? q.scaleMaxLabel : null;
    options.push({ value: String(v), label: end ? `${v} – ${end}` : String(v) });
  }
  return options;
}

export function AnswerFields({ questions }: { questions: QuestionDefinition[] }) {
  return (
    <>
      {questions.map((q) => {
        const name = answerField(q.id);
        const hint = q.help || undefined;
        if (q.kind === "single")
          return (
            <RadioGroup
              key={q.id}
              name={name}
              label={q.label}
              hint={hint}
              required={q.required}
              options={q.options.map((o) => ({ value: o.id, label: o.label }))}
            />
          );
        if (q.kind === "multiple")
          return (
            <CheckboxGroup
              key={q.id}
              name={name}
              label={q.label}
              hint={hint ?? "Plusieurs réponses possibles."}
              required={q.required}
              columns={1}
              options={q.options.map((o) => ({ value: o.id, label: o.label }))}
            />
          );
        if (q.kind === "scale")
          return <RadioGroup key={q.id} name={name} label={q.label} hint={hint} required={q.required} options={scaleOptions(q)} />;
        return (
          <TextArea
            key={q.id}
            name={name}
            label={q.label}
            hint={hint ?? `${TEXT_ANSWER_MAX} caractères au maximum.`}
            required={q.required}
            rows={5}
          />
        );
      })}
    </>
  );
}

/** A read-only answer, as the closed consultation shows it. */
export function AnswerText({ question, value }: { question: QuestionDefinition; value: unknown }) {
  const label = (id: unknown) => question.options.find((o) => o.id === id)?.label ?? "";
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return <p>Sans réponse</p>;
  if (question.kind === "single") return <p>{label(value)}</p>;
  if (question.kind === "multiple")
    return (
      <ul>
        {(Array.isArray(value) ? value : []).map((id) => (
          <li key={String(id)}>{label(id)}</li>
        ))}
      </ul>
    );
  return <p style={{ whiteSpace: "pre-wrap" }}>{String(value)}</p>;
}
