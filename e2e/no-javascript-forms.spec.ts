// Every edit form works without JavaScript (or before hydration, on a slow phone): the
// server renders it with its current values, and posting it exactly as rendered saves
// without wiping anything. For each edit page: the stored values that are not empty are
// in the form the server sent, the form is sent as it stands (its submit button, no
// script), the save succeeds, and the stored data is the same afterwards.
import type { Browser, Locator, Page } from "@playwright/test";
import { createSubsidyFromDossier } from "../app/subsidies/creation.server";
import { recordVote } from "../app/subsidies/vote.server";
import { setSchedule } from "../app/subsidies/payments.server";
import { centsToInput, toParisInputValue } from "../app/lib/format";
import { DOSSIER_STEPS } from "../app/dossiers/schemas";
import { openingHoursFormValues } from "../app/associations/opening-hours-form";
import { scoreFieldName } from "../app/review/schemas";
import { createAssociation } from "../prisma/factories/association";
import { createCall } from "../prisma/factories/call";
import { createDossier } from "../prisma/factories/dossier";
import { createEvent } from "../prisma/factories/event";
import { createConsultation, createNetworkPost } from "../prisma/factories/network";
import { addDays, parisToday } from "../app/network/post-labels";
import { createSocialProject } from "../prisma/factories/steering";
import { createCallIndicator, createProjectIndicator } from "../prisma/factories/steering";
import { ownField, targetField } from "../app/steering/dossier-indicators";
import { expect, expectAccessible, getDb, loginAs, signIn, test } from "./support/fixtures";

test.use({ javaScriptEnabled: false });
test.describe.configure({ timeout: 90_000 });

type Shown = Record<string, string | readonly string[] | null | undefined>;

/**
 * axe on the page exactly as the server rendered it. axe needs scripts of its own (its
 * timers do not run in a page without JavaScript), so it runs in a sibling context where
 * the portal's scripts never arrive: the same HTML, never hydrated.
 */
async function expectAccessibleAsRendered(page: Page) {
  const context = await page
    .context()
    .browser()!
    .newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
  try {
    const rendered = await context.newPage();
    await rendered.route(/\.js(\?.*)?$/, (route) => route.abort());
    await rendered.goto(page.url());
    await expectAccessible(rendered);
  } finally {
    await context.close();
  }
}

/** What the browser sends for this form as it stands: the form's own data set, without the submitter. */
async function renderedValues(form: Locator): Promise<Record<string, string[]>> {
  return form.evaluate((el) => {
    const out: Record<string, string[]> = {};
    for (const [name, value] of new FormData(el as HTMLFormElement)) if (typeof value === "string") (out[name] ??= []).push(value);
    return out;
  });
}

/** Every stored value that is not empty is what the form shows for its field. */
async function expectShown(form: Locator, shown: Shown) {
  const rendered = await renderedValues(form);
  const expected: Record<string, string[]> = {};
  const actual: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(shown)) {
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v !== "");
    if (!list.length) continue;
    expected[name] = [...list].sort();
    actual[name] = [...(rendered[name] ?? [])].sort();
  }
  expect(Object.keys(expected).length, "au moins une valeur enregistrée à retrouver").toBeGreaterThan(0);
  expect(actual, "le formulaire envoyé par le serveur montre les valeurs enregistrées").toEqual(expected);
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A date on the minute: a datetime-local field shows minutes, so a round trip keeps it whole. */
const onTheMinute = (offset: number) => new Date(Math.floor((Date.now() + offset) / 60_000) * 60_000);
const withoutTimestamps = <T extends Record<string, unknown>>(row: T) => {
  const { updatedAt: _u, createdAt: _c, ...rest } = row;
  return rest;
};
// What the forms' schemas make canonical, and only that: a French phone number's digits
// (the seed writes "03 81 …", a save writes "0381…"), a text's trailing blank lines, the
// order of a multiple choice (a set, saved in the options' order).
const phoneDigits = (phone: string | null) => phone?.replace(/\D/g, "") ?? null;
const trimmedEnd = (text: string) => text.trimEnd();
const sortedLists = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]));

type EditCase = {
  /** The page, as its user: what the form must show and how to read what it edits. */
  open: (
    page: Page,
    browser: Browser,
  ) => Promise<{
    path: string;
    form: (page: Page) => Locator;
    submit: string;
    /** The flash message after the save, or the page it goes to. */
    saved: { status: RegExp } | { url: RegExp };
    snapshot: () => Promise<unknown>;
    shown: () => Promise<Shown>;
  }>;
};

const db = () => getDb();

