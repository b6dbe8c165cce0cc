import type { Trx } from '../../store/database';
import { mutate, read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { templateFor } from '../templates/templates.service';
import type { ShareListInput } from './present';
import { addShare, pageOfResourceShares, removeShare, type OwnedResource } from './resource-shares';
import { MAX_TEMPLATE_SHARES } from './rules';

/** The owner's side of review template sharing; recipients only read the template and create workloads from it. */

async function ownTemplate(ctx: ServiceContext, trx: Trx, principal: Principal, arn: string, lock: boolean): Promise<OwnedResource> {
  const template = await templateFor(ctx, trx, principal, arn, { lock });
  return { type: 'TEMPLATE', arn: template.arn, accountId: template.accountId, label: 'Review template', max: MAX_TEMPLATE_SHARES };
}

export async function createTemplateShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { TemplateArn: string; SharedWith: string; ClientRequestToken?: string },
) {
  const { ClientRequestToken: token, ...request } = input;
  return mutate(ctx, { principal, operation: 'CreateTemplateShare', token, request }, async (trx) => {
    const template = await ownTemplate(ctx, trx, principal, input.TemplateArn, true);
    const { ShareId } = await addShare(ctx, trx, template, input.SharedWith);
    return { ShareId, TemplateArn: template.arn };
  });
}

export async function deleteTemplateShare(
  ctx: ServiceContext,
  principal: Principal,
  input: { TemplateArn: string; ShareId: string; ClientRequestToken?: string },
) {
  const { ClientRequestToken: token, ...request } = input;
  await mutate(ctx, { principal, operation: 'DeleteTemplateShare', token, request }, async (trx) => {
    await removeShare(trx, await ownTemplate(ctx, trx, principal, input.TemplateArn, true), input.ShareId);
    return {};
  });
  return {};
}

export async function listTemplateShares(ctx: ServiceContext, principal: Principal, input: ShareListInput & { TemplateArn: string }) {
  return read(ctx, async (trx) => {
    const page = await pageOfResourceShares(ctx, trx, await ownTemplate(ctx, trx, principal, input.TemplateArn, false), input);
    return { TemplateArn: input.TemplateArn, TemplateShareSummaries: page.items, NextToken: page.nextToken };
  });
}
