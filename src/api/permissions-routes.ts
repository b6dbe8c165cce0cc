import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../services/context';
import { simulateInput, simulatePermissions } from '../services/identity/simulate-permissions';
import { authenticate, type KeyLookup } from './auth/authenticate';

/**
 * Which actions the caller may perform on a resource, decided by the same policy
 * evaluation as the calls themselves; the console asks before offering an action.
 * Signed with SigV4; needs no permission of its own (it speaks only of the caller).
 *
 *   POST /_plumbline/permissions/simulate
 *   { "ActionNames": ["UpdateWorkload", "DeleteWorkload"], "Resource": { "WorkloadId": "..." } }
 *   → { "EvaluationResults": [{ "EvalActionName": "wellarchitected:UpdateWorkload", "EvalDecision": "allowed" }, ...] }
 */

export const SIMULATE_PERMISSIONS_PATH = '/_plumbline/permissions/simulate';

export interface PermissionsRouteDeps {
  services: ServiceContext;
  lookup: KeyLookup;
  region: string;
}

export function registerPermissionsRoutes(app: FastifyInstance, deps: PermissionsRouteDeps): void {
  const { services } = deps;
  app.post(SIMULATE_PERMISSIONS_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
    const { principal, json } = await authenticate(request, deps.lookup, deps.region, services.now);
    const result = await simulatePermissions(services, principal, simulateInput(json()));
    return reply.header('content-type', 'application/json').header('cache-control', 'no-store').send(JSON.stringify(result));
  });
}
