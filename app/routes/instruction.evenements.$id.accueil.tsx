// Check-in at the door, on a phone: search by name, one big button per person.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { attendanceFigures, searchForCheckIn, setCheckIn } from "~/events/attendance.server";
import { getEventById } from "~/events/reading.server";
import { badRequest, notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Accueil des participant·es") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const event = await getEventById(params.id ?? "");
  if (!event) throw notFound();
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const [people, figures] = await Promise.all([searchForCheckIn(event.id, q), attendanceFigures(event.id)]);
  return { event: { id: event.id, title: event.title }, q, people, figures };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireStaff(request);
  const form = await request.formData();
  const id = form.get("registrationId");
  const present = form.get("present");
  if (typeof id !== "string" || (present !== "1" && present !== "0")) throw badRequest();
  if (!(await setCheckIn(params.id ?? "", id, present === "1"))) throw notFound();
  return { ok: true };
}

const big = { minHeight: "3rem", minWidth: "10rem", fontSize: "1.1rem" } as const;

export default function CheckIn() {
  const { event, q, people, figures } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <div className="container page" style={{ maxWidth: "40rem" }}>
      <p>
        <Link to={`/instruction/evenements/${event.id}`}>‹ {event.title}</Link>
      </p>
      <h1>Accueil : {event.title}</h1>
      <p role="status" className="lead">
        {figures.present} présent·es sur {figures.confirmed} inscrit·es
      </p>
      <Form method="get" className="search-bar" role="search">
        <div className="field">
          <label htmlFor="q" className="field-label">
            Rechercher un nom
          </label>
          <input id="q" name="q" type="search" defaultValue={q} autoComplete="off" style={{ fontSize: "1.2rem", minHeight: "3rem" }} />
        </div>
        <button type="submit" className="button" style={big}>
          Rechercher
        </button>
      </Form>
      {people.length === 0 ? <p>Aucun·e inscrit·e ne correspond.</p> : null}
      <ul style={{ listStyle: "none", padding: 0 }} className="stack">
        {people.map((p) => (
          <li
            key={p.id}
            className="card"
            style={{ display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: "0.75rem" }}
          >
            <div>
              <strong style={{ fontSize: "1.15rem" }}>{p.name}</strong>
              {p.association ? <div className="small muted">{p.association.name}</div> : null}
              {p.accessibilityNeeds ? <div className="small">Accessibilité : {p.accessibilityNeeds}</div> : null}
            </div>
            <Form method="post" preventScrollReset>
              <input type="hidden" name="registrationId" value={p.id} />
              {p.checkedInAt ? (
                <button
                  type="submit"
                  name="present"
                  value="0"
                  className="button button-secondary"
                  style={big}
                  aria-label={`Annuler la présence de ${p.name}`}
                  disabled={navigation.state !== "idle"}
                >
                  ✓ Présent·e – annuler
                </button>
              ) : (
                <button
                  type="submit"
                  name="present"
                  value="1"
                  className="button"
                  style={big}
                  aria-label={`Marquer ${p.name} présent·e`}
                  disabled={navigation.state !== "idle"}
                >
                  Marquer présent·e
                </button>
              )}
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
