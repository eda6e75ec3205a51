// « Consultation liée » on an event's page: the consultations tied to it; a member gets the link to
// answer for their (first) association, everyone else the sentence only.
import { Link } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";

export function LinkedConsultations({
  consultations,
  associationId,
}: {
  consultations: { id: string; title: string; closesAt: Date | string; state: string }[];
  associationId: string | null;
}) {
  if (consultations.length === 0) return null;
  return (
    <section aria-labelledby="consultation-liee">
      <h2 id="consultation-liee">{consultations.length > 1 ? "Consultations liées" : "Consultation liée"}</h2>
      <ul>
        {consultations.map((c) => (
          <li key={c.id}>
            {associationId ? <Link to={`/espace/associations/${associationId}/consultations/${c.id}`}>{c.title}</Link> : c.title}
            {c.state === "ouverte" ? ` — les associations du réseau peuvent répondre jusqu'au ${formatDateTime(c.closesAt)}.` : " — close."}
          </li>
        ))}
      </ul>
    </section>
  );
}
