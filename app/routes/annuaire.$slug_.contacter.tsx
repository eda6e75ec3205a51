// Writing to an association from its directory page: a relayed message (no address shown), on
// behalf of one of the writer's own associations; the conversation continues in the messagerie.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/accounts/auth.server";
import { SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from "~/components/form";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { contactContext, contactFromDirectory } from "~/network/contact.server";
import { conversationPath } from "~/network/conversations.server";
import { BODY_MAX, contactSchema, SUBJECT_MAX } from "~/network/message-schemas";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `Contacter ${data.target.name}` : "Contacter une association") },
];

export const loader = (args: LoaderFunctionArgs) => domainLoader(load)(args);

async function load({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return contactContext(user, params.slug ?? "");
}

export const action = (args: ActionFunctionArgs) => domainAction(post)(args);

async function post({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await contactContext(user, params.slug ?? "");
  const values = formDataToObject(await request.formData());
  const parsed = parseWith(contactSchema, values);
  if (!parsed.ok) return invalid(parsed);
  const sent = await contactFromDirectory(user, params.slug ?? "", parsed.data);
  return redirectWithFlash(
    conversationPath(sent.fromAssociationId, sent.conversationId),
    `Votre message a été envoyé à ${sent.target.name}. Ses membres sont prévenus par courriel.`,
  );
}

export default function ContactAssociation() {
  const { target, senders } = useLoaderData<typeof loader>();
  return (
    <div className="container page narrow">
      <p>
        <Link to={`/annuaire/${target.slug}`}>‹ La fiche de {target.name}</Link>
      </p>
      <h1>Contacter {target.name}</h1>
      <p className="lead">
        Le portail transmet votre message par courriel aux membres de l'association, sans leur communiquer votre adresse ; la suite de
        l'échange se lit dans la messagerie de votre association.
      </p>
      <ValidatedForm
        schema={contactSchema}
        method="post"
        defaultValues={{ fromAssociationId: senders.length === 1 ? senders[0].id : "", subject: "", body: "" }}
      >
        {senders.length > 1 ? (
          <SelectField
            name="fromAssociationId"
            label="Écrire au nom de"
            required
            options={senders.map((a) => ({ value: a.id, label: a.name }))}
          />
        ) : (
          <>
            <input type="hidden" name="fromAssociationId" value={senders[0].id} />
            <p>
              Vous écrivez au nom de <strong>{senders[0].name}</strong>.
            </p>
          </>
        )}
        <TextField name="subject" label="Objet" hint={`${SUBJECT_MAX} caractères au maximum.`} required />
        <TextArea name="body" label="Message" hint={`${BODY_MAX} caractères au maximum.`} required rows={8} />
        <SubmitButton>Envoyer le message</SubmitButton>
      </ValidatedForm>
    </div>
  );
}
