// The "kind of document" select of every upload and attach form (documents page, dossier pieces).
import { DOCUMENT_KINDS } from "~/documents/document-kinds";

export function DocumentKindField({
  id,
  label,
  defaultValue,
  required,
}: {
  id: string;
  label: string;
  defaultValue?: string;
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} name="kind" required={required} defaultValue={defaultValue}>
        {DOCUMENT_KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
    </div>
  );
}
