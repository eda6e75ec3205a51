// The compte rendu financier's form with the values achieved for the project's indicators: one
// schema builder for the browser and the server, built from the indicators the database holds.
import * as z from "zod";
import { optionalText } from "~/lib/validation";
import { reportFields, toReportData, type ReportData } from "~/subsidies/schemas";
import { indicatorValueSchema, type IndicatorKind } from "~/steering/indicators";

/** One indicator as the report asks for it: its target for the report's year, whether a value is due. */
export type ReportIndicator = {
  id: string;
  name: string;
  kind: IndicatorKind;
  unit: string;
  description: string;
  target: number | null;
  /** A value is due when the indicator had a target or the call marked it « objectif obligatoire ». */
  required: boolean;
};

export type IndicatorResultInput = { indicatorId: string; value: number | null; comment: string };
export type ReportSubmission = Omit<ReportData, "attachmentIds"> & { results: IndicatorResultInput[] };

export const valueField = (indicatorId: string) => `value_${indicatorId}`;
export const commentField = (indicatorId: string) => `comment_${indicatorId}`;

export const missingValueMessage = (name: string) => `Indiquez la valeur atteinte pour « ${name} ».`;

function valueSchema(indicator: ReportIndicator) {
  const typed = indicatorValueSchema(`Valeur atteinte pour « ${indicator.name} »`, indicator.unit, false);
  if (!indicator.required) return typed;
  // Required: blank (or absent) says which indicator is missing; anything typed is read as above.
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  const read = z.string().transform((raw, ctx) => {
    const parsed = typed.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    }
    return parsed.data as number;
  });
  return z.preprocess((v) => (blank(v) ? undefined : v), z.string({ error: missingValueMessage(indicator.name) }).pipe(read));
}

/** The report's schema with a value and a comment per indicator (`value_<id>`, `comment_<id>`). */
export function reportSchemaFor(indicators: readonly ReportIndicator[]) {
  const fields: Record<string, z.ZodType> = { ...reportFields };
  for (const indicator of indicators) {
    fields[valueField(indicator.id)] = valueSchema(indicator);
    fields[commentField(indicator.id)] = optionalText(`Commentaire sur « ${indicator.name} »`, 1000);
  }
  return z.object(fields).transform((parsed, ctx): ReportSubmission => {
    const v = parsed as Record<string, unknown>;
    return {
      ...toReportData(v, ctx),
      results: indicators.map((indicator) => ({
        indicatorId: indicator.id,
        value: (v[valueField(indicator.id)] as number | undefined) ?? null,
        comment: ((v[commentField(indicator.id)] as string | undefined) ?? "").trim(),
      })),
    };
  });
}