async function profileCase(page: Page) {
  // The demo association the finding was about, as its legal representative.
  const user = await db().user.findUniqueOrThrow({ where: { email: "presidente@epicerie-planoise.test" }, include: { memberships: true } });
  await signIn(page, user.id);
  const associationId = user.memberships[0].associationId;
  const read = () =>
    db().association.findUniqueOrThrow({
      where: { id: associationId },
      include: {
        fields: { select: { slug: true }, orderBy: { slug: "asc" } },
        publics: { select: { slug: true }, orderBy: { slug: "asc" } },
      },
    });
  return {
    path: `/espace/associations/${associationId}/profil`,
    form: (p: Page) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer la fiche" }) }),
    submit: "Enregistrer la fiche",
    saved: { status: /Fiche enregistrée/ },
    snapshot: async () => {
      const a = await read();
      // searchText is the fallback's copy of the rest, rebuilt after a save (decision 036): not the association's data.
      const { searchText: _derived, ...stored } = withoutTimestamps(a);
      return { ...stored, phone: phoneDigits(a.phone) };
    },
    shown: async () => {
      const a = await read();
      return {
        name: a.name,
        acronym: a.acronym,
        rna: a.rna,
        siret: a.siret,
        socialObject: a.socialObject,
        description: a.description,
        address: a.address,
        postcode: a.postcode,
        city: a.city,
        district: a.district,
        phone: a.phone,
        email: a.email,
        website: a.website,
        receptionHours: a.receptionHours,
        // The week's fields, from the stored OSM string (a ticked "Fermé" posts "on").
        ...Object.fromEntries(
          Object.entries(openingHoursFormValues(a.openingHours).values).map(([name, value]) => [
            name,
            value === false ? null : String(value),
          ]),
        ),
        fields: a.fields.map((f) => f.slug),
        publics: a.publics.map((p) => p.slug),
      };
    },
  };
}

const EDIT_CASES: Record<string, EditCase> = {
  "association profile": { open: profileCase },

  "event (staff)": {
    open: async (page) => {
      await loginAs(page, "staff");
      const startsAt = onTheMinute(20 * DAY);
      const event = await createEvent(db(), {
        title: `Formation accès aux droits ${Date.now().toString(36)}`,
        description: "Repérer les droits non demandés.\n\nAvec les travailleurs sociaux du CCAS.",
        type: "formation_acces_droits",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * HOUR),
        onlineUrl: "https://visio.ccas-besancon.test/formation",
        capacity: 35,
        registrationOpensAt: onTheMinute(-2 * DAY),
        registrationClosesAt: onTheMinute(18 * DAY),
        audience: "public",
        perAssociationLimit: 3,
      });
      const read = () => db().event.findUniqueOrThrow({ where: { id: event.id } });
      return {
        path: `/instruction/evenements/${event.id}/modifier`,
        form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer", exact: true }) }),
        submit: "Enregistrer",
        saved: { status: /Événement enregistré/ },
        snapshot: async () => withoutTimestamps(await read()),
        shown: async () => {
          const e = await read();
          return {
            title: e.title,
            description: e.description,
            type: e.type,
            startsAt: toParisInputValue(e.startsAt),
            endsAt: toParisInputValue(e.endsAt),
            place: e.place,
            onlineUrl: e.onlineUrl,
            capacity: String(e.capacity),
            registrationOpensAt: toParisInputValue(e.registrationOpensAt),
            registrationClosesAt: toParisInputValue(e.registrationClosesAt),
            audience: e.audience,
            perAssociationLimit: e.perAssociationLimit === null ? null : String(e.perAssociationLimit),
          };
        },
      };
    },
  },

  "call for projects (administrator)": {
    open: async (page) => {
      await loginAs(page, "admin");
      const reviewers = await db().user.findMany({
        where: { role: "staff", email: { endsWith: "@ccas-besancon.test" } },
        select: { id: true },
      });
      const call = await createCall(db(), {
        title: `Appel numérique solidaire ${Date.now().toString(36)}`,
        status: "brouillon",
        opensAt: onTheMinute(2 * DAY),
        closesAt: onTheMinute(40 * DAY),
        fields: ["inclusion-numerique", "acces-aux-droits"],
        requiredAttachments: ["statuts", "rib"],
        reviewerIds: reviewers.map((r) => r.id),
      });
      const read = () =>
        db().call.findUniqueOrThrow({
          where: { id: call.id },
          include: {
            fields: { select: { slug: true }, orderBy: { slug: "asc" } },
            criteria: { select: { label: true, description: true, weight: true, position: true }, orderBy: { position: "asc" } },
            reviewers: { select: { userId: true }, orderBy: { userId: "asc" } },
          },
        });
      return {
        path: `/admin/appels/${call.id}`,
        form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer l'appel" }) }),
        submit: "Enregistrer l'appel",
        saved: { status: /Appel enregistré/ },
        snapshot: async () => {
          const c = await read();
          return { ...withoutTimestamps(c), body: trimmedEnd(c.body) };
        },
        shown: async () => {
          const c = await read();
          const shown: Shown = {
            title: c.title,
            summary: c.summary,
            body: c.body,
            fields: c.fields.map((f) => f.slug),
            envelope: centsToInput(c.envelopeCents),
            minAmount: centsToInput(c.minAmountCents),
            maxAmount: centsToInput(c.maxAmountCents),
            opensAt: toParisInputValue(c.opensAt),
            closesAt: toParisInputValue(c.closesAt),
            requiredAttachments: c.requiredAttachments as string[],
            reviewerIds: c.reviewers.map((r) => r.userId),
          };
          c.criteria.forEach((cr, i) => {
            shown[`criterionLabel_${i}`] = cr.label;
            shown[`criterionDescription_${i}`] = cr.description;
            shown[`criterionWeight_${i}`] = String(cr.weight);
          });
          return shown;
        },
      };
    },
  },
};

