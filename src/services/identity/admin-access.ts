import { AccessDeniedError } from '../../domain/errors';
import { deniedMessage } from '../../domain/iam';
import type { ServiceContext } from '../context';
import type { SecretBox } from '../credentials/accounts.service';
import { isRoot, type Principal } from '../principal';

/** What the admin services need besides the ordinary service context. */
export interface IdentityContext extends ServiceContext {
  box: SecretBox;
  /** The account whose root user creates accounts and organizations. */
  defaultAccountId: string;
}

export const userArn = (accountId: string, userName: string) => `arn:aws:iam::${accountId}:user/${userName}`;

/**
 * An account is administered by its root user and by its own IAM users whose
 * policies allow the operation's `plumbline:<Operation>` action (the pipeline
 * evaluated them before the service ran); never from another account.
 */
export function requireAccountAdministrator(principal: Principal, accountId: string, action: string, resource: string): void {
  if (principal.accountId === accountId) return;
  throw new AccessDeniedError(
    `${deniedMessage(principal.arn, action, resource)} (account ${accountId} is administered only by its own root user and users)`,
  );
}

/** What only the root user itself may do (its own console password). */
export function requireAccountRoot(principal: Principal, accountId: string, action: string, resource: string): void {
  if (isRoot(principal) && principal.accountId === accountId) return;
  throw new AccessDeniedError(
    `${deniedMessage(principal.arn, action, resource)} (only the root user of account ${accountId} administers its users, keys and policies)`,
  );
}

/** Accounts and organizations are administered by the default account's root user. */
export function requireDefaultRoot(ctx: IdentityContext, principal: Principal, action: string, resource: string): void {
  if (isRoot(principal) && principal.accountId === ctx.defaultAccountId) return;
  throw new AccessDeniedError(
    `${deniedMessage(principal.arn, action, resource)} (only the root user of the default account ${ctx.defaultAccountId} administers accounts and organizations)`,
  );
}
