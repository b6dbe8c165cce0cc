import type { Trx } from '../../store/database';
import { immediateTransaction, NOT_RUN, type ImmediateTx } from '../../store/immediate';
import type { ServiceContext } from '../context';
import type { Principal } from '../principal';
import { auditCallOf } from './call';

/**
 * The transaction of a change, with the change's audit record written inside
 * it, after the change: both commit or neither does. A call is recorded at most
 * once this way, by the first of its transactions to commit; if that
 * transaction rolls back the call is recorded as failed when it ends.
 */
export async function auditedTransaction<T>(ctx: ServiceContext, principal: Principal, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const call = auditCallOf(principal);
  if (!call) return ctx.store.db.transaction().execute(fn);
  if (call.recorded) return ctx.store.db.transaction().execute(fn);
  const result = await ctx.store.db.transaction().execute(async (trx) => {
    const changed = await fn(trx);
    await call.sink.recordChange(trx, call, changed);
    return changed;
  });
  // Only now: until the commit, a rollback could still take the record away.
  call.recorded = true;
  call.sink.changeCommitted();
  return result;
}

/**
 * auditedTransaction as an immediate transaction (src/store/immediate.ts):
 * NOT_RUN, with nothing changed or recorded, when it could not run that way.
 */
export function auditedTransactionNow<T>(ctx: ServiceContext, principal: Principal, fn: (tx: ImmediateTx) => T): T | typeof NOT_RUN {
  const call = auditCallOf(principal);
  if (!call || call.recorded) return immediateTransaction(ctx.store.db, fn);
  const sink = call.sink;
  if (!sink.recordChangeNow) return NOT_RUN;
  const result = immediateTransaction(ctx.store.db, (tx) => {
    const changed = fn(tx);
    sink.recordChangeNow!(tx, call, changed);
    return changed;
  });
  if (result === NOT_RUN) return result;
  call.recorded = true;
  sink.changeCommitted();
  return result;
}
