import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { fileResponse } from "~/lib/file-response.server";
import { steeringReportPdf } from "~/steering/yearly-report-pdf.server";
import { steeringYearOf } from "~/steering/year-query.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { year } = await steeringYearOf(request);
  const { bytes, filename } = await steeringReportPdf(year);
  return fileResponse(new Uint8Array(bytes), { filename, contentType: "application/pdf" });
}
