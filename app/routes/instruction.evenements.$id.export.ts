// Attendee and waiting lists as CSV (?format=csv) or XLSX (?format=xlsx).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/accounts/auth.server";
import { exportCsv, exportXlsx } from "~/events/exports.server";
import { getEventById } from "~/events/reading.server";
import { badRequest, notFound } from "~/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const event = await getEventById(params.id ?? "");
  if (!event) throw notFound();
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  const name = `inscrits-${event.slug}`;
  if (format === "csv") {
    return new Response(await exportCsv(event.id), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  if (format === "xlsx") {
    return new Response(new Uint8Array(await exportXlsx(event.id, event.title)), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  }
  throw badRequest("Format inconnu : csv ou xlsx.");
}
