// Calls for projects for tests, the seed and the review side:
// `createCall(db, { title: "…", status: "publie", reviewerIds: [id] })`.
import type { Db } from "../../app/db.server";
import { serializeRequiredAttachments } from "../../app/calls/required-attachments";
import { slugify } from "../../app/lib/slug";

export type CallOverrides = {
  title?: string;
  slug?: string;
  summary?: string;
  body?: string;
  envelopeCents?: number;
  minAmountCents?: number;
  maxAmountCents?: number;
  opensAt?: Date;
  closesAt?: Date;
  financialYear?: number;
  status?: "brouillon" | "publie" | "clos" | "decisions_publiees" | "archive";
  requiredAttachments?: string[];
  fields?: string[];
  criteria?: { label: string; description?: string; weight: number }[];
  /** Staff users assigned to review; when omitted, one staff user is created. */
  reviewerIds?: string[];
};

export const DEFAULT_CRITERIA = [
  {
    label: "Adéquation aux priorités du projet social du CCAS",
    description: "Publics prioritaires, quartiers, thèmes de la consultation.",
    weight: 40,
  },
  { label: "Qualité et faisabilité du projet", description: "Objectifs clairs, moyens adaptés, calendrier réaliste.", weight: 35 },
  { label: "Solidité financière et partenariats", description: "Budget équilibré, cofinancements, réseau.", weight: 25 },
];

let counter = 0;
const DAY = 24 * 60 * 60 * 1000;

export async function createCall(db: Db, overrides: CallOverrides = {}) {
  counter += 1;
  const title = overrides.title ?? `Appel à projets solidarité ${Date.now().toString(36)}-${counter}`;
  const status = overrides.status ?? "publie";
  const now = Date.now();
  let reviewerIds = overrides.reviewerIds;
  if (!reviewerIds) {
    const reviewer = await db.user.create({
      data: {
        email: `instructeur-${now.toString(36)}-${counter}@exemple.test`,
        name: `Instructeur ${counter}`,
        role: "staff",
        passwordHash: "!",
      },
      select: { id: true },
    });
    reviewerIds = [reviewer.id];
  }
  const criteria = overrides.criteria ?? DEFAULT_CRITERIA;
  const call = await db.call.create({
    data: {
      slug: overrides.slug ?? `${slugify(title)}-${now.toString(36)}${counter}`,
      title,
      summary: overrides.summary ?? "Soutenir les actions associatives de lutte contre l'isolement et d'accès aux droits à Besançon.",
      body:
        overrides.body ??
        "## Objet\n\nLe CCAS soutient des projets associatifs **au service des habitant·es les plus fragiles**.\n\n## Critères d'éligibilité\n\n- association loi 1901 déclarée\n- action menée à Besançon\n",
      envelopeCents: overrides.envelopeCents ?? 150_000_00,
      minAmountCents: overrides.minAmountCents ?? 1_000_00,
      maxAmountCents: overrides.maxAmountCents ?? 20_000_00,
      opensAt: overrides.opensAt ?? new Date(now - 7 * DAY),
      closesAt: overrides.closesAt ?? new Date(now + 21 * DAY),
      financialYear: overrides.financialYear ?? new Date(overrides.closesAt ?? now + 21 * DAY).getUTCFullYear(),
      status,
      publishedAt: status === "brouillon" ? null : new Date(now - 7 * DAY),
      requiredAttachments: serializeRequiredAttachments(overrides.requiredAttachments ?? ["statuts", "rib"]),
      fields: { create: (overrides.fields ?? ["lutte-isolement", "acces-aux-droits", "aide-alimentaire"]).map((slug) => ({ slug })) },
      criteria: {
        create: criteria.map((c, position) => ({ label: c.label, description: c.description ?? "", weight: c.weight, position })),
      },
      reviewers: { create: reviewerIds.map((userId) => ({ userId })) },
    },
    include: { criteria: { orderBy: { position: "asc" } }, reviewers: true, fields: true },
  });
  return call;
}
