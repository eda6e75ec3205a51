import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { formatDateTime } from "~/lib/format";
import { listEmails, mailQueueStatus } from "~/mail/mail.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Courriels envoyés") }];

const STATUS: Record<string, string> = {
  recorded: "Enregistré (SMTP non configuré)",
  pending: "En attente d'envoi",
  sending: "En cours d'envoi",
  sent: "Envoyé",
  failed: "Échec d'envoi (abandonné)",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const url = new URL(request.url);
  const page = Math.max(1, Math.min(1000, Number(url.searchParams.get("page")) || 1));
  const to = url.searchParams.get("a")?.slice(0, 200) || undefined;
  const [emails, queue] = await Promise.all([listEmails({ page, to }), mailQueueStatus()]);
  return { ...emails, queue, to: to ?? "" };
}

export default function SentEmails() {
  const { items, total, page, perPage, queue, to } = useLoaderData<typeof loader>();
  const pages = Math.ceil(total / perPage);
  return (
    <div className="container page">
      <p>
        <Link to="/admin">‹ Administration</Link>
      </p>
      <h1>Courriels envoyés</h1>
      <section aria-labelledby="file-envoi" className="card">
        <h2 id="file-envoi">File d'envoi</h2>
        <ul>
          <li>{queue.pending} en attente d'envoi</li>
          <li>{queue.sending} en cours d'envoi</li>
          <li>{queue.failed} en échec (abandonnés après plusieurs tentatives ou refusés par le serveur)</li>
        </ul>
        {queue.oldestWaiting ? <p className="small">Le plus ancien attend depuis le {formatDateTime(queue.oldestWaiting)}.</p> : null}
        <p className="small">
          Un courriel qui n'a pas pu partir est retenté (1 minute après, puis 2, 4… minutes) ; il garde le même identifiant de message.
        </p>
      </section>
      <Form method="get" className="search-bar">
        <div className="field">
          <label htmlFor="a" className="field-label">
            Destinataire
          </label>
          <input id="a" name="a" type="search" defaultValue={to} />
        </div>
        <button type="submit" className="button">
          Filtrer
        </button>
      </Form>
      <p>{total} courriel(s).</p>
      <div className="stack">
        {items.map((m) => (
          <details key={m.id} className="card">
            <summary>
              <strong>{m.subject}</strong> — à {m.to} — {formatDateTime(m.createdAt)} — {STATUS[m.status] ?? m.status}
            </summary>
            <pre style={{ whiteSpace: "pre-wrap" }}>{m.text}</pre>
            {m.attachments ? (
              <p className="small">Pièces jointes : {(m.attachments as { filename: string }[]).map((a) => a.filename).join(", ")}</p>
            ) : null}
            {m.attempts > 0 && m.status !== "sent" ? (
              <p className="small">
                {m.attempts} tentative(s)
                {m.status === "pending" && m.nextAttemptAt ? ` ; prochaine le ${formatDateTime(m.nextAttemptAt)}` : ""}.
              </p>
            ) : null}
            {m.error ? <p className="field-error">Dernière erreur : {m.error}</p> : null}
          </details>
        ))}
      </div>
      {pages > 1 ? (
        <nav aria-label="Pagination">
          <ul className="pagination">
            {page > 1 ? (
              <li>
                <Link to={`?page=${page - 1}&a=${encodeURIComponent(to)}`}>‹ Plus récents</Link>
              </li>
            ) : null}
            {page < pages ? (
              <li>
                <Link to={`?page=${page + 1}&a=${encodeURIComponent(to)}`}>Plus anciens ›</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
