// The year a dashboard shows, chosen by a GET form (works without JavaScript; the URL says the year).
import { Form } from "@remix-run/react";

export function YearPicker({ label, years, year }: { label: string; years: number[]; year: number }) {
  return (
    <Form method="get" className="actions">
      <label htmlFor="annee">{label}</label>
      <select id="annee" name="annee" defaultValue={year}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary button-small">
        Afficher
      </button>
    </Form>
  );
}
