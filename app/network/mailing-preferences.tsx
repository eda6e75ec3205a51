// The account page's « Courriels du réseau » section (plain form, works without JavaScript).
import { Form } from "@remix-run/react";

type Preference = { list: string; label: string; description: string; subscribed: boolean };

export function MailingPreferences({ preferences }: { preferences: Preference[] }) {
  return (
    <section aria-labelledby="network-mail">
      <h2 id="network-mail">Courriels du réseau</h2>
      <Form method="post" className="card stack">
        <fieldset className="field">
          <legend className="field-label">Je souhaite recevoir</legend>
          {preferences.map((p) => (
            <div key={p.list}>
              <label className="checkbox" htmlFor={`mailing-${p.list}`}>
                <input
                  id={`mailing-${p.list}`}
                  type="checkbox"
                  name="list"
                  value={p.list}
                  defaultChecked={p.subscribed}
                  aria-describedby={`mailing-${p.list}-hint`}
                />
                <span>{p.label}</span>
              </label>
              <p className="field-hint" id={`mailing-${p.list}-hint`}>
                {p.description}
              </p>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" name="intent" value="mailing-lists" className="button button-secondary">
            Enregistrer mes choix de courriels
          </button>
        </div>
      </Form>
    </section>
  );
}
