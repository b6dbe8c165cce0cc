import type { Trx } from '../../store/database';
import { mutateRequest, read, type ServiceContext } from '../context';
import type { Principal } from '../principal';
import { presentLensShareSummary, type ShareListInput } from './present';
import { addShare, pageOfResourceShares, removeShare, type SharedResource } from './resource-shares';

/**
 * The owner's side of sharing a resource that recipients only read and apply
 * (profiles, review templates): create, delete and list its shares. One
 * implementation; each kind says how its resource is found and named.
 */

export interface ShareableKind {
  type: 'PROFILE' | 'TEMPLATE';
  /** How messages name it: "Profile", "Review template". */
  label: string;
  /** Shares per resource. */
  max: number;
  /** Whether the list answer repeats the ARN (ListTemplateShares does). */
  echoArn: boolean;
  /** The caller's own resource, or the error that says why not. */
  find(ctx: ServiceContext, trx: Trx, principal: Principal, arn: string, options: { lock: boolean }): Promise<{ arn: string; accountId: string }>;
}

/**
 * `noun` names the API's members and operations: <noun>Arn holds the resource's ARN,
 * Create<noun>Share and Delete<noun>Share change its shares, and List<noun>Shares
 * answers them in <noun>ShareSummaries.
 */
export function ownerShares<N extends string>(noun: N, kind: ShareableKind) {
  type M = `${N}Arn`;
  const arnMember = `${noun}Arn` as M;
  const summaries = `${noun}ShareSummaries`;
  const arnOf = (input: Record<M, string>): string => input[arnMember];
  const own = async (ctx: ServiceContext, trx: Trx, principal: Principal, arn: string, lock: boolean): Promise<SharedResource> => {
    const resource = await kind.find(ctx, trx, principal, arn, { lock });
    return { type: kind.type, id: resource.arn, accountId: resource.accountId, label: kind.label, max: kind.max };
  };
  type Ref = Record<M, string> & { ClientRequestToken?: string };

  async function create(ctx: ServiceContext, principal: Principal, input: Ref & { SharedWith: string }) {
    return mutateRequest(ctx, principal, `Create${noun}Share`, input, async (trx) => {
      const resource = await own(ctx, trx, principal, arnOf(input), true);
      const { ShareId } = await addShare(ctx, trx, resource, input.SharedWith);
      return { ShareId, [arnMember]: resource.id };
    });
  }

  async function remove(ctx: ServiceContext, principal: Principal, input: Ref & { ShareId: string }) {
    await mutateRequest(ctx, principal, `Delete${noun}Share`, input, async (trx) => {
      await removeShare(trx, await own(ctx, trx, principal, arnOf(input), true), input.ShareId);
      return {};
    });
    return {};
  }

  async function list(ctx: ServiceContext, principal: Principal, input: ShareListInput & Record<M, string>) {
    return read(ctx, async (trx) => {
      // Profile and template share summaries have the lens summary's shape (ShareId, SharedWith, Status).
      const page = await pageOfResourceShares(ctx, trx, await own(ctx, trx, principal, arnOf(input), false), input, presentLensShareSummary);
      return { ...(kind.echoArn ? { [arnMember]: arnOf(input) } : {}), [summaries]: page.items, NextToken: page.nextToken };
    });
  }

  return { create, remove, list };
}
