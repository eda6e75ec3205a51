// The answers of a consultation as CSV: one row per association, one column per question.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { notFound } from "~/lib/http.server";
import { slugify } from "~/lib/slug";
import { consultationCsv } from "~/network/consultation-results.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const result = await consultationCsv(params.id ?? "");
  if (!result) throw notFound();
  const name = `consultation-${slugify(result.consultation.title) || result.consultation.id}`.slice(0, 80);
  return fileResponse(result.csv, { filename: `${name}.csv`, contentType: "text/csv; charset=utf-8" });
}
