import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { exportXlsx } from "~/subsidies/exports.server";
import { toDateInput } from "~/subsidies/subsidy-labels";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const bytes = await exportXlsx();
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="subventions-${toDateInput(new Date())}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
