import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { steeringXlsx } from "~/steering/dashboard-exports.server";
import { steeringYearOf } from "~/steering/year-query.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { year } = await steeringYearOf(request);
  const bytes = await steeringXlsx(year);
  return fileResponse(new Uint8Array(bytes), {
    filename: `pilotage-${year}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}
