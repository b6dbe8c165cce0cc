import { createHash } from 'node:crypto';
import { canonicalRequestText } from '../domain/canonical-request';
import { ConflictError } from '../domain/errors';
import type { Store, Trx } from '../store/database';
import { isUniqueViolation } from '../store/database';
import { findIdempotentResult, saveIdempotentResult, setIdempotentResponse } from '../store/idempotency.repo';
import { unitOfWork } from '../store/unit-of-work';
import { auditedTransaction } from './audit/audited-transaction';
import { markMutating, type AuditCall } from './audit/call';
import type { LensCatalog } from './lenses/catalog';
import type { Caches } from './caches';
import type { EventsRuntime } from './events/runtime';
import type { Principal } from './principal';

export interface ServiceContext {
  store: Store;
  catalog: LensCatalog;
  region: string;
  /** Epoch milliseconds; tests replace it. */
  now(): number;
  /** Signing keys, sessions and policies as read from the store, with the versions that keep every process's copy current. */
  caches: Caches;
  /** Event targets and delivery settings (absent for a store used without the app). */
  events?: EventsRuntime;
  /**
   * The API call being served, as the audit trail follows it: set by the pipeline on
   * a per-call copy of the context (callContext), so that mutate() writes the change's
   * record in the change's transaction. Absent outside an API call (jobs, the CLI).
   */
  readonly call?: AuditCall;
}

/** One read-only call: one unit of work on one connection (src/store/unit-of-work.ts). */
export function read<T>(ctx: ServiceContext, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return unitOfWork(ctx.store.db, 'read', fn);
}

export interface MutationOptions {
  principal: Principal;
  operation: string;
  /** The ClientRequestToken, when the operation takes one. */
  token?: string;
  /** The request members that make a retry the same request. */
  request?: unknown;
}

/** Retries are matched by the request's canonical form (src/domain/canonical-request.ts), not its bytes. */
const fingerprint = (operation: string, request: unknown) =>
  createHash('sha256').update(canonicalRequestText(operation, request)).digest('hex');

/**
 * One changing call: one transaction. With a ClientRequestToken the token is
 * claimed inside the same transaction, so a retry - even one racing the first
 * call - returns the original result and never creates a second resource.
 */
export async function mutate<T>(ctx: ServiceContext, options: MutationOptions, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const { principal, operation, token } = options;
  markMutating(ctx);
  // The change's audit record commits with it (src/services/audit/audited-transaction.ts).
  if (!token) return auditedTransaction(ctx, fn);
  const print = fingerprint(operation, options.request);
  const replay = async (): Promise<T | undefined> => {
    const previous = await findIdempotentResult(ctx.store.db, principal.accountId, operation, token);
    if (!previous) return undefined;
    if (previous.fingerprint !== print) {
      throw new ConflictError(
        `ClientRequestToken ${token} was already used for a different ${operation} request`,
        token,
        'CLIENT_REQUEST_TOKEN',
      );
    }
    return JSON.parse(previous.response) as T;
  };
  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  try {
    return await auditedTransaction(ctx, async (trx) => {
      // Claim first: a racing retry blocks here (PostgreSQL) or is serialized (SQLite).
      await saveIdempotentResult(trx, { accountId: principal.accountId, operation, token, fingerprint: print, response: null, createdAt: ctx.now() });
      const result = await fn(trx);
      await setIdempotentResponse(trx, { accountId: principal.accountId, operation, token }, result);
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await replay();
      if (winner !== undefined) return winner;
    }
    throw error;
  }
}

/** mutate() for a call whose input may carry a ClientRequestToken: the token claims the call, the other members make a retry the same request. */
export function mutateRequest<T>(ctx: ServiceContext, principal: Principal, operation: string, input: { ClientRequestToken?: string }, fn: (trx: Trx) => Promise<T>) {
  const { ClientRequestToken: token, ...request } = input;
  return mutate(ctx, { principal, operation, token, request }, fn);
}
