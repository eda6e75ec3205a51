import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { Checkbox, SelectField, SubmitButton, TextField, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { isDomainError } from "~/lib/domain-error";
import { domainAction, fieldError, invalid, parseForm } from "~/lib/forms.server";
import { grantSchema } from "~/subsidies/schemas";
import { createGrant } from "~/subsidies/creation.server";
import { listGrantableAssociations } from "~/subsidies/reading.server";
import { parisYear } from "~/subsidies/rules";
import { pageTitle } from "~/lib/meta";
import { attachmentOptionsByPeriod } from "~/steering/subsidy-attachment.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Subvention hors appel – Instruction") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [associations, attachmentOptions] = await Promise.all([listGrantableAssociations(), attachmentOptionsByPeriod()]);
  return { associations, attachmentOptions, year: parisYear(new Date()) };
}

export function action(args: ActionFunctionArgs) {
  return domainAction(act)(args);
}

async function act({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const parsed = await parseForm(request, grantSchema);
  if (!parsed.ok) return invalid(parsed);
  try {
    const subsidy = await createGrant(parsed.data, user);
    return redirectWithFlash(
      `/instruction/subventions/${subsidy.id}`,
      `La subvention ${subsidy.number} est enregistrée : enregistrez maintenant le vote.`,
    );
  } catch (error) {
    if (isDomainError(error)) return fieldError(error.field, error.message, { ...parsed.data, amount: undefined }, error.status);
    throw error;
  }
}

export default function NewGrant() {
  const { associations, attachmentOptions, year } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <p>
        <Link to="/instruction/subventions">‹ Subventions</Link>
      </p>
      <h1>Subvention hors appel à projets</h1>
      <ValidatedForm schema={grantSchema} method="post" defaultValues={{ financialYear: String(year), fundsAction: true }}>
        <SelectField
          name="associationId"
          label="Association"
          required
          options={associations.map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextField name="purpose" label="Objet de la subvention" required />
        <TextField name="amount" label="Montant" inputMode="decimal" required hint="En euros, par exemple 5 000." />
        <TextField name="financialYear" label="Exercice" inputMode="numeric" required />
        <Checkbox name="fundsAction" label="Finance une action précise (compte rendu financier dû)" />
        {attachmentOptions.length ? (
          <SelectField
            name="attachment"
            label="Rattachement au projet social"
            placeholder="Non rattachée"
            hint="Un axe ou un projet phare du projet social qui couvre l'exercice."
            options={attachmentOptions}
          />
        ) : null}
        <SubmitButton>Enregistrer la subvention</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