/** A voted multi-year subsidy with its schedule, for the staff's vote and schedule forms. */
async function votedSubsidy(staff: { id: string }) {
  const tag = Date.now().toString(36);
  const association = await createAssociation(db(), { status: "validated", name: `Les Ateliers du Lien ${tag}` });
  const call = await createCall(db(), { title: `Solidarité ${tag}`, envelopeCents: 200_000_00, requiredAttachments: [] });
  const dossier = await createDossier(db(), {
    callId: call.id,
    associationId: association.id,
    state: "accepte",
    requestedCents: 12_000_00,
  });
  const subsidy = await createSubsidyFromDossier(dossier.id, staff);
  await recordVote(
    subsidy.id,
    { decisionDate: `${subsidy.financialYear}-03-12`, deliberationRef: `CA-${tag}`, yearAmounts: [12_000_00, 10_000_00] },
    staff,
  );
  await setSchedule(
    subsidy.id,
    [
      { kind: "avance", amountCents: 8_000_00, plannedDate: `${subsidy.financialYear}-04-01` },
      { kind: "acompte", amountCents: 9_000_00, plannedDate: `${subsidy.financialYear}-09-15` },
      { kind: "solde", amountCents: 5_000_00, plannedDate: `${subsidy.financialYear + 1}-06-30` },
    ],
    staff,
  );
  const read = () =>
    db().subsidy.findUniqueOrThrow({
      where: { id: subsidy.id },
      include: {
        years: { select: { year: true, amountCents: true }, orderBy: { year: "asc" } },
        instalments: {
          select: { kind: true, amountCents: true, plannedDate: true, paidAt: true, paidCents: true, position: true },
          orderBy: { position: "asc" },
        },
        convention: { select: { status: true, signedAt: true, sentAt: true } },
        reports: { select: { financialYear: true, status: true, dueDate: true, data: true }, orderBy: { financialYear: "asc" } },
      },
    });
  return { id: subsidy.id, read, snapshot: async () => withoutTimestamps(await read()) };
}

const parisDate = (d: Date) => toParisInputValue(d).slice(0, 10);

EDIT_CASES["subsidy vote (staff)"] = {
  open: async (page) => {
    const staff = await loginAs(page, "staff");
    const s = await votedSubsidy(staff);
    return {
      path: `/instruction/subventions/${s.id}`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer le vote" }) }),
      submit: "Enregistrer le vote",
      saved: { status: /Le vote est enregistré/ },
      snapshot: s.snapshot,
      shown: async () => {
        const row = await s.read();
        const shown: Shown = {
          intent: "vote",
          decisionDate: parisDate(row.decisionDate!),
          deliberationRef: row.deliberationRef,
          multiYear: row.multiYear ? "on" : null,
        };
        row.years.forEach((y, i) => (shown[`amount_${i}`] = centsToInput(y.amountCents)));
        return shown;
      },
    };
  },
};

