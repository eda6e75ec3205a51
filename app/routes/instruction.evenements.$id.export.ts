// Attendee and waiting lists as CSV (?format=csv) or XLSX (?format=xlsx).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { exportCsv, exportXlsx } from "~/events/exports.server";
import { getEventById } from "~/events/reading.server";
import { fileResponse } from "~/lib/file-response.server";
import { badRequest, notFound } from "~/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const event = await getEventById(params.id ?? "");
  if (!event) throw notFound();
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  const name = `inscrits-${event.slug}`;
  if (format === "csv") {
    return fileResponse(await exportCsv(event.id), { filename: `${name}.csv`, contentType: "text/csv; charset=utf-8" });
  }
  if (format === "xlsx") {
    return fileResponse(new Uint8Array(await exportXlsx(event.id, event.title)), {
      filename: `${name}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
  }
  throw badRequest("Format inconnu : csv ou xlsx.");
}
