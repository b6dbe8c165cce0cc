import type { Trx } from '../../store/database';
import { unitOfWork } from '../../store/unit-of-work';
import type { ServiceContext } from '../context';

/**
 * The transaction of a change, with the change's audit record written inside
 * it, after the change: both commit or neither does. A call is recorded at most
 * once this way, by the first of its transactions to commit; if that
 * transaction rolls back the call is recorded as failed when it ends.
 */
export async function auditedTransaction<T>(ctx: ServiceContext, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const call = ctx.call;
  if (!call || call.recorded) return unitOfWork(ctx.store.db, 'write', fn);
  const result = await unitOfWork(ctx.store.db, 'write', async (trx) => {
    const changed = await fn(trx);
    await call.sink.recordChange(trx, call, changed);
    return changed;
  });
  // Only now: until the commit, a rollback could still take the record away.
  call.recorded = true;
  call.sink.changeCommitted();
  return result;
}
