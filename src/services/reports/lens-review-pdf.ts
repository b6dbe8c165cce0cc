import { reportDate } from '../../domain/report/layout';
import { isNoneOfTheseChoice } from '../../domain/lens/types';
import type { Risk } from '../../domain/review/risk';
import { checkLine, checksOverview, contradictionLine, questionChecks } from './checks-text';
import type { LensReviewReportData } from './lens-review-data';
import { FONT, ReportDocument, riskCells, riskColumns } from './report-document';

/** The lens review report as a reader gets it: cover, contents, risk summary, questions, improvement plan. */
export async function renderLensReviewPdf(data: LensReviewReportData): Promise<Buffer> {
  const { workload, lens, review } = data;
  const report = new ReportDocument(`${workload.name} - ${lens.name}`, `${workload.name} · ${lens.name} ${review.LensVersion}`);
  cover(report, data);
  report.reserveContents(Math.ceil((4 + 2 * lens.pillars.length) / 30));
  riskSummary(report, data);
  questions(report, data);
  improvementPlan(report, data);
  return report.finish();
}

function cover(report: ReportDocument, data: LensReviewReportData): void {
  const { doc } = report;
  const { workload, lens, review, milestone } = data;
  doc.rect(0, 0, doc.page.width, 8).fill('#232f3e');
  doc.y = 150;
  report.paragraph('Lens review report', { color: '#5f6b7a', size: 14 });
  doc.moveDown(0.4);
  report.paragraph(workload.name, { font: FONT.bold, size: 28 });
  doc.moveDown(0.3);
  report.paragraph(`${lens.name} · version ${review.LensVersion}`, { size: 16 });
  doc.moveDown(2);
  report.field('Review owner', workload.reviewOwner ?? 'Not set');
  report.field('Environment', workload.environment);
  report.field('Lens', `${lens.name} (${review.LensAlias})`);
  report.field('Lens version', `${review.LensVersion} (${review.LensStatus})`);
  report.field(
    'Milestone',
    milestone ? `${milestone.number} - ${milestone.name}, saved ${reportDate(milestone.recordedAt)}` : 'None: the review as it is now',
  );
  report.field('Review updated', reportDate(review.UpdatedAt * 1000));
  report.field('Report date', reportDate(data.generatedAt));
  report.field('Workload ARN', workload.arn);
  if (workload.description) {
    doc.moveDown(1);
    report.paragraph(workload.description, { color: '#5f6b7a' });
  }
}

function riskSummary(report: ReportDocument, data: LensReviewReportData): void {
  const { review } = data;
  report.heading('Risk summary', 1);
  const total = Object.values(review.RiskCounts).reduce((s, n) => s + n, 0);
  report.paragraph(
    `${total} questions: ${review.RiskCounts.HIGH} at high risk, ${review.RiskCounts.MEDIUM} at medium risk, ` +
      `${review.RiskCounts.NONE} without risk, ${review.RiskCounts.NOT_APPLICABLE} not applicable and ${review.RiskCounts.UNANSWERED} unanswered.`,
  );
  report.doc.moveDown(0.8);
  report.riskChart([
    ...review.PillarReviewSummaries.map((p) => ({ label: p.PillarName, counts: p.RiskCounts })),
    { label: 'Whole lens', counts: review.RiskCounts },
  ]);
  report.table(
    [{ title: 'Pillar', width: 34 }, ...riskColumns([10, 12, 10, 16, 14], { NOT_APPLICABLE: 'Not applicable' })],
    [...review.PillarReviewSummaries.map((p) => [p.PillarName, ...riskCells(p.RiskCounts)]), ['Whole lens', ...riskCells(review.RiskCounts)]],
  );
  if (review.Notes) {
    report.heading('Lens notes', 2);
    report.paragraph(review.Notes);
  }
  if (data.checks) {
    report.heading('Checks from scanners', 2);
    report.paragraph(checksOverview(data.checks));
  }
}

