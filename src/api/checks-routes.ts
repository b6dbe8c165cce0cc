import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from '../domain/errors';
import { listCheckResources } from '../services/checks/checks.service';
import { importChecks } from '../services/checks/import.service';
import { CHECK_FORMATS, type CheckFormat } from '../services/checks/read-findings';
import type { ServiceContext } from '../services/context';
import { authorizeCall } from '../services/identity/authorize-call';
import { authenticate, authenticateStreamed, type KeyLookup } from './auth/authenticate';
import { checkValue } from './input';
import { verifiedBody } from './verified-body';

/**
 * Checks from scanners, Plumbline's own routes beside ListCheckSummaries and
 * ListCheckDetails (src/api/operations/):
 *
 *   POST /_plumbline/workloads/{WorkloadId}/checks/import?Format=PROWLER_OCSF|JSONL[&Source=name]
 *        body: the scanner's file, streamed; signed with its SHA-256 in x-amz-content-sha256
 *   GET  /_plumbline/workloads/{WorkloadId}/checks/{CheckId}/resources?AccountId=&Provider=[&MaxResults=&NextToken=]
 *
 * An IAM user needs wellarchitected:ImportChecks (granted by wellarchitected:*) to
 * import, and wellarchitected:ListCheckDetails to list flagged resources.
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

  app.get('/_plumbline/workloads/:WorkloadId/checks/:CheckId/resources', async (request: Req, reply: FastifyReply) => {
    const { principal } = await authenticate(request, deps.lookup, deps.region, services.now);
    const { WorkloadId, CheckId } = request.params;
    const { AccountId, Provider, NextToken } = request.query;
    const problems: FieldProblem[] = [];
    checkValue(WorkloadId, 'WorkloadId', 'WorkloadId', problems);
    if (!AccountId || !/^\d{12}$/.test(AccountId)) problems.push({ Name: 'AccountId', Message: 'must be a 12-digit account id' });
    if (!Provider) problems.push({ Name: 'Provider', Message: 'is required (the scanner, as ListCheckDetails gives it)' });
    sourceOf(Provider, 'Provider', problems);
    const MaxResults = request.query.MaxResults === undefined ? undefined : Number(request.query.MaxResults);
    if (MaxResults !== undefined && !(Number.isInteger(MaxResults) && MaxResults >= 1 && MaxResults <= 1000)) {
      problems.push({ Name: 'MaxResults', Message: 'must be a whole number from 1 to 1000' });
    }
    if (problems.length) throw ValidationError.fields(problems);
    await authorizeCall(services, principal, 'ListCheckDetails', { WorkloadId });
    const result = await listCheckResources(services, principal, { WorkloadId, CheckId, AccountId: AccountId!, Provider: Provider!, NextToken, MaxResults });
    return reply.header('content-type', 'application/json').send(JSON.stringify(result));
  });
}
