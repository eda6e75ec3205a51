import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { RefusalForm } from "~/components/refusal-form";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod";
import { requireAdmin } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { domainAction, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { requiredText } from "~/lib/validation";
import { acceptClaim, listDecidedClaims, listPendingClaims, refuseClaim } from "~/rna/claims.server";

export const meta: MetaFunction = () => [{ title: "Demandes de reprise de fiches – Administration" }];

const decisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), claimId: z.string().min(1) }),
  z.object({ intent: z.literal("refuse"), claimId: z.string().min(1), reason: requiredText("Motif du refus", 1000) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [pending, decided] = await Promise.all([listPendingClaims(), listDecidedClaims()]);
  return {
    pending: pending.map((c) => {
      const typed = (c.data ?? {}) as { name?: string; address?: string; postcode?: string; city?: string; siret?: string };
      return {
        ...c,
        data: {
          name: typed.name ?? "",
          address: typed.address ?? "",
          postcode: typed.postcode ?? "",
          city: typed.city ?? "",
          siret: typed.siret ?? "",
        },
      };
    }),
    decided,
  };
}

export const action = (args: ActionFunctionArgs) => domainAction(act)(args);

async function act({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const values = formDataToObject(await request.formData());
  if (values.intent !== "accept" && values.intent !== "refuse") return unknownIntent(values);
  const parsed = parseWith(decisionSchema, values);
  if (!parsed.ok) return invalid(parsed);
  if (parsed.data.intent === "accept") {
    const result = await acceptClaim(parsed.data.claimId, admin);
    return redirectWithFlash(
      "/admin/rna/reprises",
      result.already ? "Cette demande était déjà acceptée." : `Reprise acceptée : la personne représente désormais ${result.name}.`,
      result.already ? "info" : "success",
    );
  }
  const result = await refuseClaim(parsed.data.claimId, parsed.data.reason, admin);
  return redirectWithFlash(
    "/admin/rna/reprises",
    result.already ? "Cette demande était déjà refusée." : `Demande de reprise de ${result.name} refusée ; la personne est prévenue.`,
    "info",
  );
}

export default function Claims() {
  const { pending, decided } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "errors" in actionData ? actionData : null;
  return (
    <div className="container page">
      <p>
        <Link to="/admin/rna">‹ Imports du RNA</Link>
      </p>
      <h1>Demandes de reprise de fiches</h1>
      <p className="lead">
        Une association qui s'inscrit avec le numéro RNA d'une fiche importée demande à la reprendre. Vérifiez que la personne la représente
        (nom, adresse, SIRET, fonction) avant d'accepter : elle en deviendra la représentante légale sur le portail.
      </p>
      {pending.length === 0 ? <p>Aucune demande en attente.</p> : null}
      <div className="stack">
        {pending.map((c) => {
          const error = failed?.values.claimId === c.id ? failed.errors.reason : undefined;
          return (
            <section key={c.id} className="card" aria-labelledby={`claim-${c.id}`}>
              <h2 id={`claim-${c.id}`}>{c.association.name}</h2>
              <dl className="definition-list small">
                <dt>Fiche de l'annuaire</dt>
                <dd>
                  <Link to={`/annuaire/${c.association.slug}`}>
                    {c.association.rna} – {c.association.address}, {c.association.postcode} {c.association.city}
                  </Link>
                  {c.association.rnaUpdatedAt ? ` (RNA mis à jour le ${formatDate(c.association.rnaUpdatedAt)})` : ""}
                </dd>
                <dt>Demandée le</dt>
                <dd>{formatDateTime(c.createdAt)}</dd>
                <dt>Par</dt>
                <dd>
                  {c.user.name} ({c.personTitle ?? "fonction non précisée"}, {c.user.email})
                </dd>
                <dt>Saisi à l'inscription</dt>
                <dd>
                  {c.data.name} – {c.data.address}, {c.data.postcode} {c.data.city}
                  {c.data.siret ? ` – SIRET ${c.data.siret}` : ""}
                </dd>
              </dl>
              <Form method="post" className="actions">
                <input type="hidden" name="claimId" value={c.id} />
                <button type="submit" name="intent" value="accept" className="button">
                  Accepter la reprise de {c.association.name}
                </button>
              </Form>
              <RefusalForm
                idName="claimId"
                id={c.id}
                reasonLabel="Motif du refus (envoyé à la personne)"
                buttonLabel={`Refuser la reprise de ${c.association.name}`}
                typedReason={failed?.values.claimId === c.id ? String(failed.values.reason ?? "") : undefined}
                error={error}
              />
            </section>
          );
        })}
      </div>
      {decided.length ? (
        <>
          <h2>Décisions récentes</h2>
          <ul>
            {decided.map((c) => (
              <li key={c.id}>
                {c.association.name} – {c.user.name} : {c.status === "accepted" ? "acceptée" : `refusée (${c.reason ?? ""})`}
                {c.decidedAt ? `, le ${formatDate(c.decidedAt)}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
