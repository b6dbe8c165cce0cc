import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import { authorizeCall } from '../services/identity/authorize-call';
import { getPracticeRisks } from '../services/reviews/practice-risks.service';
import { authenticate, type KeyLookup } from './auth/authenticate';
import { checkValue } from './input';

/**
 * The risk level of each best practice of a workload's lens review, which the API
 * has no member for; the console shows it beside each practice. Signed with SigV4;
 * an IAM user needs wellarchitected:GetLensReview on the workload.
 *
 *   GET /_plumbline/workloads/<WorkloadId>/lensReviews/<LensAlias>/practiceRisks[?MilestoneNumber=N]
 */

export interface PracticeRiskRouteDeps {
  services: ServiceContext;
  lookup: KeyLookup;
  region: string;
}

type Req = FastifyRequest<{ Params: { WorkloadId: string; LensAlias: string }; Querystring: { MilestoneNumber?: string } }>;

export function registerPracticeRiskRoutes(app: FastifyInstance, deps: PracticeRiskRouteDeps): void {
  const { services } = deps;
  app.get('/_plumbline/workloads/:WorkloadId/lensReviews/:LensAlias/practiceRisks', async (request: Req, reply: FastifyReply) => {
    const { principal } = await authenticate(request, deps.lookup, deps.region, services.now);
    const { WorkloadId, LensAlias } = request.params;
    const problems: FieldProblem[] = [];
    checkValue(WorkloadId, 'WorkloadId', 'WorkloadId', problems);
    checkValue(LensAlias, 'LensAlias', 'LensAlias', problems);
    const rawMilestone = request.query.MilestoneNumber;
    const MilestoneNumber = rawMilestone === undefined || rawMilestone === '' ? undefined : Number(rawMilestone);
    if (MilestoneNumber !== undefined && !Number.isInteger(MilestoneNumber)) problems.push({ Name: 'MilestoneNumber', Message: 'must be a whole number' });
    else if (MilestoneNumber !== undefined) checkValue(MilestoneNumber, 'MilestoneNumber', 'MilestoneNumber', problems);
    if (problems.length) throw ValidationError.fields(problems);
    await authorizeCall(services, principal, 'GetLensReview', { WorkloadId, LensAlias });
    const result = await getPracticeRisks(services, principal, { WorkloadId, LensAlias, MilestoneNumber });
    return reply.header('content-type', 'application/json').send(JSON.stringify(result));
  });
}
