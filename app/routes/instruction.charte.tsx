import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { charterOverview } from "~/charter/signatures.server";
import { sendSignatureReminders } from "~/charter/reminders.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { isDomainError } from "~/lib/domain-error";
import { domainAction, unknownIntent } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Signatures de la charte – Instruction") }];

const FILTERS = {
  toutes: "Toutes",
  signees: "Signataires de la version en vigueur",
  "a-signer": "N'ont pas signé la version en vigueur",
} as const;
type Filter = keyof typeof FILTERS;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const filterParam = new URL(request.url).searchParams.get("statut");
  const filter: Filter = filterParam && filterParam in FILTERS ? (filterParam as Filter) : "toutes";
  const overview = await charterOverview();
  const rows = overview.rows.filter((r) =>
    filter === "signees" ? r.currentSignature : filter === "a-signer" ? !r.currentSignature : true,
  );
  return { current: overview.current, signed: overview.signed, unsigned: overview.unsigned, rows, filter };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(act)(args);
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "remind") return unknownIntent();
  try {
    const sent = await sendSignatureReminders(user);
    return redirectWithFlash(
      "/instruction/charte",
      sent.emails
        ? `Relance envoyée : ${sent.emails} courriel(s) aux représentant·es de ${sent.associations} association(s) qui n'ont pas signé.`
        : "Aucune relance à envoyer : toutes les associations ayant un·e représentant·e ont signé.",
      "success",
    );
  } catch (error) {
    if (isDomainError(error)) return redirectWithFlash("/instruction/charte", error.message, "error");
    throw error;
  }
}

export default function StaffCharter() {
  const { current, signed, unsigned, rows, filter } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <p>
        <Link to="/instruction">‹ Instruction</Link>
      </p>
      <h1>Signatures de la charte</h1>
      {!current ? (
        <p>Aucune version de la charte n'est publiée.</p>
      ) : (
        <>
          <p className="lead">
            Version {current.version} en vigueur : {signed} association(s) signataire(s), {unsigned} association(s) validée(s) sans
            signature de cette version.
          </p>
          {unsigned > 0 ? (
            <Form method="post" className="card">
              <p>
                Un courriel invite le ou la représentant·e légal·e de chaque association qui n'a pas signé la version {current.version} à le
                faire.
              </p>
              <button type="submit" name="intent" value="remind" className="button">
                Relancer les {unsigned} association(s) qui n'ont pas signé
              </button>
            </Form>
          ) : null}
        </>
      )}
      <nav aria-label="Filtrer les associations" className="actions">
        {(Object.keys(FILTERS) as Filter[]).map((key) => (
          <Link
            key={key}
            to={key === "toutes" ? "/instruction/charte" : `/instruction/charte?statut=${key}`}
            aria-current={filter === key ? "page" : undefined}
            className={filter === key ? "button button-small" : "button button-small button-secondary"}
          >
            {FILTERS[key]}
          </Link>
        ))}
      </nav>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Associations validées et leur signature de la charte</caption>
          <thead>
            <tr>
              <th scope="col">Association</th>
              <th scope="col">Représentant·e légal·e</th>
              <th scope="col">Version en vigueur</th>
              <th scope="col">Dernière signature</th>
              <th scope="col">Attestation</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/annuaire/${r.slug}`}>{r.name}</Link>
                </td>
                <td>{r.representatives.join(", ") || <span className="badge badge-orange">Aucun compte</span>}</td>
                <td>
                  {r.currentSignature ? (
                    <span className="badge badge-green">Signée</span>
                  ) : (
                    <span className="badge badge-orange">À signer</span>
                  )}
                </td>
                <td>
                  {r.lastSignature
                    ? `Version ${r.lastSignature.version.version}, le ${formatDateTime(r.lastSignature.signedAt)}, par ${r.lastSignature.signerName} (${r.lastSignature.signerRole})`
                    : "Jamais signée"}
                </td>
                <td>
                  {r.lastSignature ? (
                    <a href={`/espace/associations/${r.id}/charte/attestation/${r.lastSignature.id}`} download>
                      Attestation de {r.name} (PDF)
                    </a>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
