// The convention of a subsidy as a PDF, generated with pdfkit from the vote, the years and the schedule.
import PDFDocument from "pdfkit";
import { formatDate, formatEuros } from "~/lib/format";
import { INSTALMENT_KIND_LABELS } from "~/subsidies/schemas";
import { loadForConvention } from "~/subsidies/conventions.server";
import { PAYMENT_DELAY_DAYS, reportDueDate } from "~/subsidies/rules";
import { ofCcas, theCcas } from "~/settings/ccas-name";
import { getPortalSettings, postalAddressOf, type PortalSettingsView } from "~/settings/portal-settings.server";

/** pdfkit's standard fonts speak WinAnsi: French typography's narrow spaces become plain ones. */
function pdfText(value: string): string {
  return value.replace(/[\u202f\u00a0]/g, " ");
}

function euros(cents: number): string {
  return pdfText(formatEuros(cents));
}

/** The CCAS as the first party, from its settings; what is not configured is said, never invented. */
function ccasParty(ccas: PortalSettingsView): string {
  const address = postalAddressOf(ccas);
  return [
    `${theCcas(ccas.longName, { start: true })} (${ccas.name})`,
    `SIRET ${ccas.siret ?? "non renseigné"}`,
    ...(address ? [address] : []),
    `représenté par ${ccas.representative || "son président ou sa présidente"}`,
  ].join(", ");
}

/** The convention as a PDF (Buffer). */
export async function generateConventionPdf(subsidyId: string): Promise<{ bytes: Buffer; filename: string }> {
  const [s, ccas] = await Promise.all([loadForConvention(subsidyId), getPortalSettings()]);
  const a = s.association;
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `Convention ${s.number} – ${a.name}`, Author: ccas.name, Subject: pdfText(s.purpose) },
    lang: "fr-FR",
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));

  const h = (text: string) =>
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).text(pdfText(text)).moveDown(0.3).font("Helvetica").fontSize(10.5);
  const p = (text: string) => doc.font("Helvetica").fontSize(10.5).text(pdfText(text), { align: "justify" }).moveDown(0.4);
  const bullet = (text: string) => doc.text(pdfText(`•  ${text}`), { indent: 12 }).moveDown(0.2);

  const years = s.years.length ? s.years : [{ year: s.financialYear, amountCents: s.votedCents! }];
  const title = s.multiYear ? "Convention pluriannuelle d'objectifs" : "Convention d'attribution de subvention";
  doc.font("Helvetica-Bold").fontSize(16).text(pdfText(title), { align: "center" });
  doc
    .font("Helvetica")
    .fontSize(10)
    .text(pdfText(`N° ${s.number} – exercice${years.length > 1 ? "s" : ""} ${years.map((y) => y.year).join(", ")}`), { align: "center" });
  doc.moveDown(1);

  h("Entre les soussignés");
  p(`${ccasParty(ccas)}, ci-après « le CCAS », d'une part,`);
  const rep = a.memberships[0];
  p(
    `et l'association ${a.name}, SIRET ${a.siret ?? "non renseigné"}${a.rna ? `, RNA ${a.rna}` : ""}, dont le siège est ${a.address}, ${a.postcode} ${a.city}, représentée par ${rep ? `${rep.user.name}${rep.title ? `, ${rep.title}` : ""}` : "son ou sa représentant·e légal·e"}, ci-après « l'association », d'autre part.`,
  );
  p(
    `Vu la loi n° 2000-321 du 12 avril 2000, notamment son article 10, et le décret n° 2001-495 du 6 juin 2001 ; vu la délibération n° ${s.deliberationRef ?? "—"} du conseil d'administration du CCAS du ${formatDate(s.decisionDate!)}, il est convenu ce qui suit.`,
  );

  h("Article 1 – Objet");
  p(
    `Le CCAS attribue à l'association une subvention pour l'objet suivant : ${s.purpose}. L'association s'engage à la consacrer exclusivement à cet objet.`,
  );

  h("Article 2 – Durée");
  p(
    years.length > 1
      ? `La présente convention est conclue pour ${years.length} exercices, de ${years[0].year} à ${years[years.length - 1].year}.`
      : `La présente convention porte sur l'exercice ${years[0].year}.`,
  );

  h("Article 3 – Montant de la subvention");
  p(`Le montant total de la subvention est de ${euros(s.votedCents!)}, réparti comme suit :`);
  for (const y of years) bullet(`exercice ${y.year} : ${euros(y.amountCents)}`);

  h("Article 4 – Modalités de versement");
  if (s.instalments.length) {
    p("La subvention est versée selon l'échéancier suivant :");
    for (const i of s.instalments)
      bullet(`${INSTALMENT_KIND_LABELS[i.kind]} de ${euros(i.amountCents)}, prévu le ${formatDate(i.plannedDate)}`);
  } else {
    p("La subvention est versée en une ou plusieurs fois (avance, acomptes, solde) selon l'échéancier notifié par le CCAS.");
  }
  p(
    `Les versements interviennent dans un délai de ${PAYMENT_DELAY_DAYS} jours à compter de la signature de la présente convention (loi n° 2021-875), sur le compte bancaire de l'association dont le RIB a été fourni au CCAS.`,
  );

  h("Article 5 – Obligations de l'association");
  bullet(
    "utiliser la subvention conformément à l'objet défini à l'article 1 et informer le CCAS de toute modification de son projet, de ses statuts ou de ses coordonnées ;",
  );
  bullet(
    `produire un compte rendu financier de l'action (Cerfa n° 15059) dans les six mois suivant la fin de chaque exercice pour lequel la subvention est attribuée, soit au plus tard le ${years.map((y) => formatDate(reportDueDate(y.year))).join(", le ")} ;`,
  );
  bullet("transmettre ses comptes annuels approuvés et son rapport d'activité ;");
  bullet("respecter le contrat d'engagement républicain ;");
  bullet(`mentionner le soutien ${ofCcas(ccas.name)} dans ses supports de communication relatifs à l'action.`);

  h("Article 6 – Contrôle");
  p(
    "Le CCAS peut contrôler à tout moment l'emploi de la subvention. Il peut exiger le reversement de tout ou partie des sommes versées si elles n'ont pas été utilisées conformément à leur objet ou si le compte rendu financier n'est pas produit.",
  );

  h("Article 7 – Litiges");
  p(
    `Tout litige relatif à l'exécution de la présente convention relève, après recherche d'une solution amiable, du ${ccas.court || "tribunal administratif territorialement compétent"}.`,
  );

  doc.moveDown(1.5);
  p(`Fait à ${ccas.city || "____________________"}, le ____________________, en deux exemplaires.`);
  doc.moveDown(1);
  const y = doc.y;
  doc.font("Helvetica-Bold").text(pdfText(`Pour ${theCcas(ccas.name)}`), 56, y, { width: 220 });
  doc.text(pdfText(`Pour l'association ${a.name}`), 320, y, { width: 220 });
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), filename: `convention-${s.number}.pdf` };
}
