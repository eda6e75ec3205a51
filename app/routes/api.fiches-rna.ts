import type { LoaderFunctionArgs } from "@remix-run/node";
import { isValidRna } from "~/lib/validation";
import { claimableEntry } from "~/rna/claims.server";

/**
 * Whether an RNA number names an entry of the directory imported from the RNA and not yet taken over
 * (the sign-up form says so as the number is typed). Public: the directory itself shows these entries.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const rna = (new URL(request.url).searchParams.get("rna") ?? "").replace(/\s+/g, "").toUpperCase();
  const entry = isValidRna(rna) ? await claimableEntry(rna) : null;
  return Response.json({ match: entry ? { name: entry.name, url: `/annuaire/${entry.slug}` } : null });
}
