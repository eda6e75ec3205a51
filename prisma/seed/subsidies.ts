// Demo subsidies over the last two financial years, in every state: proposed, voted, conventions
// à préparer / envoyée / signée above 23 000 €, a CPO, grants outside a call, instalments paid,
// late or planned long after the signature, reports due, overdue, sent back, validated.
// Built with the domain functions, so the data obeys the same rules as the portal.
import { createSubsidyFromDossier, createGrant } from "../../app/subsidies/creation.server";
import { parisYear } from "../../app/subsidies/rules";
import { recordPayment, setSchedule } from "../../app/subsidies/payments.server";
import { recordVote } from "../../app/subsidies/vote.server";
import { requestReportCorrection, submitReport, validateReport } from "../../app/subsidies/reports.server";
import { generateConventionPdf } from "../../app/subsidies/convention-pdf.server";
import { markConventionSent, markConventionSigned } from "../../app/subsidies/conventions.server";
import { REPORT_CHARGE_LINES, REPORT_INCOME_LINES } from "../../app/subsidies/schemas";
import type { SeedContext } from "./index";

const PURPOSES = [
  "Épicerie solidaire et ateliers cuisine petit budget",
  "Visites à domicile des personnes âgées isolées",
  "Accompagnement vers l'emploi des jeunes adultes",
  "Permanences d'accès aux droits à Planoise",
  "Ateliers numériques pour les démarches en ligne",
  "Mise à l'abri hivernale et accompagnement vers le logement",
  "Transport solidaire vers les rendez-vous médicaux",
  "Cours de français pour les personnes réfugiées",
  "Vestiaire solidaire et équipement de la maison",
  "Accompagnement budgétaire et prévention du surendettement",
  "Groupe de parole pour les aidants",
  "Sorties culturelles pour les familles",
];

type Plan = {
  amounts: number[];
  convention?: "a_preparer" | "envoyee" | "signee";
  signedAt?: string;
  schedule?: { kind: "avance" | "acompte" | "solde"; share: number; date: string }[];
  paid?: number; // how many instalments are paid, in order
  report?: "a_fournir" | "soumis" | "a_corriger" | "valide";
  voted?: boolean;
};

function reportData(votedCents: number) {
  const charges = REPORT_CHARGE_LINES.map((l) => ({ code: l.code, label: l.label, plannedCents: 0, actualCents: 0 }));
  const set = (code: string, planned: number, actual: number) => {
    const line = charges.find((c) => c.code === code)!;
    line.plannedCents = planned;
    line.actualCents = actual;
  };
  set("60", Math.round(votedCents * 0.3), Math.round(votedCents * 0.28));
  set("62", Math.round(votedCents * 0.2), Math.round(votedCents * 0.22));
  set("64", Math.round(votedCents * 0.9), Math.round(votedCents * 0.92));
  const income = REPORT_INCOME_LINES.map((l) => ({ code: l.code, label: l.label, plannedCents: 0, actualCents: 0 }));
  income.find((l) => l.code === "74ccas")!.plannedCents = votedCents;
  income.find((l) => l.code === "74ccas")!.actualCents = votedCents;
  income.find((l) => l.code === "74autres")!.plannedCents = Math.round(votedCents * 0.4);
  income.find((l) => l.code === "74autres")!.actualCents = Math.round(votedCents * 0.42);
  return {
    charges,
    income,
    qualitative:
      "L'action s'est déroulée comme prévu : permanences hebdomadaires, une cinquantaine de personnes accompagnées, un bilan partagé avec l'antenne sociale du quartier.",
    gapExplanation: "Les frais de personnel ont été un peu plus élevés que prévu (remplacement d'un congé).",
  };
}

