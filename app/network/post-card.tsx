// One line of a list of needs and offers: kind, category, title (a link to the post), association,
// field, district and last day; its state when it is not open.
import { Link } from "@remix-run/react";
import { CATEGORY_LABELS, KIND_LABELS, formatDay, statusLabel, type PostCategory, type PostKind, type PostStatus } from "./post-labels";

export type PostCardData = {
  id: string;
  kind: PostKind;
  category: PostCategory;
  title: string;
  endsOn: string | Date;
  status: PostStatus;
  hiddenAt: string | Date | null;
  createdAt: string | Date;
  fieldLabel: string;
  districtLabel: string;
  association: { name: string };
  hiddenReason?: string | null;
  answers?: number;
};

export function PostCard({
  post,
  href,
  today,
  showState = false,
}: {
  post: PostCardData;
  href: string;
  today: string;
  showState?: boolean;
}) {
  const state = statusLabel(post, today);
  return (
    <li className="card">
      <p className="small">
        <span className={`badge ${post.kind === "besoin" ? "badge-orange" : "badge-green"}`}>{KIND_LABELS[post.kind]}</span>{" "}
        <span className="tag">{CATEGORY_LABELS[post.category]}</span>
        {showState ? (
          <>
            {" "}
            <span
              className={`badge ${state === "En cours" ? "badge-green" : state === "Masquée par le CCAS" ? "badge-red" : "badge-grey"}`}
            >
              {state}
            </span>
          </>
        ) : null}
      </p>
      <h3>
        <Link to={href}>{post.title}</Link>
      </h3>
      <p className="muted small">
        {post.association.name} · {post.fieldLabel} · {post.districtLabel} · jusqu'au {formatDay(post.endsOn)}
        {post.answers !== undefined
          ? ` · ${post.answers === 0 ? "aucune réponse" : post.answers === 1 ? "1 réponse" : `${post.answers} réponses`}`
          : null}
      </p>
      {post.hiddenAt && post.hiddenReason ? <p className="alert alert-warning">Masquée par le CCAS : {post.hiddenReason}</p> : null}
    </li>
  );
}
