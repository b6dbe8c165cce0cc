import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import { authorizeCall } from '../services/identity/authorize-call';
import { getDraftDifference } from '../services/lenses/draft-difference.service';
import { authenticate, type KeyLookup } from './auth/authenticate';
import { checkValue } from './input';

/**
 * A custom lens's unpublished draft against its latest published version, for the
 * console's "Review changes" before publishing (GetLensVersionDifference compares
 * published versions only). Signed with SigV4; an IAM user needs
 * wellarchitected:GetLensVersionDifference on the lens.
 *
 *   GET /_plumbline/lenses/draft-difference?LensAlias=<lens ARN>
 */

export interface LensDraftRouteDeps {
  services: ServiceContext;
  lookup: KeyLookup;
  region: string;
}

export function registerLensDraftRoutes(app: FastifyInstance, deps: LensDraftRouteDeps): void {
  const { services } = deps;
  type Req = FastifyRequest<{ Querystring: Record<string, string | undefined> }>;
  app.get('/_plumbline/lenses/draft-difference', async (request: Req, reply: FastifyReply) => {
    const { principal } = await authenticate(request, deps.lookup, deps.region, services.now);
    const { LensAlias } = request.query;
    const problems: FieldProblem[] = [];
    if (LensAlias === undefined || LensAlias === '') problems.push({ Name: 'LensAlias', Message: 'is required' });
    else checkValue(LensAlias, 'LensAlias', 'LensAlias', problems);
    if (problems.length) throw ValidationError.fields(problems);
    await authorizeCall(services, principal, 'GetLensVersionDifference', { LensAlias });
    const result = await getDraftDifference(services, principal, { LensAlias: LensAlias! });
    return reply.header('content-type', 'application/json').send(JSON.stringify(result));
  });
}
