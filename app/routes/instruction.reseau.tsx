import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { domainAction } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { moderationAction } from "~/network/moderation-actions.server";
import { UnplacedFailure } from "~/components/unplaced-failure";
import { HidePostForm, PostFiltersForm, ReportForms, UnhidePostForm } from "~/network/moderation-forms";
import { countOf, formatParisDay, STATUS_FILTERS, VISIBILITY_FILTERS } from "~/network/moderation-labels";
import { moderationPosts, openReports, readPostFilters } from "~/network/moderation-queue.server";
import { CATEGORY_LABELS, formatDay, KIND_LABELS, parisToday, statusLabel } from "~/network/post-labels";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Réseau : annonces et signalements – Instruction") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const filters = readPostFilters(new URL(request.url).searchParams);
  const [reports, posts] = await Promise.all([openReports(), moderationPosts(filters)]);
  return { reports, posts, filters, today: parisToday() };
}

export const action = (args: ActionFunctionArgs) => domainAction(({ request }: ActionFunctionArgs) => moderationAction(request))(args);

export default function NetworkModeration() {
  const { reports, posts, filters, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container page stack">
      <p>
        <Link to="/instruction">‹ Instruction</Link>
      </p>
      <h1>Réseau : annonces et signalements</h1>
      <UnplacedFailure
        actionData={actionData}
        placed={(v) => [...reports.map((r) => r.id), ...posts.posts.map((p) => p.id)].includes(String(v.reportId ?? v.postId))}
      />
      <section className="stack" aria-labelledby="signalements">
        <h2 id="signalements">Signalements à traiter</h2>
        {reports.length === 0 ? (
          <p>Aucun signalement à traiter.</p>
        ) : (
          <p>{countOf(reports.length, "signalement")} à traiter, le plus ancien d'abord.</p>
        )}
        {reports.map((r) => (
          <article key={r.id} className="card stack" aria-labelledby={`signalement-${r.id}`}>
            <h3 id={`signalement-${r.id}`}>
              {r.kind === "post" ? "Annonce signalée" : "Message signalé"} : {r.title}
            </h3>
            <dl>
              <dt>Signalé par</dt>
              <dd>
                {r.reporter.person}
                {r.reporter.association ? ` (${r.reporter.association})` : ""}, le {formatParisDay(r.createdAt)}
              </dd>
              <dt>{r.kind === "post" ? "Annonce de" : "Message écrit par"}</dt>
              <dd>
                {r.author}
                {r.other ? ` à ${r.other}` : ""}
                {r.hidden ? " (déjà masqué)" : ""}
              </dd>
              <dt>Motif du signalement</dt>
              <dd style={{ whiteSpace: "pre-wrap" }}>{r.reason}</dd>
              <dt>Contenu signalé</dt>
              <dd>
                <blockquote style={{ whiteSpace: "pre-wrap" }}>{r.excerpt}</blockquote>
              </dd>
            </dl>
            <ReportForms reportId={r.id} actionData={actionData} />
          </article>
        ))}
      </section>
      <section className="stack" aria-labelledby="annonces">
        <h2 id="annonces">Annonces du réseau</h2>
        <PostFiltersForm
          status={filters.status}
          visibility={filters.visibility}
          statuses={STATUS_FILTERS}
          visibilities={VISIBILITY_FILTERS}
        />
        <p>
          {posts.total === posts.shown
            ? countOf(posts.total, "annonce")
            : `${countOf(posts.total, "annonce")}, les ${posts.shown} plus récentes affichées`}
        </p>
        {posts.posts.map((p) => (
          <article key={p.id} className="card stack" aria-labelledby={`annonce-${p.id}`}>
            <h3 id={`annonce-${p.id}`}>{p.title}</h3>
            <p className="muted">
              {KIND_LABELS[p.kind]} · {CATEGORY_LABELS[p.category]} ·{" "}
              <Link to={`/annuaire/${p.association.slug}`}>{p.association.name}</Link> · publiée le {formatParisDay(p.createdAt)} · jusqu'au{" "}
              {formatDay(p.endsOn)} · {statusLabel(p, today)}
              {p.openReports ? ` · ${countOf(p.openReports, "signalement")} à traiter` : ""}
            </p>
            <p style={{ whiteSpace: "pre-wrap" }}>{p.body}</p>
            {p.hiddenAt ? (
              <>
                <p className="badge badge-orange">
                  Masquée le {formatParisDay(p.hiddenAt)} : {p.hiddenReason}
                </p>
                <UnhidePostForm postId={p.id} />
              </>
            ) : (
              <HidePostForm postId={p.id} actionData={actionData} />
            )}
          </article>
        ))}
      </section>
    </div>
  );
}
