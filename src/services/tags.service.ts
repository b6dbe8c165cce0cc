import { NotFoundError, ValidationError } from '../domain/errors';
import { parseArn } from '../domain/arn';
import { deleteTags, listTags, putTags } from '../store/tags.repo';
import { touchWorkloadTime } from '../store/workloads.repo';
import type { Trx } from '../store/database';
import { workloadFor } from './access';
import { mutate, read, type ServiceContext } from './context';
import { ownedLens } from './lenses/lens-access';
import type { Principal } from './principal';
import { profileFor } from './profiles/profiles.service';
import { templateFor } from './templates/templates.service';
import { tagProblems } from './workloads/rules';

export const MAX_TAGS = 50;

/**
 * Tags of workloads, custom lenses, profiles and review templates, by ARN, as the hosted
 * service takes them (aws-behaviour.md item 16). Reading needs access to the resource
 * (a share recipient reads a workload's tags); changing them is the owner's. `touch`
 * moves the resource's update time where it has one kept apart.
 */
interface Tagged {
  arn: string;
  touch?: (now: number) => Promise<void>;
}

const notTaggable = (arn: string) => new NotFoundError(`No workload, custom lens, profile or review template has the ARN ${arn}`, arn, 'RESOURCE');

async function taggedResource(ctx: ServiceContext, trx: Trx, principal: Principal, arn: string, change: boolean): Promise<Tagged> {
  const parsed = parseArn(arn);
  let found: string | undefined;
  switch (parsed?.resourceType) {
    case 'workload': {
      const workload = await workloadFor(ctx, trx, principal, parsed.resourceId, change ? 'own' : 'read', { lock: change });
      if (workload.arn !== arn) throw notTaggable(arn);
      return { arn, touch: (now) => touchWorkloadTime(trx, workload.id, now) };
    }
    case 'lens':
      found = (await ownedLens(ctx, trx, principal, arn, { lock: change, operation: 'TagResource' })).arn;
      break;
    case 'profile':
      found = (await profileFor(ctx, trx, principal, arn, { lock: change, shared: !change })).arn;
      break;
    case 'review-template':
      found = (await templateFor(ctx, trx, principal, arn, { lock: change, shared: !change })).arn;
      break;
  }
  if (found !== arn) throw notTaggable(arn);
  return { arn };
}

export async function listTagsForResource(ctx: ServiceContext, principal: Principal, input: { WorkloadArn: string }) {
  return read(ctx, async (trx) => {
    const resource = await taggedResource(ctx, trx, principal, input.WorkloadArn, false);
    return { Tags: await listTags(trx, resource.arn) };
  });
}

export async function tagResource(ctx: ServiceContext, principal: Principal, input: { WorkloadArn: string; Tags: Record<string, string> }) {
  return mutate(ctx, { principal, operation: 'TagResource' }, async (trx) => {
    const resource = await taggedResource(ctx, trx, principal, input.WorkloadArn, true);
    const problems = tagProblems(input.Tags);
    if (problems.length) throw ValidationError.fields(problems);
    const merged = { ...(await listTags(trx, resource.arn)), ...input.Tags };
    if (Object.keys(merged).length > MAX_TAGS) {
      throw ValidationError.field('Tags', `a resource can have at most ${MAX_TAGS} tags (would have ${Object.keys(merged).length})`);
    }
    await putTags(trx, resource.arn, input.Tags);
    await resource.touch?.(ctx.now());
    return {};
  });
}

export async function untagResource(ctx: ServiceContext, principal: Principal, input: { WorkloadArn: string; TagKeys: string[] }) {
  return mutate(ctx, { principal, operation: 'UntagResource' }, async (trx) => {
    const resource = await taggedResource(ctx, trx, principal, input.WorkloadArn, true);
    await deleteTags(trx, resource.arn, input.TagKeys);
    await resource.touch?.(ctx.now());
    return {};
  });
}
