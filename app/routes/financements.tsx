// The public page « Ce que le CCAS a financé en <année> »: by axis of the social project (no login;
// cached for anonymous visitors like the other public pages, decision 008).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/lib/meta";
import { defaultFundingYear, getPublicFunding, parseFundingYear, publicFundingYears } from "~/steering/public-funding.server";
import { PublicFundingView } from "~/steering/public-funding-view";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, `Ce que le CCAS a financé en ${data?.funding.year ?? ""}`.trim()) },
  {
    name: "description",
    content: data
      ? `Les subventions votées par le CCAS en ${data.funding.year}, par axe du projet social : montants, projets et associations financées.`
      : "Les subventions votées par le CCAS, par axe du projet social.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const year = parseFundingYear(new URL(request.url).searchParams.get("annee")) ?? defaultFundingYear();
  const [funding, years] = await Promise.all([getPublicFunding(year), publicFundingYears()]);
  return { funding, years: [...new Set([...years, year])].sort((a, b) => b - a) };
}

export default function PublicFunding() {
  const { funding, years } = useLoaderData<typeof loader>();
  return <PublicFundingView funding={funding} years={years} />;
}
