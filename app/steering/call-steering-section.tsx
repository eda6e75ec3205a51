// The call editor's section « Projet social »: the axes and projets phares of the project covering
// the call's financial year that the call serves. A projet phare implies its axis (said, and done
// by the server whatever was ticked).
import { Link } from "@remix-run/react";
import { SubmitButton, ValidatedForm } from "~/components/form";
import { callSteeringSchema } from "./social-project-schemas";

export type CallSteeringView = {
  financialYear: number;
  project: {
    title: string;
    period: string;
    axes: { id: string; number: number; title: string; flagships: { id: string; number: number; title: string }[] }[];
  } | null;
  axisIds: string[];
  flagshipIds: string[];
  staleTies: number;
};

export function CallSteeringSection({ steering }: { steering: CallSteeringView }) {
  const { project } = steering;
  return (
    <section className="card stack" aria-labelledby="projet-social">
      <h2 id="projet-social">Projet social</h2>
      {!project ? (
        <p>
          Aucun projet social ne couvre l'exercice {steering.financialYear}.{" "}
          <Link to="/admin/projet-social">Créer ou modifier le projet social</Link>
        </p>
      ) : (
        <ValidatedForm schema={callSteeringSchema} method="post" key={[...steering.axisIds, ...steering.flagshipIds].join()}>
          <input type="hidden" name="intent" value="social_project" />
          <p>
            Les axes et projets phares du projet « {project.title} » ({project.period}) que cet appel sert. Cocher un projet phare rattache
            aussi son axe.
          </p>
          {steering.staleTies ? (
            <p className="alert alert-info">
              Cet appel reste rattaché à un autre projet social (son exercice a changé) : enregistrez cette section pour l'en détacher.
            </p>
          ) : null}
          {project.axes.length === 0 ? (
            <p>
              Ce projet n'a pas encore d'axe. <Link to="/admin/projet-social">Modifier le projet social</Link>
            </p>
          ) : null}
          {project.axes.map((axis) => (
            <fieldset key={axis.id} className="fieldset">
              <legend className="field-label">
                <label className="checkbox">
                  <input type="checkbox" name="axisIds" value={axis.id} defaultChecked={steering.axisIds.includes(axis.id)} />
                  <span>
                    Axe {axis.number} – {axis.title}
                  </span>
                </label>
              </legend>
              {axis.flagships.map((f) => (
                <label key={f.id} className="checkbox">
                  <input type="checkbox" name="flagshipIds" value={f.id} defaultChecked={steering.flagshipIds.includes(f.id)} />
                  <span>
                    Projet phare n°{f.number} – {f.title}
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          <SubmitButton>Enregistrer le rattachement au projet social</SubmitButton>
        </ValidatedForm>
      )}
    </section>
  );
}

export type PublicCallSteeringView = {
  project: { title: string; period: string };
  axes: { id: string; number: number; title: string; flagships: { id: string; number: number; title: string }[] }[];
} | null;

/** The public call page's « Dans le projet social ». */
export function PublicCallSteering({ steering }: { steering: PublicCallSteeringView }) {
  if (!steering) return null;
  return (
    <section aria-labelledby="dans-le-projet-social">
      <h2 id="dans-le-projet-social">Dans le projet social</h2>
      <p>
        Cet appel sert le projet social « {steering.project.title} » ({steering.project.period}) :
      </p>
      <ul>
        {steering.axes.map((axis) => (
          <li key={axis.id}>
            <strong>
              Axe {axis.number} – {axis.title}
            </strong>
            {axis.flagships.length ? (
              <ul>
                {axis.flagships.map((f) => (
                  <li key={f.id}>
                    Projet phare n°{f.number} – {f.title}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
