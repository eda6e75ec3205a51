// The staff's moderation forms (browser and server): a reason to hide, a resolution to close a report.
import * as z from "zod";

export const MODERATION_LIMITS = { reasonMax: 1000 } as const;

const id = z.string({ error: "Élément inconnu." }).trim().min(1, "Élément inconnu.").max(100, "Élément inconnu.");

const reason = z
  .string({ error: "Indiquez le motif du masquage." })
  .trim()
  .min(1, "Indiquez le motif du masquage.")
  .max(MODERATION_LIMITS.reasonMax, `Le motif ne doit pas dépasser ${MODERATION_LIMITS.reasonMax} caractères.`);

export const hidePostSchema = z.object({ postId: id, reason });
export const unhidePostSchema = z.object({ postId: id });

/** « Masquer » a reported post or message: the resolution is the reason its author reads. */
export const upholdReportSchema = z.object({ reportId: id, resolution: reason });

/** « Classer sans suite »: the resolution is optional. */
export const dismissReportSchema = z.object({
  reportId: id,
  resolution: z
    .string()
    .trim()
    .max(MODERATION_LIMITS.reasonMax, `La précision ne doit pas dépasser ${MODERATION_LIMITS.reasonMax} caractères.`)
    .optional()
    .transform((v) => v || null),
});
