import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { STEERING_CSV_KINDS, steeringCsv, type SteeringCsvKind } from "~/steering/dashboard-exports.server";
import { steeringYearOf } from "~/steering/year-query.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { year } = await steeringYearOf(request);
  const asked = new URL(request.url).searchParams.get("type");
  const kind: SteeringCsvKind = STEERING_CSV_KINDS.find((k) => k === asked) ?? "axes";
  const csv = await steeringCsv(year, kind);
  return fileResponse(csv, { filename: `pilotage-${kind}-${year}.csv`, contentType: "text/csv; charset=utf-8" });
}
