import { AccessDeniedError, ValidationError, type FieldProblem } from '../../domain/errors';
import { qualifyAction } from '../../domain/iam';
import type { ServiceContext } from '../context';
import type { Principal } from '../principal';
import { authorizeCall } from './authorize-call';

/**
 * Which of a list of actions the calling principal may perform on one resource, asked
 * before acting (the console disables what is refused). Each action is decided by
 * authorizeCall, the very check the call itself would pass through, so the answer
 * cannot drift from what the server then does. Shaped after IAM's SimulatePrincipalPolicy.
 *
 * It speaks only of the caller's own policies: asking needs no permission, and says
 * nothing about other principals.
 */

export const MAX_SIMULATED_ACTIONS = 50;
/** The resource members a call may name, as the operations name them. */
export const RESOURCE_MEMBERS = ['WorkloadId', 'LensAlias', 'WorkloadArn', 'ProfileArn', 'TemplateArn', 'ResourceArn'] as const;
export type ResourceMember = (typeof RESOURCE_MEMBERS)[number];
const MAX_RESOURCE_CHARS = 2048;
/** An action as policies write it: "CreateWorkload", or with its service prefix "plumbline:CreateUser". */
const ACTION = /^(?:[a-z][a-z0-9-]*:)?[A-Za-z][A-Za-z0-9]*$/;

export interface SimulatePermissionsInput {
  ActionNames: string[];
  Resource: Partial<Record<ResourceMember, string>>;
}

export type EvalDecision = 'allowed' | 'denied';

export interface SimulatePermissionsOutput {
  EvaluationResults: Array<{ EvalActionName: string; EvalDecision: EvalDecision }>;
}

/** Checks the request's shape; every problem is reported with its member. */
export function simulateInput(body: Record<string, unknown>): SimulatePermissionsInput {
  const problems: FieldProblem[] = [];
  const { ActionNames, Resource = {} } = body;
  if (!Array.isArray(ActionNames) || ActionNames.length === 0 || ActionNames.length > MAX_SIMULATED_ACTIONS) {
    problems.push({ Name: 'ActionNames', Message: `must be a list of 1 to ${MAX_SIMULATED_ACTIONS} action names` });
  } else {
    ActionNames.forEach((name, i) => {
      if (typeof name !== 'string' || !ACTION.test(name)) problems.push({ Name: `ActionNames[${i}]`, Message: 'must be an action name such as CreateWorkload or plumbline:CreateUser' });
    });
  }
  if (typeof Resource !== 'object' || Resource === null || Array.isArray(Resource)) {
    problems.push({ Name: 'Resource', Message: `must be an object with any of ${RESOURCE_MEMBERS.join(', ')}` });
  } else {
    for (const [key, value] of Object.entries(Resource)) {
      if (!(RESOURCE_MEMBERS as readonly string[]).includes(key)) problems.push({ Name: `Resource.${key}`, Message: `is not a resource member; use ${RESOURCE_MEMBERS.join(', ')}` });
      else if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RESOURCE_CHARS) problems.push({ Name: `Resource.${key}`, Message: `must be a string of 1 to ${MAX_RESOURCE_CHARS} characters` });
    }
  }
  if (problems.length) throw ValidationError.fields(problems);
  return { ActionNames: ActionNames as string[], Resource: Resource as SimulatePermissionsInput['Resource'] };
}

export async function simulatePermissions(ctx: ServiceContext, principal: Principal, input: SimulatePermissionsInput): Promise<SimulatePermissionsOutput> {
  const EvaluationResults: SimulatePermissionsOutput['EvaluationResults'] = [];
  for (const action of input.ActionNames) {
    let decision: EvalDecision = 'allowed';
    try {
      await authorizeCall(ctx, principal, action, input.Resource);
    } catch (error) {
      if (!(error instanceof AccessDeniedError)) throw error;
      decision = 'denied';
    }
    EvaluationResults.push({ EvalActionName: qualifyAction(action), EvalDecision: decision });
  }
  return { EvaluationResults };
}
