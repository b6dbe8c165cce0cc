import { awsLensArn, workloadArn } from '../../domain/arn';
import { authorize, type ContextValue } from '../../domain/iam';
import { workloadArnAndTags } from '../../store/identity.repo';
import { listTags } from '../../store/tags.repo';
import type { ServiceContext } from '../context';
import { isRoot, type Principal } from '../principal';

/**
 * Decides whether a principal may make an API call, before the operation runs.
 * Root users may do everything in their account and cost nothing here (no store
 * access). IAM users need an Allow from their inline or attached managed policies
 * for wellarchitected:<Operation> on the call's resource; a Deny wins over any Allow.
 */

export interface CallResource {
  /** The ARN policies' Resource elements are matched against ("*" when the call has none). */
  arn: string;
  /** What the denial message names: the workload id for workload calls, as the spec's example shows. */
  shown: string;
  /** Present for workload calls: the id to load the actual ARN and tags by. */
  workloadId?: string;
  /** A resource that has no tags (an IAM user, an account, an event target): nothing to load. */
  untagged?: boolean;
}

/** A workload as a call's resource: its ARN in the caller's account until its actual owner is loaded. */
export const workloadResource = (region: string, principal: Principal, workloadId: string): CallResource => ({
  arn: workloadArn(region, principal.accountId, workloadId),
  shown: workloadId,
  workloadId,
});

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The resource of a call, from its members: workload, then ARN members, then lens, else "*". */
function callResource(ctx: ServiceContext, principal: Principal, input: Record<string, unknown>): CallResource {
  const workloadId = text(input.WorkloadId);
  if (workloadId) return workloadResource(ctx.region, principal, workloadId);
  const arn = text(input.WorkloadArn) ?? text(input.ProfileArn) ?? text(input.TemplateArn) ?? text(input.ResourceArn);
  if (arn) return { arn, shown: arn };
  const lens = text(input.LensAlias);
  if (lens) {
    const lensArn = lens.startsWith('arn:') ? lens : awsLensArn(lens);
    return { arn: lensArn, shown: lensArn };
  }
  return { arn: '*', shown: '*' };
}

/** The workload's actual ARN (its owner may be another account) and tags, in one query. */
async function resourceFacts(ctx: ServiceContext, resource: CallResource): Promise<{ arn: string; tags: Record<string, string> }> {
  if (resource.workloadId) {
    const rows = await workloadArnAndTags(ctx.store.db, resource.workloadId);
    if (rows.length === 0) return { arn: resource.arn, tags: {} };
    const tags: Record<string, string> = {};
    for (const row of rows) if (row.tag_key !== null && row.tag_value !== null) tags[row.tag_key] = row.tag_value;
    return { arn: rows[0].arn, tags };
  }
  if (resource.untagged || resource.arn === '*' || resource.arn.includes('::aws:')) return { arn: resource.arn, tags: {} };
  return { arn: resource.arn, tags: await listTags(ctx.store.db, resource.arn) };
}

function requestTagContext(input: Record<string, unknown>): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  const tags = input.Tags;
  const keys: string[] = [];
  if (tags && typeof tags === 'object' && !Array.isArray(tags)) {
    for (const [key, value] of Object.entries(tags)) {
      if (typeof value === 'string') context[`aws:RequestTag/${key}`] = value;
      keys.push(key);
    }
  }
  if (Array.isArray(input.TagKeys)) keys.push(...input.TagKeys.filter((k): k is string => typeof k === 'string'));
  if (keys.length) context['aws:TagKeys'] = keys;
  return context;
}

/**
 * `resource`, when given, is what the call acts on (Plumbline's own operations
 * name it in their model: src/api/call-resource.ts); otherwise it is found in
 * the input's members.
 */
export function authorizeCall(
  ctx: ServiceContext,
  principal: Principal,
  operation: string,
  input: Record<string, unknown>,
  resource?: CallResource,
): Promise<void> | undefined {
  // Nothing to wait for: root users may do everything in their account.
  if (isRoot(principal)) return undefined;
  return authorizeUser(ctx, principal, operation, input, resource ?? callResource(ctx, principal, input));
}

async function authorizeUser(ctx: ServiceContext, principal: Principal, operation: string, input: Record<string, unknown>, resource: CallResource): Promise<void> {
  const { policies, needsResource } = await ctx.caches.policies.policiesOf(principal.accountId, principal.userName!);
  const facts = needsResource ? await resourceFacts(ctx, resource) : { arn: resource.arn, tags: {} };
  const context: Record<string, ContextValue> = {
    ...requestTagContext(input),
    'aws:username': principal.userName,
    'aws:PrincipalAccount': principal.accountId,
  };
  for (const [key, value] of Object.entries(facts.tags)) context[`aws:ResourceTag/${key}`] = value;
  authorize(principal.arn, { action: operation, resource: facts.arn, context }, policies, resource.shown);
}
