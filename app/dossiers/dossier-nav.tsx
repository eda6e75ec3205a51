// The dossier's step navigation, on its overview and on every step.
import { Link } from "@remix-run/react";
import { DOSSIER_STEPS } from "~/dossiers/step-definitions";

export function DossierNav({ base, current }: { base: string; current?: string }) {
  return (
    <nav aria-label="Étapes du dossier">
      <ol className="steps">
        {DOSSIER_STEPS.map((s, i) => (
          <li key={s.key}>
            <Link to={`${base}/${s.key}`} aria-current={s.key === current ? "step" : undefined}>
              {i + 1}. {s.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
