import { NotFoundError, ValidationError } from '../../domain/errors';
import { deleteRootPassword, findRootPassword, setRootPassword as storeRootPassword } from '../../store/console-sessions.repo';
import { mutate, read } from '../context';
import type { IdentityContext } from '../identity/admin-access';
import { requireAccountRoot } from '../identity/admin-access';
import { hashPassword } from '../identity/passwords';
import { passwordProblems } from '../identity/rules';
import { seconds } from '../pagination';
import { rootArn, type Principal } from '../principal';

/**
 * The root user's console password: optional (the root user may sign in with its
 * access key instead), set and cleared only by that root user itself.
 */

/** An AccountId, when given, must be the caller's own: naming another account is an error, never silently ignored. */
function ownRoot(principal: Principal, action: string, input: { AccountId?: unknown } = {}): string {
  if (input.AccountId !== undefined && input.AccountId !== principal.accountId) {
    throw ValidationError.field('AccountId', `must be the caller's own account (${principal.accountId}): a root user manages only its own console password`);
  }
  requireAccountRoot(principal, principal.accountId, action, rootArn(principal.accountId));
  return principal.accountId;
}

const present = (row: { changed_at: number } | undefined) => ({
  HasPassword: row !== undefined,
  ...(row ? { PasswordLastSet: seconds(row.changed_at) } : {}),
});

export async function getRootPassword(ctx: IdentityContext, principal: Principal, input: { AccountId?: unknown } = {}) {
  const accountId = ownRoot(principal, 'iam:GetLoginProfile', input);
  return read(ctx, async (trx) => present(await findRootPassword(trx, accountId)));
}

export async function setRootPassword(ctx: IdentityContext, principal: Principal, input: { Password?: unknown; AccountId?: unknown }) {
  const accountId = ownRoot(principal, 'iam:UpdateLoginProfile', input);
  const problems = passwordProblems(input.Password);
  if (problems.length) throw ValidationError.fields(problems);
  const hash = await hashPassword(input.Password as string);
  return mutate(ctx, { principal, operation: 'SetRootPassword' }, async (trx) => {
    await storeRootPassword(trx, accountId, hash, ctx.now());
    return present(await findRootPassword(trx, accountId));
  });
}

export async function deleteRootPasswordOf(ctx: IdentityContext, principal: Principal, input: { AccountId?: unknown } = {}) {
  const accountId = ownRoot(principal, 'iam:DeleteLoginProfile', input);
  return mutate(ctx, { principal, operation: 'DeleteRootPassword' }, async (trx) => {
    if (!(await deleteRootPassword(trx, accountId))) {
      throw new NotFoundError(`The root user of account ${accountId} has no console password`, accountId, 'ROOT_PASSWORD');
    }
    return present(undefined);
  });
}
