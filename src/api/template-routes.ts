import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from '../domain/errors';
import type { ServiceContext } from '../services/context';
import { APPLY_MODES, applyTemplateToWorkloads, type ApplyMode } from '../services/templates/apply';
import { authenticate, type KeyLookup } from './auth/authenticate';
import { checkValue } from './input';

/**
 * Plumbline's own call beyond the WellArchitected API: a review template's
 * answers and notes applied to existing workloads. Signed with SigV4 like every
 * API call.
 *
 *   POST /_plumbline/templates/apply
 *   { "TemplateArn": "...", "WorkloadIds": ["..."], "Mode": "OVERWRITE" | "FILL" }
 */

export interface TemplateRouteDeps {
  services: ServiceContext;
  lookup: KeyLookup;
  region: string;
}

const MAX_WORKLOADS_PER_CALL = 100;

function applyInput(body: Record<string, unknown>): { TemplateArn: string; WorkloadIds: string[]; Mode: ApplyMode } {
  const problems: FieldProblem[] = [];
  const { TemplateArn, WorkloadIds, Mode } = body;
  if (TemplateArn === undefined) problems.push({ Name: 'TemplateArn', Message: 'is required' });
  else checkValue(TemplateArn, 'TemplateArn', 'TemplateArn', problems);
  if (!Array.isArray(WorkloadIds) || WorkloadIds.length === 0 || WorkloadIds.length > MAX_WORKLOADS_PER_CALL) {
    problems.push({ Name: 'WorkloadIds', Message: `must be a list of 1 to ${MAX_WORKLOADS_PER_CALL} workload ids` });
  } else {
    WorkloadIds.forEach((id, i) => checkValue(id, 'WorkloadId', `WorkloadIds[${i}]`, problems));
  }
  if (!APPLY_MODES.includes(Mode as ApplyMode)) problems.push({ Name: 'Mode', Message: `must be one of ${APPLY_MODES.join(', ')}` });
  if (problems.length) throw ValidationError.fields(problems);
  return { TemplateArn: TemplateArn as string, WorkloadIds: WorkloadIds as string[], Mode: Mode as ApplyMode };
}

export function registerTemplateRoutes(app: FastifyInstance, deps: TemplateRouteDeps): void {
  const { services } = deps;
  app.post('/_plumbline/templates/apply', async (request: FastifyRequest, reply: FastifyReply) => {
    const { principal, json } = await authenticate(request, deps.lookup, deps.region, services.now);
    const body = json();
    const input = applyInput(body);
    // The service authorizes every action the application performs.
    const result = await applyTemplateToWorkloads(services, principal, input);
    return reply.header('content-type', 'application/json').send(JSON.stringify(result));
  });
}
