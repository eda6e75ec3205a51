// One section of a dossier as staff and consulted people read it: its fields' labels and values.
export function SectionFields({ fields }: { fields: readonly { name: string; label: string; value: string }[] }) {
  return (
    <dl className="definition-list small">
      {fields.map((field) => (
        <div key={field.name} style={{ display: "contents" }}>
          <dt>{field.label}</dt>
          <dd style={{ whiteSpace: "pre-wrap" }}>{field.value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
