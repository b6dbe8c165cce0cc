import { REPORT_RISK_ORDER, reportDate, RISK_LABELS } from '../../domain/report/layout';
import { addCounts, emptyCounts } from '../../domain/review/risk';
import type { ConsolidatedMetric } from './consolidated-data';
import { FONT, ReportDocument, riskCells, riskColumns } from './report-document';

/** The consolidated report: every workload of the page, its risk counts in total and per lens. */
export async function renderConsolidatedPdf(
  metrics: ConsolidatedMetric[],
  lensNames: ReadonlyMap<string, string>,
  generatedAt: number,
): Promise<Buffer> {
  const report = new ReportDocument('Consolidated report', `Consolidated report · ${reportDate(generatedAt)}`);
  const { doc } = report;
  doc.rect(0, 0, doc.page.width, 8).fill('#232f3e');
  doc.y = 150;
  report.paragraph('Consolidated report', { font: FONT.bold, size: 28 });
  doc.moveDown(0.5);
  report.paragraph(`${metrics.length} workload${metrics.length === 1 ? '' : 's'} · ${reportDate(generatedAt)}`, { size: 14, color: '#5f6b7a' });
  const total = metrics.reduce((sum, m) => addCounts(sum, m.RiskCounts), emptyCounts());
  doc.moveDown(2);
  for (const risk of REPORT_RISK_ORDER) report.field(RISK_LABELS[risk], String(total[risk]));

  report.heading('Risks by workload', 1);
  report.riskChart(metrics.map((m) => ({ label: m.WorkloadName, counts: m.RiskCounts })));
  report.table(
    [{ title: 'Workload', width: 26 }, { title: 'Lenses', width: 8, align: 'right' }, ...riskColumns([7, 9, 7, 6, 14]), { title: 'Updated', width: 14, align: 'right' }],
    metrics.map((m) => [m.WorkloadName, String(m.LensesAppliedCount), ...riskCells(m.RiskCounts), reportDate(m.UpdatedAt * 1000).slice(0, 10)]),
  );

  report.heading('Risks by lens', 1);
  for (const m of metrics) {
    report.heading(m.WorkloadName, 2);
    report.table(
      [{ title: 'Lens', width: 40 }, ...riskColumns([10, 12, 10, 10, 14])],
      m.Lenses.map((l) => [lensNames.get(l.LensArn) ?? l.LensArn, ...riskCells(l.RiskCounts)]),
    );
  }
  return report.finish();
}
