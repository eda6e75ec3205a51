// The news pages' parts: the staff's table, form, preview and publishing panel.
import { Form, Link } from "@remix-run/react";
import { Checkbox, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { formatDate, formatDateTime } from "~/lib/format";
import { NEWS_LIMITS, newsPublishSchema, newsSchema, newsSendSchema } from "./news-schemas";

type StaffRow = {
  id: string;
  title: string;
  publishedAt: Date | string | null;
  emailedAt: Date | string | null;
  updatedAt: Date | string;
  author: { name: string } | null;
};

export function StaffNewsTable({ items, caption }: { items: StaffRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Titre</th>
            <th scope="col">Publication</th>
            <th scope="col">Courriel</th>
            <th scope="col">Dernière modification</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id}>
              <td>
                <Link to={`/instruction/actualites/${n.id}`}>{n.title}</Link>
              </td>
              <td>{n.publishedAt ? formatDate(n.publishedAt) : "Brouillon"}</td>
              <td>{n.emailedAt ? `Envoyée le ${formatDate(n.emailedAt)}` : "Non envoyée"}</td>
              <td>
                {formatDateTime(n.updatedAt)}
                {n.author ? ` par ${n.author.name}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function NewsForm({
  defaultValues,
  actionData,
  intent,
}: {
  defaultValues: { title: string; body: string };
  actionData?: unknown;
  intent?: string;
}) {
  return (
    <ValidatedForm schema={newsSchema} method="post" defaultValues={defaultValues} actionData={actionData}>
      <TextField name="title" label="Titre" required hint={`${NEWS_LIMITS.titleMax} caractères au maximum.`} />
      <TextArea
        name="body"
        label="Texte de l'actualité"
        rows={16}
        required
        hint="En Markdown : « ## » pour un intertitre, « - » pour une liste, [texte](https://…) pour un lien, **gras**. Le code HTML n'est pas interprété."
      />
      <SubmitButton name={intent ? "intent" : undefined} value={intent}>
        Enregistrer le brouillon
      </SubmitButton>
    </ValidatedForm>
  );
}

export function NewsPreview({ html }: { html: string }) {
  return (
    <section className="form-section" aria-labelledby="news-preview">
      <h2 id="news-preview">Aperçu</h2>
      <article className="prose card" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}

export function NewsPublishing({
  news,
  actionData,
}: {
  news: { publishedAt: Date | string | null; emailedAt: Date | string | null };
  actionData: unknown;
}) {
  if (!news.publishedAt)
    return (
      <section className="form-section" aria-labelledby="news-publish">
        <h2 id="news-publish">Publier</h2>
        <ValidatedForm schema={newsPublishSchema} method="post" actionData={actionData}>
          {news.emailedAt ? (
            <p className="muted">Cette actualité a déjà été envoyée par courriel ; elle ne le sera pas une seconde fois.</p>
          ) : (
            <Checkbox
              name="sendEmail"
              label="Envoyer par courriel aux membres des associations"
              hint="Une fois, aux membres des associations validées abonnés aux actualités ; l'envoi est étalé sur plusieurs minutes."
            />
          )}
          <SubmitButton name="intent" value="publish">
            Publier
          </SubmitButton>
        </ValidatedForm>
      </section>
    );
  return (
    <section className="form-section" aria-labelledby="news-publish">
      <h2 id="news-publish">Publication</h2>
      {news.emailedAt ? null : (
        <ValidatedForm schema={newsSendSchema} method="post" actionData={actionData}>
          <Checkbox name="confirm" label="J'envoie cette actualité par courriel aux membres des associations abonnés (une seule fois)." />
          <SubmitButton name="intent" value="send">
            Envoyer par courriel aux membres des associations
          </SubmitButton>
        </ValidatedForm>
      )}
      <Form method="post">
        <button type="submit" name="intent" value="unpublish" className="button button-secondary">
          Retirer la publication
        </button>
      </Form>
    </section>
  );
}

/** The member home's latest news (title, date, link). */
export function LatestNews({ items }: { items: { id: string; title: string; publishedAt: Date | string | null }[] }) {
  return (
    <section className="card stack" aria-labelledby="latest-news">
      <h2 id="latest-news">Actualités du réseau</h2>
      {items.length ? (
        <ul>
          {items.map((n) => (
            <li key={n.id}>
              <Link to={`/espace/actualites/${n.id}`}>{n.title}</Link>
              {n.publishedAt ? <span className="muted"> – {formatDate(n.publishedAt)}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune actualité pour le moment.</p>
      )}
      <p>
        <Link to="/espace/actualites">Toutes les actualités</Link>
      </p>
    </section>
  );
}
