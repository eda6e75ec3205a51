// The year a steering page or export is about: `?annee=` when it is one of the years offered,
// else the current year (never an error: a year typed by hand that has nothing shows the current one).
import { steeringYears } from "~/steering/dashboard.server";
import { parisYear } from "~/subsidies/rules";

export async function steeringYearOf(request: Request, now = new Date()) {
  const years = await steeringYears(now);
  const raw = new URL(request.url).searchParams.get("annee") ?? "";
  const asked = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  const year = years.includes(asked) ? asked : parisYear(now);
  return { year, years };
}
