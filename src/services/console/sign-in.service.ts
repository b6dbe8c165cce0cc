import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError, ThrottlingError, ValidationError, type FieldProblem } from '../../domain/errors';
import { findAccessKey } from '../../store/accounts.repo';
import { endConsoleSession, findRootPassword, insertConsoleSession, purgeConsoleSessions } from '../../store/console-sessions.repo';
import { findAccount, findUser } from '../../store/identity.repo';
import { clearSignInAttempts, purgeSignInAttempts, releaseSignInAttempt, reserveSignInAttempt } from '../../store/sign-in-limits.repo';
import type { ServiceContext } from '../context';
import { newAccessKeyId, newSecretAccessKey, type SecretBox } from '../credentials/accounts.service';
import { hashPassword, verifyPassword } from '../identity/passwords';
import { ACCOUNT_ID } from '../identity/rules';
import { rootArn, type Principal } from '../principal';
import { isSessionKeyId, SESSION_KEY_PREFIX } from './session-keys';

/**
 * Console sign-in: an IAM user with its password, the root user with a password set
 * for it, or the root user with one of its access keys (as MinIO's console does).
 * Success issues temporary credentials that sign API calls like any key, with a
 * session token; the principal is the user or root itself, so authorization is the same.
 */

export interface ConsoleContext extends ServiceContext {
  box: SecretBox;
  sessionHours: number;
}

/**
 * Password (or secret) checks allowed per identity (account and user, or access key)
 * and per client address in a 15-minute window that starts at the first attempt. A
 * successful sign-in forgets its identity's failures and does not count against its
 * address. The README's security section quotes these.
 */
export const SIGN_IN_LIMITS = { perIdentity: 5, perAddress: 30, windowMs: 15 * 60_000 };

/** Wrong details, whatever was wrong: never says whether the account, user or key exists. */
export class SignInFailedError extends ApiError {
  readonly code = 'SignInFailedException';
  readonly status = 401;
  constructor() {
    super('Sign-in failed: the details given are not correct (account ID, user name and password, or access key ID and secret access key)');
  }
}

export interface SignInInput {
  AccountId?: unknown;
  UserName?: unknown;
  Password?: unknown;
  AccessKeyId?: unknown;
  SecretAccessKey?: unknown;
}

type Attempt =
  | { kind: 'user'; accountId: string; userName: string; password: string }
  | { kind: 'root-password'; accountId: string; password: string }
  | { kind: 'root-key'; accessKeyId: string; secretAccessKey: string };

const text = (field: string, value: unknown, max: number): FieldProblem[] =>
  typeof value !== 'string' || value.length === 0
    ? [{ Name: field, Message: 'is required' }]
    : value.length > max
      ? [{ Name: field, Message: `must be at most ${max} characters` }]
      : [];

/** Which way the caller signs in, from the members given; problems name each missing field. */
function attemptOf(input: SignInInput): Attempt {
  const problems: FieldProblem[] = [];
  if (input.AccessKeyId !== undefined || input.SecretAccessKey !== undefined) {
    problems.push(...text('AccessKeyId', input.AccessKeyId, 128), ...text('SecretAccessKey', input.SecretAccessKey, 128));
    if (problems.length) throw ValidationError.fields(problems);
    return { kind: 'root-key', accessKeyId: input.AccessKeyId as string, secretAccessKey: input.SecretAccessKey as string };
  }
  if (typeof input.AccountId !== 'string' || !ACCOUNT_ID.test(input.AccountId)) {
    problems.push({ Name: 'AccountId', Message: input.AccountId === undefined || input.AccountId === '' ? 'is required (12 digits)' : 'must be 12 digits' });
  }
  if (input.UserName !== undefined) problems.push(...text('UserName', input.UserName, 64));
  problems.push(...text('Password', input.Password, 512));
  if (problems.length) throw ValidationError.fields(problems);
  const accountId = input.AccountId as string;
  const password = input.Password as string;
  return input.UserName !== undefined
    ? { kind: 'user', accountId, userName: input.UserName as string, password }
    : { kind: 'root-password', accountId, password };
}

const identityKey = (a: Attempt) =>
  a.kind === 'root-key' ? `key:${a.accessKeyId}` : `${a.accountId}/${a.kind === 'user' ? a.userName.toLowerCase() : ':root'}`;

// Checking a password against this when there is no hash takes as long as a real check,
// so the time taken does not tell whether the user exists.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomBytes(16).toString('hex')));

async function passwordMatches(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await verifyPassword(password, await decoy());
    return false;
  }
  return verifyPassword(password, hash);
}

function sameSecret(given: string, actual: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(actual).digest();
  return timingSafeEqual(a, b);
}

