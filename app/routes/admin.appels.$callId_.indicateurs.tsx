import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdmin } from "~/accounts/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { domainAction, domainLoader, formDataToObject, invalid, parseWith, unknownIntent } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { callIndicatorSchema, criterionLinksSchema } from "~/steering/call-indicator-schemas";
import { CallIndicatorsEditor } from "~/steering/call-indicators-editor";
import {
  addCallIndicator,
  getCallIndicatorsForAdmin,
  moveCallIndicator,
  removeCallIndicator,
  setCriterionIndicators,
  updateCallIndicator,
} from "~/steering/call-indicators.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Indicateurs – ${data?.call.title ?? "Appel à projets"} – Administration`) },
];

export function loader(args: LoaderFunctionArgs) {
  return domainLoader(async ({ request, params }: LoaderFunctionArgs) => {
    await requireAdmin(request);
    return getCallIndicatorsForAdmin(params.callId ?? "");
  })(args);
}

export function action(args: ActionFunctionArgs) {
  return domainAction(editIndicators)(args);
}

async function editIndicators({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const { call } = await getCallIndicatorsForAdmin(params.callId ?? "");
  const here = `/admin/appels/${call.id}/indicateurs`;
  const values = formDataToObject(await request.formData());
  const indicatorId = String(values.indicatorId ?? "");
  switch (values.intent) {
    case "add":
    case "edit": {
      const parsed = parseWith(callIndicatorSchema, values);
      if (!parsed.ok) return invalid(parsed);
      const saved =
        values.intent === "add"
          ? await addCallIndicator(call.id, parsed.data, admin)
          : await updateCallIndicator(call.id, indicatorId, parsed.data, admin);
      return redirectWithFlash(
        here,
        values.intent === "add" ? `Indicateur « ${saved.name} » ajouté.` : `Indicateur « ${saved.name} » enregistré.`,
      );
    }
    case "move-up":
    case "move-down":
      await moveCallIndicator(call.id, indicatorId, values.intent === "move-up" ? "up" : "down", admin);
      return redirectWithFlash(here, "Ordre des indicateurs enregistré.");
    case "remove": {
      const removed = await removeCallIndicator(call.id, indicatorId, admin);
      return redirectWithFlash(here, `Indicateur « ${removed.name} » retiré.`);
    }
    case "criteria": {
      const links: Record<string, string[]> = {};
      for (const [key, value] of Object.entries(values)) {
        if (!key.startsWith("criterion_")) continue;
        const parsed = criterionLinksSchema.safeParse({ [key]: value });
        if (!parsed.success) return invalid({ errors: { [key]: "Choix d'indicateurs illisible." }, values });
        links[key.slice("criterion_".length)] = parsed.data[key];
      }
      await setCriterionIndicators(call.id, links, admin);
      return redirectWithFlash(here, "Indicateurs des critères enregistrés.");
    }
    default:
      return unknownIntent(values);
  }
}

export default function CallIndicatorsPage() {
  const { call, indicators, criteria, locked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="container page">
      <p>
        <Link to={`/admin/appels/${call.id}`}>‹ {call.title}</Link>
      </p>
      <h1>Indicateurs de l'appel</h1>
      <p className="lead">
        Les indicateurs de moyens et de résultats que chaque dossier chiffre par un objectif, puis par la valeur atteinte dans le compte
        rendu financier.
      </p>
      <CallIndicatorsEditor indicators={indicators} criteria={criteria} locked={locked} actionData={actionData} />
    </div>
  );
}
