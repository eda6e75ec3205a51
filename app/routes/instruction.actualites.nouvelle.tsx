import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireStaff } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, invalid, parseForm } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { createNews } from "~/network/news.server";
import { newsSchema } from "~/network/news-schemas";
import { NewsForm } from "~/network/news-views";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Nouvelle actualité – Instruction") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

export const action = (args: ActionFunctionArgs) => domainAction(create)(args);

async function create({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const parsed = await parseForm(request, newsSchema);
  if (!parsed.ok) return invalid(parsed);
  const news = await createNews(parsed.data, staff);
  return redirectWithFlash(`/instruction/actualites/${news.id}`, "Brouillon enregistré. Relisez l'aperçu avant de publier.");
}

export default function NewNews() {
  return (
    <div className="container page narrow">
      <p>
        <Link to="/instruction/actualites">‹ Actualités du réseau</Link>
      </p>
      <h1>Nouvelle actualité</h1>
      <NewsForm defaultValues={{ title: "", body: "" }} />
    </div>
  );
}
