import { isNoneOfTheseChoice } from '../../domain/lens/types';
import { reportDate, RISK_LABELS } from '../../domain/report/layout';
import { RISKS, type Risk } from '../../domain/review/risk';
import { CHECK_STATUS_LABELS, checkLine, checksOverview, contradictionLine, questionChecks } from '../reports/checks-text';
import type { LensReviewReportData } from '../reports/lens-review-data';
import { summarize } from '../../domain/checks/aggregate';

/**
 * A lens review as CSV (one row per best practice of every question, for
 * spreadsheets) and as Markdown (for wikis and pull requests). Both come from
 * the same data as the PDF report.
 */

const CSV_COLUMNS = [
  'Pillar',
  'Question ID',
  'Question',
  'Risk',
  'Question applicable',
  'Question reason',
  'Question notes',
  'Choice ID',
  'Best practice',
  'Status',
  'Reason',
  'Choice notes',
  'Improvement plan',
  'Improvement plan URL',
  // Empty when the practice has no checks or the reader's account does not show them.
  'Check status',
  'Checks',
  'Contradicted by checks',
];

/** Quotes where needed, and defuses cells a spreadsheet would run as a formula. */
function csvCell(value: string | number | boolean | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function lensReviewCsv(data: LensReviewReportData): string {
  const pillarName = new Map(data.review.PillarReviewSummaries.map((p) => [p.PillarId, p.PillarName]));
  const plans = new Map(data.improvements.flatMap((i) => i.ImprovementPlans.map((p) => [`${i.QuestionId}/${p.ChoiceId}`, p] as const)));
  const checks = new Map((data.checks ?? []).map((p) => [`${p.questionId}/${p.choiceId}`, p]));
  const rows = [CSV_COLUMNS];
  for (const a of data.answers) {
    const status = new Map(a.ChoiceAnswers.map((c) => [c.ChoiceId, c]));
    for (const choice of a.Choices) {
      const c = status.get(choice.ChoiceId);
      const plan = plans.get(`${a.QuestionId}/${choice.ChoiceId}`);
      const practice = checks.get(`${a.QuestionId}/${choice.ChoiceId}`);
      rows.push(
        [
          pillarName.get(a.PillarId) ?? a.PillarId,
          a.QuestionId,
          a.QuestionTitle,
          a.Risk,
          String(a.IsApplicable),
          a.Reason ?? '',
          a.Notes ?? '',
          choice.ChoiceId,
          choice.Title ?? '',
          c?.Status ?? 'UNSELECTED',
          c?.Reason ?? '',
          c?.Notes ?? '',
          plan?.DisplayText ?? '',
          plan?.ImprovementPlanUrl ?? '',
          practice ? CHECK_STATUS_LABELS[summarize(practice.checks.map((x) => x.status)).status] : '',
          practice ? practice.checks.map(checkLine).join(' | ') : '',
          practice?.contradicting.length ? practice.contradicting.map((x) => x.name).join(' | ') : '',
        ].map(csvCell),
      );
    }
  }
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** Markdown text with the characters that would start markup escaped. */
const md = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\r?\n/g, '  \n');

export function lensReviewMarkdown(data: LensReviewReportData): string {
  const { workload, review, milestone } = data;
  const out: string[] = [];
  out.push(`# ${md(workload.name)}: ${md(review.LensName ?? review.LensAlias)}`, '');
  out.push(`- Review owner: ${md(workload.reviewOwner ?? 'not set')}`);
  out.push(`- Lens: ${md(review.LensAlias)}, version ${review.LensVersion} (${review.LensStatus})`);
  out.push(`- Milestone: ${milestone ? `${milestone.number} - ${md(milestone.name)} (${reportDate(milestone.recordedAt)})` : 'none (the review as it is now)'}`);
  out.push(`- Report date: ${reportDate(data.generatedAt)}`, '');
  out.push('## Risk summary', '');
  out.push(`| Pillar | ${RISKS.map((r) => RISK_LABELS[r]).join(' | ')} |`, `|---|${RISKS.map(() => '---:').join('|')}|`);
  for (const p of review.PillarReviewSummaries) out.push(`| ${md(p.PillarName)} | ${RISKS.map((r) => p.RiskCounts[r]).join(' | ')} |`);
  out.push(`| **Whole lens** | ${RISKS.map((r) => review.RiskCounts[r]).join(' | ')} |`, '');
  if (review.Notes) out.push('### Lens notes', '', md(review.Notes), '');
  if (data.checks) out.push('### Checks from scanners', '', md(checksOverview(data.checks)), '');
  out.push('## Questions', '');
  for (const pillar of review.PillarReviewSummaries) {
    out.push(`### ${md(pillar.PillarName)}`, '');
    if (pillar.Notes) out.push(`Pillar notes: ${md(pillar.Notes)}`, '');
    for (const a of data.answers.filter((x) => x.PillarId === pillar.PillarId)) {
      out.push(`#### ${md(a.QuestionTitle)}`, '', `Risk: **${RISK_LABELS[a.Risk as Risk]}**`, '');
      if (!a.IsApplicable) out.push(`Does not apply to this workload${a.Reason ? ` (reason: ${a.Reason})` : ''}.`, '');
      const status = new Map(a.ChoiceAnswers.map((c) => [c.ChoiceId, c]));
      for (const choice of a.Choices) {
        if (isNoneOfTheseChoice(choice.ChoiceId) && status.get(choice.ChoiceId)?.Status !== 'SELECTED') continue;
        const c = status.get(choice.ChoiceId);
        const mark = c?.Status === 'SELECTED' ? '[x]' : '[ ]';
        const na = c?.Status === 'NOT_APPLICABLE' ? ` (not applicable${c.Reason ? `: ${c.Reason}` : ''})` : '';
        out.push(`- ${mark} ${md(choice.Title ?? choice.ChoiceId)}${na}${c?.Notes ? ` - ${md(c.Notes)}` : ''}`);
      }
      out.push('');
      if (a.Notes) out.push(`Notes: ${md(a.Notes)}`, '');
      const checks = questionChecks(data, a.QuestionId);
      if (checks.length) {
        const title = (id: string) => md(a.Choices.find((c) => c.ChoiceId === id)?.Title ?? id);
        out.push('Checks from scanners:', '');
        for (const p of checks) for (const c of p.checks) out.push(`- ${title(p.choiceId)}: ${md(checkLine(c))}`);
        for (const p of checks.filter((x) => x.contradicting.length)) out.push(`- **${title(p.choiceId)}: ${md(contradictionLine(p))}**`);
        out.push('');
      }
    }
  }
  out.push('## Improvement plan', '');
  if (!data.improvements.length) out.push('No question is at high or medium risk.', '');
  for (const item of data.improvements) {
    out.push(`### ${md(item.QuestionTitle ?? item.QuestionId)} (${RISK_LABELS[item.Risk as Risk]})`, '');
    for (const plan of item.ImprovementPlans) {
      const text = md(plan.DisplayText);
      out.push(`- ${plan.ImprovementPlanUrl ? `[${text}](${plan.ImprovementPlanUrl})` : text}`);
    }
    out.push('');
  }
  return out.join('\n');
}
