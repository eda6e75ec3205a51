import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { exportXlsx } from "~/subsidies/exports.server";
import { toDateInput } from "~/subsidies/subsidy-labels";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const bytes = await exportXlsx();
  return fileResponse(new Uint8Array(bytes), {
    filename: `subventions-${toDateInput(new Date())}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}
