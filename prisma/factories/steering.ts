// The social project and indicators for tests and the seed:
// `createSocialProject(db, { axes: [{ title: "…", flagships: ["…"] }] })`,
// `createCallIndicator(db, callId, { name: "Personnes accompagnées" })`.
import type { Db } from "../../app/db.server";
import type { IndicatorKind, IndicatorUnit } from "../../app/steering/indicators";

export type SocialProjectData = {
  title?: string;
  startYear?: number;
  endYear?: number;
  adoptedOn?: Date | null;
  description?: string;
  /** In order: axis n°1, 2…; projets phares numbered across the project in the order given. */
  axes?: { title: string; description?: string; flagships?: string[] }[];
};

let counter = 0;

export async function createSocialProject(db: Db, data: SocialProjectData = {}) {
  counter += 1;
  const startYear = data.startYear ?? 2022;
  const endYear = data.endYear ?? startYear + 4;
  const project = await db.socialProject.create({
    data: {
      title: data.title ?? `Projet social ${startYear}-${endYear} (${counter})`,
      startYear,
      endYear,
      adoptedOn: data.adoptedOn ?? null,
      description: data.description ?? "",
    },
  });
  const axes = data.axes ?? [
    { title: "Intervenir auprès des publics prioritaires", flagships: ["Chantiers d'insertion jeunes"] },
    { title: "Faciliter l'accès aux droits", flagships: ["Réseau de médiateurs numériques"] },
  ];
  let flagshipNumber = 0;
  for (const [index, axis] of axes.entries()) {
    const created = await db.socialAxis.create({
      data: { projectId: project.id, number: index + 1, title: axis.title, description: axis.description ?? "" },
    });
    for (const title of axis.flagships ?? []) {
      flagshipNumber += 1;
      await db.flagshipProject.create({ data: { projectId: project.id, axisId: created.id, number: flagshipNumber, title } });
    }
  }
  return db.socialProject.findUniqueOrThrow({
    where: { id: project.id },
    include: { axes: { orderBy: { number: "asc" }, include: { flagships: { orderBy: { number: "asc" } } } } },
  });
}

export type CallIndicatorData = {
  name?: string;
  kind?: IndicatorKind;
  unit?: IndicatorUnit;
  targetRequired?: boolean;
  description?: string;
  position?: number;
};

export async function createCallIndicator(db: Db, callId: string, data: CallIndicatorData = {}) {
  const position = data.position ?? (await db.callIndicator.count({ where: { callId } }));
  return db.callIndicator.create({
    data: {
      callId,
      name: data.name ?? "Personnes accompagnées",
      kind: data.kind ?? "resultats",
      unit: data.unit ?? "personnes",
      targetRequired: data.targetRequired ?? true,
      description: data.description ?? "",
      position,
    },
  });
}

/** A project's indicator: a dossier's (from a call indicator, or its own) or a subsidy's outside calls. */
export async function createProjectIndicator(
  db: Db,
  owner: { dossierId: string } | { subsidyId: string },
  data: {
    callIndicatorId?: string;
    name?: string;
    kind?: IndicatorKind;
    unit?: IndicatorUnit;
    target?: number | null;
    position?: number;
  } = {},
) {
  const source = data.callIndicatorId ? await db.callIndicator.findUniqueOrThrow({ where: { id: data.callIndicatorId } }) : null;
  const where = "dossierId" in owner ? { dossierId: owner.dossierId } : { subsidyId: owner.subsidyId };
  return db.projectIndicator.create({
    data: {
      ...where,
      callIndicatorId: source?.id ?? null,
      name: data.name ?? source?.name ?? "Heures d'atelier",
      kind: data.kind ?? source?.kind ?? "moyens",
      unit: data.unit ?? source?.unit ?? "heures",
      target: data.target === undefined ? 100 : data.target,
      position: data.position ?? (await db.projectIndicator.count({ where })),
    },
  });
}