function questions(report: ReportDocument, data: LensReviewReportData): void {
  const { doc } = report;
  report.heading('Questions and answers', 1);
  let number = 0;
  data.review.PillarReviewSummaries.forEach((pillar, i) => {
    report.heading(pillar.PillarName, 2);
    if (pillar.Notes) report.paragraph(`Pillar notes: ${pillar.Notes}`, { color: '#5f6b7a' });
    for (const answer of data.answers.filter((a) => a.PillarId === pillar.PillarId)) {
      number += 1;
      const titleText = `${number}. ${answer.QuestionTitle}`;
      doc.font(FONT.bold).fontSize(11);
      // Title, badge and the first list's heading with two items: about 110 points.
      report.ensureRoom(doc.heightOfString(titleText, { width: report.width }) + 110);
      doc.moveDown(0.5);
      report.paragraph(titleText, { font: FONT.bold, size: 11 });
      report.badge(answer.Risk as Risk, report.left, doc.y + 2);
      doc.y += 20;
      const status = new Map(answer.ChoiceAnswers.map((c) => [c.ChoiceId, c]));
      const titleOf = new Map(answer.Choices.map((c) => [c.ChoiceId, c.Title ?? c.ChoiceId]));
      if (!answer.IsApplicable) {
        report.paragraph(`The question does not apply to this workload${answer.Reason ? ` (reason: ${reasonText(answer.Reason)})` : ''}.`, { font: FONT.italic });
      } else {
        const by = (s: string) => answer.Choices.filter((c) => (status.get(c.ChoiceId)?.Status ?? 'UNSELECTED') === s);
        list(report, 'Best practices followed', by('SELECTED').map((c) => titleOf.get(c.ChoiceId)!));
        list(
          report,
          'Best practices not followed',
          by('UNSELECTED').filter((c) => !isNoneOfTheseChoice(c.ChoiceId)).map((c) => titleOf.get(c.ChoiceId)!),
          answer.Risk === 'UNANSWERED',
        );
        list(
          report,
          'Best practices marked not applicable',
          by('NOT_APPLICABLE').map((c) => {
            const reason = status.get(c.ChoiceId)?.Reason;
            return `${titleOf.get(c.ChoiceId)}${reason ? ` (reason: ${reasonText(reason)})` : ''}`;
          }),
        );
      }
      const choiceNotes = answer.ChoiceAnswers.filter((c) => c.Notes).map((c) => `${titleOf.get(c.ChoiceId)}: ${c.Notes}`);
      if (answer.Notes) {
        report.paragraph('Notes', { font: FONT.bold, size: 9, color: '#5f6b7a' });
        report.paragraph(answer.Notes, { indent: 10 });
      }
      if (choiceNotes.length) list(report, 'Notes on best practices', choiceNotes);
      const checks = questionChecks(data, answer.QuestionId);
      list(report, 'Checks from scanners', checks.flatMap((p) => p.checks.map((c) => `${titleOf.get(p.choiceId) ?? p.choiceId} - ${checkLine(c)}`)));
      for (const p of checks.filter((x) => x.contradicting.length)) {
        report.paragraph(`${titleOf.get(p.choiceId) ?? p.choiceId}: ${contradictionLine(p)}`, { indent: 10, color: '#d13212' });
      }
    }
    if (i < data.review.PillarReviewSummaries.length - 1) doc.moveDown(0.5);
  });
}

function list(report: ReportDocument, title: string, items: string[], unanswered = false): void {
  if (!items.length || unanswered) return;
  report.ensureRoom(40);
  report.paragraph(title, { font: FONT.bold, size: 9, color: '#5f6b7a' });
  for (const item of items) report.paragraph(`•  ${item}`, { indent: 10 });
  report.doc.moveDown(0.2);
}

const REASONS: Record<string, string> = {
  OUT_OF_SCOPE: 'out of scope',
  BUSINESS_PRIORITIES: 'business priorities',
  ARCHITECTURE_CONSTRAINTS: 'architecture constraints',
  OTHER: 'other',
  NONE: 'none given',
};
const reasonText = (reason: string) => REASONS[reason] ?? reason;

function improvementPlan(report: ReportDocument, data: LensReviewReportData): void {
  const { doc } = report;
  report.heading('Improvement plan', 1);
  if (!data.improvements.length) {
    report.paragraph('No question is at high or medium risk: there is nothing to improve.');
    return;
  }
  report.paragraph('Questions at high risk first, then medium risk, in the order of the workload\'s pillar priorities.', { color: '#5f6b7a' });
  const pillarName = new Map(data.lens.pillars.map((p) => [p.id, p.name]));
  for (const item of data.improvements) {
    const title = item.QuestionTitle ?? item.QuestionId;
    doc.font(FONT.bold).fontSize(11);
    report.ensureRoom(doc.heightOfString(title, { width: report.width }) + 90);
    doc.moveDown(0.5);
    report.paragraph(title, { font: FONT.bold, size: 11, link: item.ImprovementPlanUrl });
    const y = doc.y + 2;
    report.badge(item.Risk as Risk, report.left, y);
    doc.font(FONT.regular).fontSize(9).fillColor('#5f6b7a').text(pillarName.get(item.PillarId ?? '') ?? '', report.left + 90, y + 3, { lineBreak: false });
    doc.x = report.left;
    doc.y = y + 20;
    const choices = data.answers.find((a) => a.QuestionId === item.QuestionId)?.Choices ?? [];
    for (const plan of item.ImprovementPlans) {
      report.ensureRoom(40);
      report.paragraph(choices.find((c) => c.ChoiceId === plan.ChoiceId)?.Title ?? plan.ChoiceId, { font: FONT.bold, indent: 10 });
      report.paragraph(plan.DisplayText, { indent: 10, link: plan.ImprovementPlanUrl, color: plan.ImprovementPlanUrl ? '#0b5cad' : undefined });
      doc.moveDown(0.3);
    }
  }
}
