// Which form a refused post belongs to: its messages go beside its own fields, other forms on the
// page stay clean, and a refusal whose form is gone is said at the top of the page.
import { useActionData } from "@remix-run/react";
import { isActionFailure } from "~/components/form";
import type { action } from "./route";

/** The refusal of the form sent with this intent (and this extra field's value), else nothing. */
export function useFormFailure(intent: string, extra?: { key: string; value: string }) {
  const actionData = useActionData<typeof action>();
  if (!isActionFailure(actionData)) return {};
  if (actionData.values.intent !== intent) return {};
  if (extra && actionData.values[extra.key] !== extra.value) return {};
  return actionData;
}

/** Whether the page, as the loader now sees the subsidy, still renders the form that was sent. */
export function formStillShown(
  s: {
    votedCents: number | null;
    convention: { status: string } | null;
    instalments: { id: string; paidAt: string | Date | null }[];
    reports: { id: string; status: string }[];
  },
  values: Record<string, unknown>,
): boolean {
  switch (values.intent) {
    case "vote":
    case "attachment":
      return true;
    case "schedule":
      return s.votedCents !== null;
    case "convention_signed":
      return s.votedCents !== null && s.convention?.status === "envoyee";
    case "payment":
      return s.votedCents !== null && s.instalments.some((i) => !i.paidAt && i.id === values.instalmentId);
    case "indicator_add":
    case "indicator_edit":
    case "objective_add":
    case "objective_edit":
    case "meeting_save":
      // The steering forms (steering-sections.tsx) stay on the page.
      return true;
    case "report_correction":
      return s.reports.some((r) => r.status === "soumis" && r.id === values.reportId);
    default:
      // Buttons without fields (convention, report validation) and intents the page does not know.
      return false;
  }
}

/** The message said at the top of the page: a refusal whose form is no longer shown. */
export function usePageRefusal(s: Parameters<typeof formStillShown>[0]): string | null {
  const generic = useActionData<typeof action>();
  return isActionFailure(generic) && !formStillShown(s, generic.values)
    ? Object.values(generic.errors).join(" ") || "La demande n'a pas pu être traitée."
    : null;
}
