import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import { authorizeCall } from '../services/identity/authorize-call';
import { lensReviewCsv, lensReviewMarkdown } from '../services/export/lens-review-text';
import { exportWorkload } from '../services/export/workload-document';
import type { WorkloadDocument } from '../services/export/workload-document';
import { checkWorkloadDocument, importWorkload } from '../services/export/workload-import';
import { lensReviewReportData } from '../services/reports/lens-review-data';
import { renderLensReviewPdf } from '../services/reports/lens-review-pdf';
import { read } from '../services/context';
import { authenticate, type KeyLookup } from './auth/authenticate';
import { checkValue } from './input';

/**
 * Plumbline's own export and import endpoints, beyond the WellArchitected API:
 * a lens review as CSV, Markdown or PDF, and a whole workload as a JSON file
 * that imports as a new workload. Signed with SigV4 like every API call.
 *
 *   GET  /_plumbline/export/workloads/{WorkloadId}[?MilestoneNumber=n]
 *   GET  /_plumbline/export/workloads/{WorkloadId}/lensReviews/{LensAlias}?Format=CSV|MARKDOWN|PDF[&MilestoneNumber=n]
 *   POST /_plumbline/import/workloads[?WorkloadName=name]   (body: an exported workload file)
 */

export interface ExportRouteDeps {
  services: ServiceContext;
  lookup: KeyLookup;
  region: string;
}

const FORMATS = ['CSV', 'MARKDOWN', 'PDF'] as const;
const PLACEHOLDER_ID = '0'.repeat(32);

function validated(values: Array<[value: unknown, shape: string, name: string]>): void {
  const problems: FieldProblem[] = [];
  for (const [value, shape, name] of values) if (value !== undefined) checkValue(value, shape, name, problems);
  if (problems.length) throw ValidationError.fields(problems);
}

function milestoneOf(query: Record<string, string | undefined>): number | undefined {
  const raw = query.MilestoneNumber;
  if (raw === undefined) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : raw;
  validated([[n, 'MilestoneNumber', 'MilestoneNumber']]);
  return n as number;
}

/** Checks the file's parts against the same model constraints as the API calls the import makes. */
function checkDocumentShapes(doc: WorkloadDocument, workloadName: string | undefined): void {
  // The import makes its own token; the name may be replaced by the caller's.
  const workload = { ...doc.Workload, WorkloadName: workloadName ?? doc.Workload.WorkloadName, ClientRequestToken: 'import' };
  const checks: Array<[unknown, string, string]> = [[workload, 'CreateWorkloadInput', 'Workload']];
  if (doc.WorkloadUpdates) checks.push([{ WorkloadId: PLACEHOLDER_ID, ...doc.WorkloadUpdates }, 'UpdateWorkloadInput', 'WorkloadUpdates']);
  doc.Milestones?.forEach((m, i) => checks.push([{ WorkloadId: PLACEHOLDER_ID, MilestoneName: m.MilestoneName, ClientRequestToken: 'import' }, 'CreateMilestoneInput', `Milestones[${i}]`]));
  doc.LensReviews.forEach((review, i) => {
    const ref = { WorkloadId: PLACEHOLDER_ID, LensAlias: review.LensAlias };
    checks.push([{ ...ref, LensNotes: review.LensNotes, PillarNotes: review.PillarNotes }, 'UpdateLensReviewInput', `LensReviews[${i}]`]);
    review.Answers.forEach((answer, j) => checks.push([{ ...ref, ...answer }, 'UpdateAnswerInput', `LensReviews[${i}].Answers[${j}]`]));
  });
  validated(checks);
}

export function registerExportRoutes(app: FastifyInstance, deps: ExportRouteDeps): void {
  const { services } = deps;
  const signed = (request: FastifyRequest) => authenticate(request, deps.lookup, deps.region, services.now);
  type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | undefined> }>;

  app.get('/_plumbline/export/workloads/:WorkloadId', async (request: Req, reply: FastifyReply) => {
    const { principal } = await signed(request);
    const { WorkloadId } = request.params;
    validated([[WorkloadId, 'WorkloadId', 'WorkloadId']]);
    // IAM users need the same permission as the API call that gives the same data.
    await authorizeCall(services, principal, 'GetWorkload', { WorkloadId });
    const doc = await exportWorkload(services, principal, { WorkloadId, MilestoneNumber: milestoneOf(request.query) });
    return reply.header('content-type', 'application/json').send(JSON.stringify(doc, null, 2));
  });

  app.get('/_plumbline/export/workloads/:WorkloadId/lensReviews/:LensAlias', async (request: Req, reply: FastifyReply) => {
    const { principal } = await signed(request);
    const { WorkloadId, LensAlias } = request.params;
    const format = request.query.Format ?? '';
    validated([
      [WorkloadId, 'WorkloadId', 'WorkloadId'],
      [LensAlias, 'LensAlias', 'LensAlias'],
    ]);
    if (!(FORMATS as readonly string[]).includes(format)) throw ValidationError.field('Format', `must be one of ${FORMATS.join(', ')}`);
    await authorizeCall(services, principal, 'GetLensReviewReport', { WorkloadId, LensAlias });
    const input = { WorkloadId, LensAlias, MilestoneNumber: milestoneOf(request.query) };
    const data = await read(services, (trx) => lensReviewReportData(services, trx, principal, input));
    if (format === 'PDF') return reply.header('content-type', 'application/pdf').send(await renderLensReviewPdf(data));
    if (format === 'CSV') return reply.header('content-type', 'text/csv; charset=utf-8').send(lensReviewCsv(data));
    return reply.header('content-type', 'text/markdown; charset=utf-8').send(lensReviewMarkdown(data));
  });

  app.post('/_plumbline/import/workloads', async (request: Req, reply: FastifyReply) => {
    const { principal, json } = await signed(request);
    const doc = json();
    const name = request.query.WorkloadName;
    validated([[name, 'WorkloadName', 'WorkloadName']]);
    checkWorkloadDocument(doc);
    checkDocumentShapes(doc, name);
    // The import authorizes each action it performs (services/export/workload-import.ts).
    const result = await importWorkload(services, principal, doc, { WorkloadName: name });
    return reply.header('content-type', 'application/json').send(JSON.stringify(result));
  });
}
