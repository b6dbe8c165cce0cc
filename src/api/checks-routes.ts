import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from '../domain/errors';
import { importChecks } from '../services/checks/import.service';
import { CHECK_FORMATS, type CheckFormat } from '../services/checks/read-findings';
import type { ServiceContext } from '../services/context';
import { authorizeCall } from '../services/identity/authorize-call';
import { authenticateStreamed, type KeyLookup } from './auth/authenticate';
import { checkValue } from './input';
import { verifiedBody } from './verified-body';

/**
 * The checks import, served beside the pipeline because its body is a stream
 * (ListCheckSummaries, ListCheckDetails, ListLensReviewChecks and ListCheckResources
 * go through the pipeline like every other call):
 *
 *   POST /_plumbline/workloads/{WorkloadId}/checks/import?Format=PROWLER_OCSF|JSONL[&Source=name]
 *        body: the scanner's file, streamed; signed with its SHA-256 in x-amz-content-sha256
 *
 * An IAM user needs wellarchitected:ImportChecks (granted by wellarchitected:*).
 */

export interface CheckRouteDeps {
  services: ServiceContext;
  lookup: KeyLookup;
  region: string;
  /** The largest file an import takes. */
  maxBytes: number;
}

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | undefined> }>;

const SOURCE = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

function formatOf(value: string | undefined, problems: FieldProblem[]): CheckFormat {
  if (!(CHECK_FORMATS as readonly string[]).includes(value ?? '')) problems.push({ Name: 'Format', Message: `must be one of ${CHECK_FORMATS.join(', ')}` });
  return value as CheckFormat;
}

function sourceOf(value: string | undefined, name: string, problems: FieldProblem[]): string | undefined {
  if (value !== undefined && !SOURCE.test(value)) {
    problems.push({ Name: name, Message: 'must be 1-64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit' });
  }
  return value;
}

export function registerCheckRoutes(app: FastifyInstance, deps: CheckRouteDeps): void {
  const { services } = deps;

  // The import reads its body as a stream: no parser may buffer it first.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.post('/_plumbline/workloads/:WorkloadId/checks/import', async (request: Req, reply: FastifyReply) => {
      const { principal, declaredSha256 } = await authenticateStreamed(request, deps.lookup, deps.region, services.now);
      const { WorkloadId } = request.params;
      const problems: FieldProblem[] = [];
      checkValue(WorkloadId, 'WorkloadId', 'WorkloadId', problems);
      const Format = formatOf(request.query.Format, problems);
      const Source = sourceOf(request.query.Source, 'Source', problems);
      if (problems.length) throw ValidationError.fields(problems);
      await authorizeCall(services, principal, 'ImportChecks', { WorkloadId });
      const body = () => verifiedBody(request.raw, declaredSha256, deps.maxBytes);
      const result = await importChecks(services, principal, { WorkloadId, Format, Source }, body);
      return reply.header('content-type', 'application/json').send(JSON.stringify(result));
    });
  });
}