EDIT_CASES["subsidy schedule (staff)"] = {
  open: async (page) => {
    const staff = await loginAs(page, "staff");
    const s = await votedSubsidy(staff);
    return {
      path: `/instruction/subventions/${s.id}`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer l'échéancier" }) }),
      submit: "Enregistrer l'échéancier",
      saved: { status: /L'échéancier est enregistré/ },
      snapshot: s.snapshot,
      shown: async () => {
        const row = await s.read();
        const shown: Shown = { intent: "schedule" };
        row.instalments
          .filter((i) => !i.paidAt)
          .forEach((i, n) => {
            shown[`kind_${n}`] = i.kind;
            shown[`amount_${n}`] = centsToInput(i.amountCents);
            shown[`date_${n}`] = parisDate(i.plannedDate);
          });
        return shown;
      },
    };
  },
};

EDIT_CASES["dossier scoring (reviewer)"] = {
  open: async (page) => {
    const staff = await loginAs(page, "staff");
    const tag = Date.now().toString(36);
    const association = await createAssociation(db(), { status: "validated", name: `Le Relais Numérique ${tag}` });
    const call = await createCall(db(), { title: `Inclusion ${tag}`, reviewerIds: [staff.id] });
    const dossier = await createDossier(db(), {
      callId: call.id,
      associationId: association.id,
      state: "en_instruction",
      requestedCents: 6_000_00,
    });
    const criteria = await db().criterion.findMany({ where: { callId: call.id }, orderBy: { position: "asc" } });
    for (const [i, c] of criteria.entries()) {
      await db().score.create({
        data: {
          dossierId: dossier.id,
          reviewerId: staff.id,
          criterionId: c.id,
          value: 5 + i,
          comment: "Projet solide, partenariats à préciser.",
        },
      });
    }
    const read = () =>
      db().score.findMany({
        where: { dossierId: dossier.id },
        select: { criterionId: true, reviewerId: true, value: true, comment: true },
        orderBy: { criterionId: "asc" },
      });
    return {
      path: `/instruction/dossiers/${dossier.id}`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer ma notation" }) }),
      submit: "Enregistrer ma notation",
      saved: { status: /Votre notation est enregistrée/ },
      snapshot: read,
      shown: async () => {
        const scores = await read();
        return { ...Object.fromEntries(scores.map((s) => [scoreFieldName(s.criterionId), String(s.value)])), comment: scores[0]?.comment };
      },
    };
  },
};

EDIT_CASES["daily digest setting (staff)"] = {
  open: async (page) => {
    const staff = await loginAs(page, "staff");
    const read = () => db().user.findUniqueOrThrow({ where: { id: staff.id }, select: { dailyDigest: true } });
    return {
      path: "/espace/compte",
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer ce choix" }) }),
      submit: "Enregistrer ce choix",
      saved: { status: /Vous recevrez le résumé quotidien/ },
      snapshot: read,
      shown: async () => ({ dailyDigest: (await read()).dailyDigest ? "on" : null }),
    };
  },
};

EDIT_CASES["call label (reviewer)"] = {
  open: async (page) => {
    const staff = await loginAs(page, "staff");
    const tag = Date.now().toString(36);
    const call = await createCall(db(), { title: `Étiquettes ${tag}`, reviewerIds: [staff.id] });
    const label = await db().callLabel.create({ data: { callId: call.id, name: `À compléter ${tag}`, color: "orange" } });
    const read = () => db().callLabel.findUniqueOrThrow({ where: { id: label.id } });
    return {
      path: `/instruction/appels/${call.id}/etiquettes`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: `Enregistrer « ${label.name} »` }) }),
      submit: `Enregistrer « ${label.name} »`,
      saved: { status: /Étiquette « À compléter .* » enregistrée/ },
      snapshot: read,
      shown: async () => {
        const l = await read();
        return { labelId: l.id, name: l.name, color: l.color };
      },
    };
  },
};

EDIT_CASES["charter draft (administrator)"] = {
  open: async (page) => {
    await loginAs(page, "admin");
    const read = async () => {
      const draft = await db().charterVersion.findFirst({ where: { version: null } });
      const current = await db().charterVersion.findFirst({ where: { version: { not: null } }, orderBy: { version: "desc" } });
      const source = draft ?? current!;
      return { title: source.title, body: source.body, changeNote: draft?.changeNote ?? null };
    };
    const snapshot = async () => {
      const r = await read();
      return { ...r, body: trimmedEnd(r.body) };
    };
    return {
      path: "/admin/charte",
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer le brouillon" }) }),
      submit: "Enregistrer le brouillon",
      saved: { status: /Brouillon enregistré/ },
      snapshot,
      shown: read,
    };
  },
};

// The settings pages: what another journey (e2e/settings.spec.ts) changes there, it puts back.
const readSettings = () => db().portalSettings.findUniqueOrThrow({ where: { id: "ccas" }, omit: { logo: true, logoType: true } });

