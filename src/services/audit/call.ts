import type { AuditOutcome } from '../../domain/audit/build';
import type { Trx } from '../../store/database';
import type { Principal } from '../principal';

/** Where a call's record goes: inside a change's transaction, or later in a batch. */
export interface AuditSink {
  recordChange(trx: Trx, call: AuditCall, response: unknown): Promise<void>;
  /** The transaction recordChange wrote in has committed. */
  changeCommitted(): void;
  recordLater(call: AuditCall, outcome: AuditOutcome): void;
}

/**
 * One API call as the audit trail follows it, from arrival to answer. The API
 * layer fills in who called, which operation and with what; mutate() writes
 * the record of a change inside that change's transaction; anything else is
 * recorded when the call ends.
 */
export class AuditCall {
  eventName?: string;
  /** The caller once its signature checked out. */
  principal?: Principal;
  request?: Record<string, unknown>;
  /** The owner of the shared resource the call reached, when that is another account. */
  resourceOwner?: string;
  /** The call went through mutate() (even when it only replayed an earlier result). */
  mutating = false;
  /** A record of this call was committed with its change. */
  recorded = false;

  constructor(
    readonly sink: AuditSink,
    readonly requestId: string,
    readonly eventTime: number,
    readonly sourceIp: string,
    readonly userAgent: string,
  ) {}
}

/**
 * A principal of this call only: the caller with its call as a declared member
 * (Principal.call), by which services find the call. AsyncLocalStorage would
 * do the same invisibly but, on Node 20, puts a promise hook on every promise
 * of every request, which the UpdateAnswer benchmark would pay for.
 */
export function bindPrincipal(call: AuditCall, principal: Principal): Principal {
  // Object.assign, not a spread with an extra member: V8 builds that literal on a slow path.
  const own = Object.assign({}, principal, { call });
  call.principal = own;
  return own;
}

export const auditCallOf = (principal: Principal): AuditCall | undefined => principal.call;

/** A call that goes through mutate() - even one answered from an earlier identical request - raises its events there, not later. */
export function markMutating(principal: Principal): void {
  const call = auditCallOf(principal);
  if (call) call.mutating = true;
}

/** Called when a caller reaches another account's resource through a share: that account's trail gets the record too. */
export function noteResourceOwner(principal: Principal, accountId: string): void {
  const call = auditCallOf(principal);
  if (call && accountId !== principal.accountId) call.resourceOwner = accountId;
}
