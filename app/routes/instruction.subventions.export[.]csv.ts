import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { exportCsv } from "~/subsidies/exports.server";
import { toDateInput } from "~/subsidies/subsidy-labels";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const kind = new URL(request.url).searchParams.get("type") === "versements" ? "versements" : "subventions";
  const csv = await exportCsv(kind);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${kind}-${toDateInput(new Date())}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