/** The signed-in identity, or undefined when the details are wrong. */
async function check(ctx: ConsoleContext, a: Attempt): Promise<{ accountId: string; userName: string | null } | undefined> {
  const db = ctx.store.db;
  if (a.kind === 'user') {
    const user = await findUser(db, a.accountId, a.userName);
    return (await passwordMatches(a.password, user?.password_hash)) ? { accountId: a.accountId, userName: user!.user_name } : undefined;
  }
  if (a.kind === 'root-password') {
    const row = await findRootPassword(db, a.accountId);
    return (await passwordMatches(a.password, row?.password_hash)) ? { accountId: a.accountId, userName: null } : undefined;
  }
  // Only the root user's long-term keys sign in (IAM users use their passwords); not a session's key.
  const key = isSessionKeyId(a.accessKeyId) ? undefined : await findAccessKey(db, a.accessKeyId);
  if (!key || key.user_name !== null) return undefined;
  return sameSecret(a.secretAccessKey, ctx.box.open(key.secret_sealed)) ? { accountId: key.account_id, userName: null } : undefined;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** Expired sessions are kept a day so that using one still says "expired" rather than "invalid". */
const KEEP_EXPIRED_MS = 24 * 3600_000;

function throttled(retryAt: number, now: number): ThrottlingError {
  const wait = minutes(retryAt - now);
  return new ThrottlingError(`Too many failed sign-in attempts: try again in ${wait} minute${wait === 1 ? '' : 's'}`);
}

/**
 * Counts the attempt against both limits before any password is checked, so that
 * however many attempts arrive at once, on however many instances, at most the limit
 * of them reach the check; one refused by its address gives its identity's count back.
 */
async function reserveAttempt(ctx: ConsoleContext, who: string, where: string, now: number): Promise<void> {
  const { perIdentity, perAddress, windowMs } = SIGN_IN_LIMITS;
  const identity = await reserveSignInAttempt(ctx.store.db, who, perIdentity, windowMs, now);
  if (!identity.reserved) throw throttled(identity.retryAt, now);
  const address = await reserveSignInAttempt(ctx.store.db, where, perAddress, windowMs, now);
  if (!address.reserved) {
    await releaseSignInAttempt(ctx.store.db, who);
    throw throttled(address.retryAt, now);
  }
}

export async function signIn(ctx: ConsoleContext, input: SignInInput, address: string) {
  const attempt = attemptOf(input);
  const who = identityKey(attempt);
  const where = `ip:${address}`;
  const now = ctx.now();
  await reserveAttempt(ctx, who, where, now);
  const identity = await check(ctx, attempt);
  // A failure keeps its reservations: they are the count of failures.
  if (!identity) throw new SignInFailedError();
  await clearSignInAttempts(ctx.store.db, who);
  await releaseSignInAttempt(ctx.store.db, where);
  await purgeSignInAttempts(ctx.store.db, now - SIGN_IN_LIMITS.windowMs);
  const accessKeyId = SESSION_KEY_PREFIX + newAccessKeyId().slice(SESSION_KEY_PREFIX.length);
  const secretAccessKey = newSecretAccessKey();
  const sessionToken = randomBytes(48).toString('base64url');
  const expiresAt = now + Math.round(ctx.sessionHours * 3600_000);
  await purgeConsoleSessions(ctx.store.db, now - KEEP_EXPIRED_MS);
  await insertConsoleSession(ctx.store.db, {
    accessKeyId,
    accountId: identity.accountId,
    userName: identity.userName,
    secretSealed: ctx.box.seal(secretAccessKey),
    tokenSha256: createHash('sha256').update(sessionToken).digest('hex'),
    createdAt: now,
    expiresAt,
  });
  return {
    AccessKeyId: accessKeyId,
    SecretAccessKey: secretAccessKey,
    SessionToken: sessionToken,
    /** Epoch seconds, like the times of Plumbline's other routes. */
    Expiration: Math.floor(expiresAt / 1000),
    AccountId: identity.accountId,
    ...(identity.userName ? { UserName: identity.userName } : {}),
    Arn: identity.userName ? `arn:aws:iam::${identity.accountId}:user/${identity.userName}` : rootArn(identity.accountId),
    Region: ctx.region,
  };
}

/**
 * Whose trail a failed sign-in belongs in: the user or root user it named, or
 * the owner of the access key it named, when that identity exists. Nothing
 * otherwise: an unsigned caller must not write into trails of its choosing.
 */
export async function signInClaimant(ctx: ServiceContext, input: SignInInput): Promise<Principal | undefined> {
  let attempt: Attempt;
  try {
    attempt = attemptOf(input);
  } catch {
    return undefined;
  }
  const db = ctx.store.db;
  if (attempt.kind === 'root-key') {
    const key = isSessionKeyId(attempt.accessKeyId) ? undefined : await findAccessKey(db, attempt.accessKeyId);
    if (!key) return undefined;
    const arn = key.user_name === null ? rootArn(key.account_id) : `arn:aws:iam::${key.account_id}:user/${key.user_name}`;
    return { accountId: key.account_id, arn, userName: key.user_name ?? undefined, accessKeyId: key.access_key_id };
  }
  if (attempt.kind === 'user') {
    const user = await findUser(db, attempt.accountId, attempt.userName);
    if (!user) return undefined;
    return { accountId: user.account_id, arn: `arn:aws:iam::${user.account_id}:user/${user.user_name}`, userName: user.user_name, userId: user.user_id, accessKeyId: '' };
  }
  return (await findAccount(db, attempt.accountId)) ? { accountId: attempt.accountId, arn: rootArn(attempt.accountId), accessKeyId: '' } : undefined;
}

/** Ends the session the request was signed with; a long-term key has no session to end. */
export async function signOut(ctx: ServiceContext, principal: Principal) {
  if (!isSessionKeyId(principal.accessKeyId)) {
    throw new ValidationError('Sign-out ends a console session, but this request was signed with a long-term access key', [], 'OTHER');
  }
  await endConsoleSession(ctx.store.db, principal.accessKeyId, ctx.now());
  // Refused by every process from its next poll on (src/services/caches/), by this one at once.
  await ctx.caches.versions.bump(ctx.store.db, 'sessions');
  ctx.caches.versions.forget('sessions');
  return {};
}
