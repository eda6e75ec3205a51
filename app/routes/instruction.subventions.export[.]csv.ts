import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { exportCsv } from "~/subsidies/exports.server";
import { toDateInput } from "~/subsidies/subsidy-labels";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const kind = new URL(request.url).searchParams.get("type") === "versements" ? "versements" : "subventions";
  const csv = await exportCsv(kind);
  return fileResponse(csv, { filename: `${kind}-${toDateInput(new Date())}.csv`, contentType: "text/csv; charset=utf-8" });
}