EDIT_CASES["CCAS identity (administrator)"] = {
  open: async (page) => {
    await loginAs(page, "admin");
    return {
      path: "/admin/parametres/identite",
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer l'identité" }) }),
      submit: "Enregistrer l'identité",
      saved: { status: /Identité du CCAS enregistrée/ },
      snapshot: async () => {
        const { communes: _c, ...s } = withoutTimestamps(await readSettings());
        return { ...s, phone: phoneDigits(s.phone) };
      },
      shown: async () => {
        const s = await readSettings();
        const { name, longName, siret, address, postcode, city, phone, email, representative, court } = s;
        return { name, longName, siret, address, postcode, city, phone, email, representative, court };
      },
    };
  },
};

EDIT_CASES["communes served (administrator)"] = {
  open: async (page) => {
    await loginAs(page, "admin");
    return {
      path: "/admin/parametres/territoire",
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer le territoire" }) }),
      submit: "Enregistrer le territoire",
      saved: { status: /Territoire enregistré/ },
      snapshot: async () => (await readSettings()).communes,
      shown: async () => ({
        communes: ((await readSettings()).communes as { code: string; name: string }[]).map((c) => `${c.code} ${c.name}`).join("\n"),
      }),
    };
  },
};

EDIT_CASES["field of intervention and its mappings (administrator)"] = {
  open: async (page) => {
    await loginAs(page, "admin");
    const read = () => db().taxonomyTerm.findUniqueOrThrow({ where: { kind_slug: { kind: "field", slug: "aide-alimentaire" } } });
    return {
      path: "/admin/parametres/champs-d-intervention/aide-alimentaire",
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer", exact: true }) }),
      submit: "Enregistrer",
      saved: { status: /« Aide alimentaire » enregistré/ },
      snapshot: async () => withoutTimestamps(await read()),
      shown: async () => {
        const t = await read();
        return {
          label: t.label,
          description: t.description,
          rnaCodes: (t.rnaCodes as string[]).join(" "),
          diThematiques: t.diThematiques as string[],
        };
      },
    };
  },
};

EDIT_CASES["reviewer group of a call (administrator)"] = {
  open: async (page) => {
    await loginAs(page, "admin");
    const tag = Date.now().toString(36);
    const reviewer = await db().user.create({
      data: { email: `groupe-${tag}@exemple.test`, name: `Instructrice ${tag}`, role: "staff", passwordHash: "!" },
    });
    const call = await createCall(db(), { title: `Routage ${tag}`, reviewerIds: [reviewer.id] });
    const group = await db().reviewGroup.create({
      data: {
        callId: call.id,
        name: `Gros montants ${tag}`,
        position: 1,
        fieldSlug: "aide-alimentaire",
        districtSlug: "planoise",
        minCents: 10_000_00,
        maxCents: 25_000_50,
        members: { create: [{ userId: reviewer.id }] },
      },
    });
    const read = () => db().reviewGroup.findUniqueOrThrow({ where: { id: group.id }, include: { members: { select: { userId: true } } } });
    return {
      path: `/instruction/appels/${call.id}/groupes?modifier=${group.id}`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer le groupe" }) }),
      submit: "Enregistrer le groupe",
      saved: { status: /Groupe « Gros montants .* » enregistré/ },
      snapshot: async () => withoutTimestamps(await read()),
      shown: async () => {
        const g = await read();
        return {
          groupId: g.id,
          name: g.name,
          fieldSlug: g.fieldSlug,
          districtSlug: g.districtSlug,
          minAmount: centsToInput(g.minCents),
          maxAmount: centsToInput(g.maxCents),
          memberIds: g.members.map((m) => m.userId),
        };
      },
    };
  },
};

EDIT_CASES["social project (administrator)"] = {
  open: async (page) => {
    await loginAs(page, "admin");
    // A year no project of the shared database covers, so saving it unchanged overlaps nothing.
    const projects = await db().socialProject.findMany({ select: { startYear: true, endYear: true } });
    const free = Array.from({ length: 70 }, (_, i) => 2030 + i).filter((y) => !projects.some((p) => p.startYear <= y && y <= p.endYear));
    const year = free[Math.floor(Math.random() * free.length)];
    const project = await createSocialProject(db(), {
      title: `Projet social sans JavaScript ${Date.now().toString(36)}`,
      startYear: year,
      endYear: year,
      adoptedOn: new Date(`${year - 1}-12-10T12:00:00Z`),
      description: "Adopté par le conseil d'administration.\n\nSix axes.",
    });
    const read = () => db().socialProject.findUniqueOrThrow({ where: { id: project.id } });
    return {
      path: `/admin/projet-social/${project.id}`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer le projet", exact: true }) }),
      submit: "Enregistrer le projet",
      saved: { status: /Le projet social est enregistré/ },
      snapshot: async () => withoutTimestamps(await read()),
      shown: async () => {
        const row = await read();
        return {
          intent: "project",
          title: row.title,
          startYear: String(row.startYear),
          endYear: String(row.endYear),
          adoptedOn: row.adoptedOn!.toISOString().slice(0, 10),
          description: row.description,
        };
      },
    };
  },
};

