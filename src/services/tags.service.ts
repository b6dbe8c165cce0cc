import { ValidationError } from '../domain/errors';
import { parseArn } from '../domain/arn';
import { deleteTags, listTags, putTags } from '../store/tags.repo';
import { touchWorkloadTime } from '../store/workloads.repo';
import type { Trx } from '../store/database';
import { workloadFor, workloadNotFound } from './access';
import { mutate, read, type ServiceContext } from './context';
import type { Principal } from './principal';
import { tagProblems } from './workloads/rules';

export const MAX_TAGS = 50;

async function taggedWorkload(ctx: ServiceContext, trx: Trx, principal: Principal, arn: string, lock = false) {
  const parsed = parseArn(arn);
  if (!parsed || parsed.resourceType !== 'workload') throw workloadNotFound(arn);
  const workload = await workloadFor(ctx, trx, principal, parsed.resourceId, lock ? 'own' : 'read', { lock });
  if (workload.arn !== arn) throw workloadNotFound(arn);
  return workload;
}

export async function listTagsForResource(ctx: ServiceContext, principal: Principal, input: { WorkloadArn: string }) {
  return read(ctx, async (trx) => {
    const workload = await taggedWorkload(ctx, trx, principal, input.WorkloadArn);
    return { Tags: await listTags(trx, workload.arn) };
  });
}

export async function tagResource(ctx: ServiceContext, principal: Principal, input: { WorkloadArn: string; Tags: Record<string, string> }) {
  return mutate(ctx, { principal, operation: 'TagResource' }, async (trx) => {
    const workload = await taggedWorkload(ctx, trx, principal, input.WorkloadArn, true);
    const problems = tagProblems(input.Tags);
    if (problems.length) throw ValidationError.fields(problems);
    const merged = { ...(await listTags(trx, workload.arn)), ...input.Tags };
    if (Object.keys(merged).length > MAX_TAGS) {
      throw ValidationError.field('Tags', `a resource can have at most ${MAX_TAGS} tags (would have ${Object.keys(merged).length})`);
    }
    await putTags(trx, workload.arn, input.Tags);
    await touchWorkloadTime(trx, workload.id, ctx.now());
    return {};
  });
}

export async function untagResource(ctx: ServiceContext, principal: Principal, input: { WorkloadArn: string; TagKeys: string[] }) {
  return mutate(ctx, { principal, operation: 'UntagResource' }, async (trx) => {
    const workload = await taggedWorkload(ctx, trx, principal, input.WorkloadArn, true);
    await deleteTags(trx, workload.arn, input.TagKeys);
    await touchWorkloadTime(trx, workload.id, ctx.now());
    return {};
  });
}
