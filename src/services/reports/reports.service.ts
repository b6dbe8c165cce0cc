import { read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { consolidatedMetrics } from './consolidated-data';
import { renderConsolidatedPdf } from './consolidated-pdf';
import { lensReviewReportData } from './lens-review-data';
import { renderLensReviewPdf } from './lens-review-pdf';

export async function getLensReviewReport(
  ctx: ServiceContext,
  principal: Principal,
  input: { WorkloadId: string; LensAlias: string; MilestoneNumber?: number },
) {
  const data = await read(ctx, (trx) => lensReviewReportData(ctx, trx, principal, input));
  // Typesetting happens after the transaction: it needs no store and should not hold one open.
  const pdf = await renderLensReviewPdf(data);
  return {
    WorkloadId: data.workload.id,
    MilestoneNumber: data.milestone?.number,
    LensReviewReport: { LensAlias: data.review.LensAlias, LensArn: data.review.LensArn, Base64String: pdf.toString('base64') },
  };
}

export async function getConsolidatedReport(
  ctx: ServiceContext,
  principal: Principal,
  input: { Format: 'PDF' | 'JSON'; IncludeSharedResources?: boolean; NextToken?: string; MaxResults?: number },
) {
  const page = await read(ctx, (trx) => consolidatedMetrics(ctx, trx, principal, input));
  if (input.Format === 'JSON') return { Metrics: page.metrics, NextToken: page.nextToken };
  const pdf = await renderConsolidatedPdf(page.metrics, page.lensNames, ctx.now());
  return { Base64String: pdf.toString('base64'), NextToken: page.nextToken };
}
