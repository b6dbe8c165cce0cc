import { NotFoundError } from '../domain/errors';
import type { Trx } from '../store/database';
import type { WorkloadRecord } from '../store/records';
import { findWorkload } from '../store/workloads.repo';
import type { ServiceContext } from './context';
import type { Principal } from './principal';

/**
 * What a principal may do with a workload. Owners may do everything; later,
 * shares grant read or contribute. Anything the principal may not see is
 * reported exactly like a workload that does not exist.
 */
export type WorkloadAccess = 'read' | 'contribute' | 'own';

export const workloadNotFound = (id: string) => new NotFoundError(`Workload ${id} was not found`, id, 'WORKLOAD');

export async function workloadFor(
  ctx: ServiceContext,
  trx: Trx,
  principal: Principal,
  workloadId: string,
  _access: WorkloadAccess,
  options: { lock?: boolean } = {},
): Promise<WorkloadRecord> {
  const workload = await findWorkload(trx, workloadId, options.lock ? ctx.store.dialect : undefined);
  if (!workload || workload.accountId !== principal.accountId) throw workloadNotFound(workloadId);
  return workload;
}