export async function seedSubsidies(ctx: SeedContext) {
  const { db } = ctx;
  const staff = { id: ctx.users["instructrice@ccas-besancon.test"] };
  const Y = parisYear(new Date());
  const P = Y - 1;
  const demo = [ctx.demoAssociations.toitCommun, ctx.demoAssociations.epicerie];
  const others = ctx.associationIds.filter((id) => !demo.includes(id));
  let next = 0;
  const pickAssociation = () => others[next++ % others.length];

  // Subsidies of the dossiers already accepted in the demo calls.
  for (const d of await db.dossier.findMany({ where: { state: "accepte", subsidy: null }, select: { id: true } })) {
    await createSubsidyFromDossier(d.id, staff);
  }

  const makeCall = (year: number, envelopeCents: number) =>
    db.call.create({
      data: {
        slug: `appel-solidarite-${year}-subventions`,
        title: `Appel à projets solidarité ${year}`,
        summary: `Projets associatifs de lutte contre l'isolement, d'accès aux droits et d'inclusion numérique, exercice ${year}.`,
        body: "## Objet\n\nSoutenir les actions associatives au service des habitant·es les plus fragiles.",
        envelopeCents,
        minAmountCents: 2_000_00,
        maxAmountCents: 40_000_00,
        opensAt: new Date(Date.UTC(year, 0, 10)),
        closesAt: new Date(Date.UTC(year, 2, 31, 16)),
        financialYear: year,
        status: year < Y ? "archive" : "decisions_publiees",
        publishedAt: new Date(Date.UTC(year, 0, 10)),
      },
    });

  async function build(callId: string | null, year: number, index: number, plan: Plan, associationId = pickAssociation()) {
    const purpose = PURPOSES[index % PURPOSES.length];
    const requested = Math.round((plan.amounts.reduce((a, b) => a + b, 0) / plan.amounts.length) * 1.15);
    let subsidyId: string;
    if (callId) {
      const dossier = await db.dossier.create({
        data: {
          number: `DEMO-${year}-${String(index + 1).padStart(3, "0")}`,
          callId,
          associationId,
          state: "accepte",
          projectTitle: purpose,
          requestedCents: requested,
          proposedCents: plan.amounts[0],
          submittedAt: new Date(Date.UTC(year, 2, 15)),
          instructionStartedAt: new Date(Date.UTC(year, 3, 2)),
          decidedAt: new Date(Date.UTC(year, 4, 12)),
        },
      });
      subsidyId = (await createSubsidyFromDossier(dossier.id, staff)).id;
    } else {
      subsidyId = (await createGrant({ associationId, purpose, amount: plan.amounts[0], financialYear: year, fundsAction: true }, staff))
        .id;
    }
    if (plan.voted === false) return subsidyId;
    await recordVote(
      subsidyId,
      { decisionDate: `${year}-05-19`, deliberationRef: `CA-${year}-${String(30 + index).padStart(3, "0")}`, yearAmounts: plan.amounts },
      staff,
    );
    const voted = plan.amounts.reduce((a, b) => a + b, 0);
    if (plan.schedule) {
      let left = voted;
      const rows = plan.schedule.map((r, i) => {
        const amountCents = i === plan.schedule!.length - 1 ? left : Math.round(voted * r.share);
        left -= amountCents;
        return { kind: r.kind, amountCents, plannedDate: r.date };
      });
      await setSchedule(subsidyId, rows, staff);
    }
    if (plan.convention && plan.convention !== "a_preparer") {
      await db.convention.upsert({ where: { subsidyId }, create: { subsidyId }, update: {} });
      await markConventionSent(subsidyId, staff);
      if (plan.convention === "signee") {
        const pdf = await generateConventionPdf(subsidyId);
        await markConventionSigned(
          subsidyId,
          { signedAt: plan.signedAt!, file: { name: `convention-signee-${index + 1}.pdf`, bytes: pdf.bytes } },
          staff,
        );
      }
    }
    if (plan.paid) {
      const instalments = await db.instalment.findMany({ where: { subsidyId }, orderBy: { plannedDate: "asc" } });
      for (const i of instalments.slice(0, plan.paid)) {
        const day = new Date(i.plannedDate.getTime() + 3 * 24 * 3600_000).toISOString().slice(0, 10);
        await recordPayment(subsidyId, { instalmentId: i.id, paidAt: day, amountCents: i.amountCents }, staff);
      }
    }
    if (plan.report && plan.report !== "a_fournir") {
      const report = await db.financialReport.findFirst({ where: { subsidyId, financialYear: year } });
      if (report) {
        const s = await db.subsidy.findUniqueOrThrow({ where: { id: subsidyId }, select: { associationId: true } });
        await submitReport(s.associationId, report.id, reportData(plan.amounts[0]), [], staff);
        if (plan.report === "valide") await validateReport(report.id, staff);
        if (plan.report === "a_corriger")
          await requestReportCorrection(
            report.id,
            "Le total des produits ne correspond pas aux comptes approuvés : merci de vérifier la ligne 74.",
            staff,
          );
      }
    }
    return subsidyId;
  }

  const two = (year: number, avance: string, solde: string) => [
    { kind: "avance" as const, share: 0.6, date: `${year}-${avance}` },
    { kind: "solde" as const, share: 0.4, date: `${year}-${solde}` },
  ];

  // ── Previous year: all voted; payments mostly done; reports due last June.
  const prev = await makeCall(P, 450_000_00);
  const prevPlans: Plan[] = [
    { amounts: [35_000_00], convention: "signee", signedAt: `${P}-06-05`, schedule: two(P, "06-15", "11-15"), paid: 2, report: "valide" },
    { amounts: [12_000_00], schedule: two(P, "06-15", "11-15"), paid: 2, report: "valide" },
    { amounts: [8_000_00], schedule: [{ kind: "solde", share: 1, date: `${P}-06-20` }], paid: 1, report: "valide" },
    { amounts: [15_000_00, 15_000_00, 15_000_00], schedule: two(P, "06-15", "12-01"), paid: 2, report: "valide" },
    { amounts: [28_000_00], convention: "signee", signedAt: `${P}-06-03`, schedule: two(P, "06-15", "10-15"), paid: 2, report: "soumis" },
    { amounts: [6_000_00], schedule: [{ kind: "solde", share: 1, date: `${P}-06-20` }], paid: 1, report: "soumis" },
    {
      amounts: [40_000_00],
      convention: "signee",
      signedAt: `${P}-06-10`,
      schedule: two(P, "06-20", "12-10"),
      paid: 1,
      report: "a_corriger",
    },
    { amounts: [9_500_00], schedule: two(P, "06-15", "11-15"), paid: 2, report: "a_fournir" },
    { amounts: [18_000_00], schedule: two(P, "06-15", "11-15"), paid: 1, report: "a_fournir" },
    { amounts: [24_000_00], convention: "signee", signedAt: `${P}-06-01`, schedule: two(P, "06-20", "09-15"), paid: 2, report: "valide" },
    { amounts: [7_000_00], schedule: [{ kind: "solde", share: 1, date: `${P}-07-01` }], paid: 1, report: "valide" },
    { amounts: [11_000_00], schedule: two(P, "06-15", "11-15"), paid: 2, report: "a_fournir" },
  ];
  for (const [i, plan] of prevPlans.entries()) {
    const association = i === 0 ? ctx.demoAssociations.toitCommun : i === 8 ? ctx.demoAssociations.epicerie : undefined;
    await build(prev.id, P, i, plan, association);
  }

  // ── Current year: conventions in every state, payments under way, reports due next June.
  const cur = await makeCall(Y, 480_000_00);
  const curPlans: Plan[] = [
    { amounts: [30_000_00], convention: "signee", signedAt: `${Y}-06-02`, schedule: two(Y, "06-15", "12-10"), paid: 1 },
    { amounts: [26_000_00], convention: "envoyee", schedule: two(Y, "07-01", "12-15") },
    { amounts: [25_000_00], convention: "a_preparer" },
    { amounts: [10_000_00], schedule: two(Y, "06-15", "12-15"), paid: 1 },
    { amounts: [9_000_00], schedule: two(Y, "06-15", "12-15"), paid: 1 },
    { amounts: [14_000_00], schedule: two(Y, "07-01", "12-15") },
    { amounts: [5_000_00], schedule: [{ kind: "solde", share: 1, date: `${Y}-06-30` }], paid: 1 },
    { amounts: [20_000_00], schedule: [{ kind: "solde", share: 1, date: `${Y}-06-20` }], paid: 1 },
    { amounts: [13_000_00], schedule: two(Y, "06-15", "10-01"), paid: 2 },
    { amounts: [7_500_00], voted: false },
    { amounts: [16_000_00], voted: false },
    { amounts: [11_000_00], voted: false },
  ];
  for (const [i, plan] of curPlans.entries()) {
    await build(cur.id, Y, i, plan, i === 0 ? ctx.demoAssociations.epicerie : undefined);
  }

  // ── Outside any call.
  await build(null, P, 12, { amounts: [6_000_00], schedule: [{ kind: "solde", share: 1, date: `${P}-09-01` }], paid: 1, report: "valide" });
  await build(null, Y, 13, { amounts: [4_000_00], schedule: [{ kind: "solde", share: 1, date: `${Y}-12-20` }] });
  ctx.log(`Subventions : ${await db.subsidy.count()} subventions de démonstration.`);
}
