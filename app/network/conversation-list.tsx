// The association's messagerie: one line per conversation, latest first, unread ones marked.
import { Link } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";

export type ConversationLine = {
  id: string;
  subject: string;
  lastMessageAt: string | Date;
  started: boolean;
  unread: boolean;
  other: { name: string; directoryPath: string | null };
  post: { title: string } | null;
};

export function ConversationList({ associationId, conversations }: { associationId: string; conversations: ConversationLine[] }) {
  if (conversations.length === 0)
    return (
      <p className="muted">
        Aucune conversation pour le moment. Pour écrire à une association, ouvrez sa fiche dans l'
        <Link to="/annuaire">annuaire</Link> et choisissez « Contacter cette association ».
      </p>
    );
  return (
    <ul className="stack" style={{ listStyle: "none", padding: 0 }} aria-label="Conversations">
      {conversations.map((c) => (
        <li key={c.id} className="card" style={c.unread ? { borderLeft: "5px solid var(--blue)" } : undefined}>
          <p style={{ margin: 0 }}>
            <Link to={`/espace/associations/${associationId}/messagerie/${c.id}`}>
              {c.unread ? <strong>{c.subject}</strong> : c.subject}
            </Link>
            {c.unread ? (
              <>
                {" "}
                <span className="badge badge-orange">non lu</span>
              </>
            ) : null}
          </p>
          <p className="small" style={{ margin: "0.3rem 0 0" }}>
            {c.started ? "Avec " : "De "}
            {c.other.directoryPath ? <Link to={c.other.directoryPath}>{c.other.name}</Link> : c.other.name}
            {c.post ? ` – en réponse à l'annonce « ${c.post.title} »` : ""}
          </p>
          <p className="small muted" style={{ margin: "0.2rem 0 0" }}>
            Dernier message le {formatDateTime(c.lastMessageAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
