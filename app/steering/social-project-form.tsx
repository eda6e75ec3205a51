// The social project's own fields, for its creation and its editing.
import { TextArea, TextField } from "~/components/form";

export function SocialProjectFields() {
  return (
    <>
      <TextField name="title" label="Titre" required hint="Par exemple « Projet social 2022-2026 »." />
      <div className="form-grid">
        <TextField name="startYear" label="Première année" inputMode="numeric" required />
        <TextField name="endYear" label="Dernière année" inputMode="numeric" required />
        <TextField name="adoptedOn" label="Date d'adoption" type="date" hint="La délibération du conseil d'administration." />
      </div>
      <TextArea name="description" label="Description" rows={3} />
    </>
  );
}