EDIT_CASES["call indicator (admin)"] = {
  open: async (page) => {
    await loginAs(page, "admin");
    const call = await createCall(db(), { title: `Indicateurs sans script ${Date.now().toString(36)}` });
    const indicator = await createCallIndicator(db(), call.id, {
      name: "Heures d'atelier",
      kind: "moyens",
      unit: "heures",
      targetRequired: true,
      description: "Heures d'atelier collectif animées.",
    });
    const read = () => db().callIndicator.findUniqueOrThrow({ where: { id: indicator.id } });
    return {
      path: `/admin/appels/${call.id}/indicateurs`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer l'indicateur" }) }),
      submit: "Enregistrer l'indicateur",
      saved: { status: /Indicateur « Heures d'atelier » enregistré/ },
      snapshot: read,
      shown: async () => {
        const i = await read();
        return {
          indicatorId: i.id,
          name: i.name,
          kind: i.kind,
          unit: i.unit,
          targetRequired: i.targetRequired ? "on" : null,
          description: i.description,
        };
      },
    };
  },
};

EDIT_CASES["dossier targets (association)"] = {
  open: async (page) => {
    const member = await loginAs(page, "member", { representative: true });
    const call = await createCall(db(), { title: `Objectifs sans script ${Date.now().toString(36)}`, requiredAttachments: [] });
    const required = await createCallIndicator(db(), call.id, { name: "Personnes accompagnées", targetRequired: true });
    const dossier = await createDossier(db(), { callId: call.id, associationId: member.associationId!, state: "brouillon" });
    await createProjectIndicator(db(), { dossierId: dossier.id }, { callIndicatorId: required.id, target: 120, position: 0 });
    await createProjectIndicator(
      db(),
      { dossierId: dossier.id },
      { name: "Ateliers", kind: "moyens", unit: "seances", target: 12.5, position: 1 },
    );
    const read = async () =>
      (await db().projectIndicator.findMany({ where: { dossierId: dossier.id }, orderBy: { position: "asc" } })).map(withoutTimestamps);
    return {
      path: `/espace/associations/${member.associationId}/dossiers/${dossier.id}/indicateurs`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer et continuer" }) }),
      submit: "Enregistrer et continuer",
      saved: { url: /\/budget_projet$/ },
      snapshot: read,
      shown: async () => {
        const [target, own] = await read();
        return {
          [targetField(required.id)]: String(target.target),
          [ownField(0, "id")]: own.id,
          [ownField(0, "name")]: own.name,
          [ownField(0, "kind")]: own.kind,
          [ownField(0, "unit")]: own.unit,
          [ownField(0, "target")]: "12,5",
        };
      },
    };
  },
};

EDIT_CASES["network post (association)"] = {
  open: async (page) => {
    const member = await loginAs(page, "member");
    const post = await createNetworkPost(db(), member.associationId!, {
      kind: "offre",
      category: "materiel",
      title: `Tables pliantes sans script ${Date.now().toString(36)}`,
      body: "Dix tables pliantes.\n\nÀ retirer sur place.",
      endsOn: new Date(`${addDays(parisToday(), 20)}T00:00:00.000Z`),
      authorId: member.id,
    });
    const read = async () => withoutTimestamps(await db().networkPost.findUniqueOrThrow({ where: { id: post.id } }));
    return {
      path: `/espace/associations/${member.associationId}/reseau/${post.id}/modifier`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer l'annonce" }) }),
      submit: "Enregistrer l'annonce",
      saved: { status: /Annonce modifiée/ },
      snapshot: read,
      shown: async () => {
        const row = await read();
        return {
          kind: row.kind,
          category: row.category,
          title: row.title,
          body: row.body,
          fieldSlug: row.fieldSlug,
          districtSlug: row.districtSlug,
          endsOn: row.endsOn.toISOString().slice(0, 10),
        };
      },
    };
  },
};

EDIT_CASES["network alert (member)"] = {
  open: async (page) => {
    const member = await loginAs(page, "member");
    await db().networkAlert.create({
      data: { userId: member.id, fields: ["aide-alimentaire"], districts: ["planoise"], kinds: ["offre"] },
    });
    const read = async () => ({
      alert: withoutTimestamps(await db().networkAlert.findUniqueOrThrow({ where: { userId: member.id } })),
      optedOut: await db().mailOptOut.count({ where: { userId: member.id } }),
    });
    return {
      path: "/espace/alertes",
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer mes alertes" }) }),
      submit: "Enregistrer mes alertes",
      saved: { status: /Vos alertes sont enregistrées/ },
      snapshot: read,
      shown: async () => ({ fields: ["aide-alimentaire"], districts: ["planoise"], kinds: ["offre"], subscribed: "on" }),
    };
  },
};

EDIT_CASES["consultation (staff)"] = {
  open: async (page) => {
    await loginAs(page, "staff");
    const c = await createConsultation(db(), {
      title: `Consultation sans script ${Date.now().toString(36)}`,
      opensAt: onTheMinute(-DAY),
      closesAt: onTheMinute(9 * DAY),
    });
    await db().consultation.update({ where: { id: c.id }, data: { description: "Vos attentes.\n\nVos difficultés." } });
    const read = () =>
      db().consultation.findUniqueOrThrow({ where: { id: c.id }, include: { questions: { orderBy: { position: "asc" } } } });
    return {
      path: `/instruction/consultations/${c.id}`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer la consultation" }) }),
      submit: "Enregistrer la consultation",
      saved: { status: /Consultation enregistrée/ },
      snapshot: async () => withoutTimestamps(await read()),
      shown: async () => {
        const row = await read();
        return {
          intent: "details",
          title: row.title,
          description: row.description,
          opensAt: toParisInputValue(row.opensAt),
          closesAt: toParisInputValue(row.closesAt),
        };
      },
    };
  },
};

EDIT_CASES["consultation answer (association)"] = {
  open: async (page) => {
    const member = await loginAs(page, "member");
    const c = await createConsultation(db(), {
      questions: [
        { kind: "single", label: "Présent ?", options: ["Oui", "Non"], required: true },
        { kind: "multiple", label: "Thèmes", options: ["Locaux", "Bénévoles", "Matériel"] },
        { kind: "scale", label: "Satisfaction", scaleMin: 1, scaleMax: 5 },
        { kind: "text", label: "Attentes" },
      ],
    });
    const [single, multiple, scale, text] = c.questions;
    await db().consultationResponse.create({
      data: {
        consultationId: c.id,
        associationId: member.associationId!,
        answers: {
          create: [
            { questionId: single.id, value: "c2" },
            { questionId: multiple.id, value: ["c1", "c3"] },
            { questionId: scale.id, value: 4 },
            { questionId: text.id, value: "Un local.\nEt des bénévoles." },
          ],
        },
      },
    });
    const read = () =>
      db().consultationAnswer.findMany({
        where: { response: { consultationId: c.id } },
        orderBy: { questionId: "asc" },
        select: { questionId: true, value: true },
      });
    return {
      path: `/espace/associations/${member.associationId}/consultations/${c.id}`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer les modifications" }) }),
      submit: "Enregistrer les modifications",
      saved: { status: /réponse de votre association est modifiée/ },
      snapshot: read,
      shown: async () => ({
        [`q_${single.id}`]: "c2",
        [`q_${multiple.id}`]: ["c1", "c3"],
        [`q_${scale.id}`]: "4",
        [`q_${text.id}`]: "Un local.\nEt des bénévoles.",
      }),
    };
  },
};

EDIT_CASES["news draft (staff)"] = {
  open: async (page) => {
    await loginAs(page, "staff");
    const news = await db().newsItem.create({
      data: { title: `Actualité sans script ${Date.now().toString(36)}`, body: "## Rencontre\n\n- le 12 janvier\n- salle B" },
    });
    const read = async () => withoutTimestamps(await db().newsItem.findUniqueOrThrow({ where: { id: news.id } }));
    return {
      path: `/instruction/actualites/${news.id}`,
      form: (p) => p.locator("form", { has: p.getByRole("button", { name: "Enregistrer le brouillon" }) }),
      submit: "Enregistrer le brouillon",
      saved: { status: /Actualité enregistrée/ },
      snapshot: read,
      shown: async () => ({ title: news.title, body: news.body }),
    };
  },
};

for (const [name, editCase] of Object.entries(EDIT_CASES)) {
  test(`${name}: the form the server sends shows the stored values and saves them unchanged`, async ({ page, browser }) => {
    const c = await editCase.open(page, browser);
    const before = await c.snapshot();
    const response = await page.goto(c.path);
    expect(response?.status()).toBe(200);
    await expectAccessibleAsRendered(page);
    await expectShown(c.form(page), await c.shown());
    await c.form(page).getByRole("button", { name: c.submit, exact: true }).click();
    if ("status" in c.saved) await expect(page.getByRole("status")).toContainText(c.saved.status);
    else await expect(page).toHaveURL(c.saved.url);
    await expect(page.getByRole("alert")).toHaveCount(0);
    expect(await c.snapshot(), "rien n'est effacé ni changé par l'enregistrement").toEqual(before);
  });
}

test("every step of a dossier: the form the server sends shows the stored answers and saves them unchanged", async ({ page }) => {
  const member = await loginAs(page, "member", { representative: true });
  const call = await createCall(db(), { title: `Accès aux droits ${Date.now().toString(36)}`, requiredAttachments: [] });
  const dossier = await createDossier(db(), {
    callId: call.id,
    associationId: member.associationId!,
    state: "brouillon",
    requestedCents: 7_500_00,
  });
  const read = () => db().dossier.findUniqueOrThrow({ where: { id: dossier.id } });
  const answers = async () => {
    const { data, projectTitle, requestedCents, state } = await read();
    const steps = data as Record<string, Record<string, unknown>>;
    return { data: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, sortedLists(v)])), projectTitle, requestedCents, state };
  };
  const before = await answers();
  const base = `/espace/associations/${member.associationId}/dossiers/${dossier.id}`;
  // The attachments and the targets are custom steps with their own cases.
  const steps = DOSSIER_STEPS.map((s) => s.key).filter((k) => k !== "pieces" && k !== "indicateurs");
  for (const [i, step] of steps.entries()) {
    await test.step(step, async () => {
      expect((await page.goto(`${base}/${step}`))?.status()).toBe(200);
      await expectAccessibleAsRendered(page);
      const submit = step === "declaration" ? "Signer la déclaration" : "Enregistrer et continuer";
      const form = page.locator("form", { has: page.getByRole("button", { name: submit }) });
      const stored = (await answers()).data[step] ?? {};
      expect(Object.keys(stored).length, `des réponses enregistrées pour l'étape ${step}`).toBeGreaterThan(0);
      await expectShown(form, stored as Shown);
      await form.getByRole("button", { name: submit }).click();
      if (step === "declaration") await expect(page.getByRole("status")).toContainText("Déclaration signée");
      else await expect(page).toHaveURL(new RegExp(`${base}/${DOSSIER_STEPS[DOSSIER_STEPS.findIndex((s) => s.key === step) + 1].key}$`));
      await expect(page.getByRole("alert")).toHaveCount(0);
      expect(await answers(), `rien n'est effacé à l'étape ${step} (${i + 1}/${steps.length})`).toEqual(before);
    });
  }
  expect((await read()).declarationSignedAt).not.toBeNull();
});

