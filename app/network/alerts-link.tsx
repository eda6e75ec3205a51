// The member home's link to the network's alerts (espace._index.tsx).
import { Link } from "@remix-run/react";

export function NetworkAlertsLink() {
  return (
    <p>
      <Link to="/espace/alertes">Alertes du réseau</Link>
      <span className="muted"> – recevoir chaque jour par courriel les nouveaux besoins et offres qui vous intéressent</span>
    </p>
  );
}
