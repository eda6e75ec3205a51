// « Contacter cette association » on a directory page, for the members of another association.
import { Link } from "@remix-run/react";

export function ContactAssociationLink({ slug, show }: { slug: string; show: boolean }) {
  if (!show) return null;
  return (
    <p>
      <Link to={`/annuaire/${slug}/contacter`} className="button">
        Contacter cette association
      </Link>
    </p>
  );
}
