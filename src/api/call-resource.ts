import { eventTargetArn } from '../domain/arn';
import { qualifyAction } from '../domain/iam';
import { authorizeCall, workloadResource, type CallResource } from '../services/identity/authorize-call';
import { userArn } from '../services/identity/admin-access';
import { rootArn, type Principal } from '../services/principal';
import type { OperationContext } from './operation';
import type { OperationModel } from './model';

/**
 * The resource a call's IAM action is evaluated on. The AWS operations' is
 * found in their members (authorizeCall: the workload, an ARN, the lens, else
 * "*"); Plumbline's own operations name theirs in the model (`resource`), in
 * IAM's own ARN forms, so that a policy can give a user its own keys and
 * nobody else's:
 *
 *   {"Effect": "Allow", "Action": "plumbline:CreateAccessKey", "Resource": "arn:aws:iam::*:user/${aws:username}"}
 */

/** The IAM action a call of this operation needs: `wellarchitected:GetWorkload`, `plumbline:CreateUser`. */
export const actionOf = (op: OperationModel) => qualifyAction(`${op.service}:${op.name}`);

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

const named = (arn: string): CallResource => ({ arn, shown: arn, untagged: true });

/**
 * What the call acts on, as the model says; undefined when the members say it.
 * Empty for `created-workload`: the service authorizes the action on the workload
 * it creates, once it has named it, before anything is written.
 */
export function callResources(op: OperationModel, principal: Principal, input: Record<string, unknown>, region: string): CallResource[] | undefined {
  // The administered account: the one the call names (the account CreateAccount creates), else the caller's.
  const accountId = text(input.AccountId) ?? principal.accountId;
  switch (op.resource) {
    case undefined:
      return undefined;
    case 'account':
      return [named(rootArn(accountId))];
    case 'user':
      return [named(userArn(accountId, String(input.UserName)))];
    case 'event-target':
      return [named(eventTargetArn(region, accountId, String(input.TargetId)))];
    case 'workloads':
      return (input.WorkloadIds as string[]).map((id) => workloadResource(region, principal, id));
    case 'created-workload':
      return [];
  }
}

/** Authorizes the call's action on each resource it acts on (a Deny of any one refuses it). */
export function authorizeOperation(ctx: OperationContext, principal: Principal, op: OperationModel, input: Record<string, unknown>): Promise<void> | undefined {
  const resources = callResources(op, principal, input, ctx.region);
  if (!resources) return authorizeCall(ctx, principal, actionOf(op), input);
  return authorizeEach(ctx, principal, actionOf(op), input, resources);
}

async function authorizeEach(ctx: OperationContext, principal: Principal, action: string, input: Record<string, unknown>, resources: CallResource[]): Promise<void> {
  for (const resource of resources) await authorizeCall(ctx, principal, action, input, resource);
}
