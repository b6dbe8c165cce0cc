import { AccessDeniedError, NotFoundError } from '../domain/errors';
import type { Trx } from '../store/database';
import type { WorkloadRecord } from '../store/records';
import { findWorkload } from '../store/workloads.repo';
import { noteResourceOwner } from './audit/call';
import { mutateRequest, type ServiceContext } from './context';
import type { Principal } from './principal';
import { workloadGrant } from './shares/recipient-access';

/**
 * What a principal may do with a workload. Owners may do everything; an
 * accepted share grants read (READONLY) or read and contribute (CONTRIBUTOR:
 * answers and their notes). Anything the principal may not see is reported
 * exactly like a workload that does not exist.
 */
export type WorkloadAccess = 'read' | 'contribute' | 'own';

export const workloadNotFound = (id: string) => new NotFoundError(`Workload ${id} was not found`, id, 'WORKLOAD');

export async function workloadFor(
  ctx: ServiceContext,
  trx: Trx,
  principal: Principal,
  workloadId: string,
  access: WorkloadAccess,
  options: { lock?: boolean } = {},
): Promise<WorkloadRecord> {
  const workload = await findWorkload(trx, workloadId, options.lock ? ctx.store.dialect : undefined);
  if (!workload) throw workloadNotFound(workloadId);
  if (workload.accountId === principal.accountId) return workload;
  const grant = await workloadGrant(trx, principal, workload.id);
  if (!grant) throw workloadNotFound(workloadId);
  // The owner's trail gets the record of what a recipient does with its workload.
  noteResourceOwner(ctx, principal, workload.accountId);
  if (access === 'read' || (access === 'contribute' && grant.permission === 'CONTRIBUTOR')) return workload;
  throw new AccessDeniedError(
    access === 'own'
      ? `Only the owner of workload ${workloadId} may do this`
      : `Workload ${workloadId} is shared with you read-only; updating answers needs the CONTRIBUTOR permission`,
  );
}

/**
 * A change by the owner of one workload (input.WorkloadId): one transaction
 * (mutateRequest) in which the workload is read and locked first, so that
 * changes to the same workload serialize.
 */
export function changeOwnWorkload<T>(
  ctx: ServiceContext,
  principal: Principal,
  operation: string,
  input: { WorkloadId: string; ClientRequestToken?: string },
  change: (trx: Trx, workload: WorkloadRecord) => Promise<T>,
) {
  return mutateRequest(ctx, principal, operation, input, async (trx) => change(trx, await workloadFor(ctx, trx, principal, input.WorkloadId, 'own', { lock: true })));
}
