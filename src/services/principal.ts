import type { AuditCall } from './audit/call';

/** Who is calling: every request resolves to one, and every service authorizes against it. */
export interface Principal {
  accountId: string;
  arn: string;
  /** Undefined for the account's root user. */
  userName?: string;
  /** The IAM user's unique id (AIDA...), the principalId of its audit records. */
  userId?: string;
  accessKeyId: string;
  /**
   * The call this principal is making, as the audit trail follows it: set by the
   * pipeline on a per-call copy (bindPrincipal), so that mutate() writes the
   * change's record in the change's transaction. Absent outside an API call.
   */
  readonly call?: AuditCall;
}

export const isRoot = (p: Principal) => p.userName === undefined;

export const rootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;