test("create forms show their defaults without JavaScript", async ({ page }) => {
  await page.goto("/inscription");
  await expectShown(page.locator("form", { has: page.getByRole("button", { name: /inscri/i }) }), { city: "Besançon", postcode: "25000" });
  await loginAs(page, "admin");
  await page.goto("/admin/appels/nouveau");
  await expectAccessibleAsRendered(page);
  await expectShown(page.locator("form", { has: page.getByRole("button", { name: /Créer|Enregistrer/ }) }), {
    requiredAttachments: ["statuts", "rib"],
  });
  await page.goto("/admin/comptes");
  await expectShown(page.locator("form", { has: page.getByRole("button", { name: "Créer le compte" }) }), { role: "staff" });
  await page.goto("/instruction/subventions/nouvelle");
  await expectAccessibleAsRendered(page);
  await expectShown(page.locator("form", { has: page.getByRole("button", { name: /Enregistrer|Créer/ }) }), {
    financialYear: String(new Date().getFullYear()),
    fundsAction: "on",
  });
  // A member registering people for an event: the first participant is filled in with their own name and address.
  const member = await loginAs(page, "member", { name: "Nadia Bénévole" });
  const event = await createEvent(db());
  await page.goto(`/evenements/${event.slug}`);
  await expectShown(page.locator("form", { has: page.getByRole("button", { name: "Inscrire", exact: true }) }), {
    "participants.0.name": "Nadia Bénévole",
    "participants.0.email": member.email,
  });
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });
  test("the forms rendered with their values hydrate without a mismatch and keep the values", async ({ page, browser }) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    const c = await profileCase(page);
    const shown = await c.shown();
    await page.goto(c.path, { waitUntil: "networkidle" });
    await expectShown(c.form(page), shown);
    // Hydrated: client-side validation answers before any round trip.
    const name = page.getByLabel("Nom de l'association");
    await name.fill("");
    await name.blur();
    await expect(c.form(page).getByRole("alert")).toBeVisible();
    expect(errors, "pas d'erreur d'hydratation").toEqual([]);
    void browser;
  });
});
