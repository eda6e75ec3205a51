// The yearly steering report for the board (the annual meeting presents exactly this): key
// figures, money per axis and projet phare, indicators target vs achieved, trends. pdfkit through
// the deposit PDFs' writer; the CCAS's name from the portal settings.
import { labelLine, pdfText, renderPdf } from "~/dossiers/deposit-pdf-writer.server";
import { formatDate, formatEuros } from "~/lib/format";
import { ofCcas } from "~/settings/ccas-name";
import { getPortalSettings } from "~/settings/portal-settings.server";
import { getSteeringDashboard } from "~/steering/dashboard.server";
import { achievedText, KIND_SHORT_LABELS, rateText, reportingText, targetText } from "~/steering/dashboard-labels";
import { formatIndicatorValue } from "~/steering/indicators";

const euros = (cents: number) => formatEuros(cents);

export async function steeringReportPdf(year: number, { now = new Date(), compress = true } = {}) {
  const [d, ccas] = await Promise.all([getSteeringDashboard(year), getPortalSettings()]);
  const title = `Pilotage du projet social – rapport ${year}`;
  const bytes = await renderPdf(
    { title, author: ccas.name, createdAt: now, compress },
    (doc) => {
      const heading = (text: string) =>
        doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor("#000").text(pdfText(text)).moveDown(0.3);
      const line = (text: string, options: { indent?: number; bold?: boolean } = {}) =>
        doc
          .font(options.bold ? "Helvetica-Bold" : "Helvetica")
          .fontSize(10)
          .fillColor("#000")
          .text(pdfText(text), { indent: options.indent ?? 0 });

      doc
        .font("Helvetica")
        .fontSize(10)
        .fillColor("#333")
        .text(pdfText(ccas.longName || ccas.name));
      doc
        .moveDown(0.3)
        .font("Helvetica-Bold")
        .fontSize(17)
        .fillColor("#000")
        .text(pdfText(`Rapport annuel de pilotage ${year}`));
      doc
        .font("Helvetica")
        .fontSize(11)
        .text(
          pdfText(
            d.project
              ? `${d.project.title} (${d.project.startYear}-${d.project.endYear})${d.project.adoptedOn ? `, adopté le ${formatDate(d.project.adoptedOn)}` : ""}`
              : `Aucun projet social ${ofCcas(ccas.name)} ne couvre l'année ${year}.`,
          ),
        );
      doc
        .fontSize(9)
        .fillColor("#555")
        .text(pdfText(`Établi le ${formatDate(now)} par ${ccas.name}.`));

      heading("Chiffres clés");
      labelLine(doc, "Montant voté", euros(d.totals.votedCents), 10);
      labelLine(doc, "Montant versé", euros(d.totals.paidCents), 10);
      labelLine(doc, "Reste à verser", euros(d.totals.votedCents - d.totals.paidCents), 10);
      labelLine(doc, "Projets financés", String(d.totals.projects), 10);
      labelLine(doc, "Associations financées", String(d.totals.associations), 10);
      labelLine(doc, "Dont rattaché au projet social", euros(d.totals.attachedVotedCents), 10);

      heading("Par axe et projet phare");
      for (const a of [...d.axes, d.unattached]) {
        line(a.number === null ? a.title : `Axe ${a.number} – ${a.title}`, { bold: true });
        line(`Voté ${euros(a.votedCents)} ; versé ${euros(a.paidCents)} ; ${a.projects} projet(s), ${a.associations} association(s)`, {
          indent: 12,
        });
        for (const f of a.flagships) {
          line(`n°${f.number} ${f.title} : voté ${euros(f.votedCents)}, versé ${euros(f.paidCents)}, ${f.projects} projet(s)`, {
            indent: 24,
          });
        }
        doc.moveDown(0.3);
      }

      heading("Indicateurs : objectifs et valeurs atteintes");
      if (d.indicators.length === 0) line("Aucun indicateur pour cette année.");
      for (const g of d.indicators) {
        line(`${g.name} (${KIND_SHORT_LABELS[g.kind]})`, { bold: true });
        line(`Objectif : ${targetText(g)} ; atteint : ${achievedText(g)} ; taux : ${rateText(g)}`, { indent: 12 });
        line(`${g.withTarget} projet(s) avec objectif ; ${reportingText(g)}`, { indent: 12 });
      }
      line("Valeurs atteintes : comptes rendus financiers validés seulement. Une part (%) n'est jamais additionnée.", {});

      heading("Tendances");
      for (const t of d.trends.money) {
        line(t.label, { bold: true });
        line(t.byYear.map((p) => `${p.year} : voté ${euros(p.votedCents)}, versé ${euros(p.paidCents)}`).join(" ; "), { indent: 12 });
      }
      for (const t of d.trends.indicators) {
        line(`${t.name} (atteint, ${t.additive ? "somme" : "moyenne"})`, { bold: true });
        line(t.byYear.map((p) => `${p.year} : ${formatIndicatorValue(p.achieved, t.unit)}`).join(" ; "), { indent: 12 });
      }
    },
    (page, pages) => `${ccas.name} – ${title} – page ${page} sur ${pages}`,
  );
  return { bytes, filename: `pilotage-projet-social-${year}.pdf` };
}
