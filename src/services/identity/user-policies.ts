import { NotFoundError, QuotaError, ValidationError, type FieldProblem } from '../../domain/errors';
import { INLINE_POLICY_MAX_CHARS, MANAGED_POLICIES, managedPolicyByArn, parsePolicy, policyCharCount } from '../../domain/iam';
import {
  attachManagedPolicy,
  deleteUserPolicy as deleteUserPolicyRow,
  detachManagedPolicy,
  listManagedPolicyArns,
  listUserPolicies as listUserPolicyRows,
  putUserPolicy as putUserPolicyRow,
} from '../../store/identity.repo';
import { mutate, read } from '../context';
import type { Principal } from '../principal';
import type { IdentityContext } from './admin-access';
import { policyNameProblems, userNameProblems } from './rules';
import { administeredAccount, existingUser, type UserInput } from './users.service';

/** Inline policies and managed-policy attachments of users. */

/**
 * Every call of a user evaluates all its policies, so their number is bounded; this
 * also keeps the policy list of a user short enough to answer in one page.
 */
export const MAX_INLINE_POLICIES = 10;

/** The managed policies a user can be given (named in errors). */
const KNOWN_ARNS = Object.values(MANAGED_POLICIES).map((p) => p.arn);

/** Checks a document; returns the text to store or throws with every problem, each at its path. */
export function validatePolicyDocument(document: unknown): string {
  const problems: FieldProblem[] = [];
  let text: string;
  if (typeof document === 'string') text = document;
  else if (typeof document === 'object' && document !== null && !Array.isArray(document)) text = JSON.stringify(document);
  else throw ValidationError.field('PolicyDocument', 'is required: a policy document (JSON text or object)');
  const size = policyCharCount(text);
  if (size > INLINE_POLICY_MAX_CHARS) {
    problems.push({ Name: 'PolicyDocument', Message: `is ${size} characters (white space not counted); the most is ${INLINE_POLICY_MAX_CHARS}` });
  }
  const parsed = parsePolicy(text);
  if (!parsed.ok) {
    for (const p of parsed.problems) problems.push({ Name: p.path ? `PolicyDocument.${p.path}` : 'PolicyDocument', Message: p.message });
  }
  if (problems.length) throw ValidationError.fields(problems);
  return text;
}

function checkNames(...problems: FieldProblem[][]): void {
  const all = problems.flat();
  if (all.length) throw ValidationError.fields(all);
}

export async function putUserPolicy(ctx: IdentityContext, principal: Principal, input: UserInput & { PolicyName: string; PolicyDocument: unknown }) {
  const accountId = administeredAccount(principal, input, 'iam:PutUserPolicy', input.UserName);
  checkNames(userNameProblems(input.UserName), policyNameProblems(input.PolicyName));
  const document = validatePolicyDocument(input.PolicyDocument);
  await mutate(ctx, { principal, operation: 'PutUserPolicy' }, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    const names = (await listUserPolicyRows(trx, accountId, user.user_name)).map((p) => p.policy_name);
    if (!names.includes(input.PolicyName) && names.length >= MAX_INLINE_POLICIES) {
      throw new QuotaError(
        `User ${user.user_name} already has ${MAX_INLINE_POLICIES} inline policies (the most a user can have); replace or delete one`,
        'INLINE_POLICIES_PER_USER',
        'POLICY',
      );
    }
    await putUserPolicyRow(trx, { accountId, userName: user.user_name, policyName: input.PolicyName, document, at: ctx.now() });
    // Every process drops its cached policies once this commits (src/services/caches/).
    await ctx.caches.versions.bump(trx, 'policies');
    return user.user_name;
  });
  ctx.caches.versions.forget('policies');
  return {};
}

export async function deleteUserPolicy(ctx: IdentityContext, principal: Principal, input: UserInput & { PolicyName: string }) {
  const accountId = administeredAccount(principal, input, 'iam:DeleteUserPolicy', input.UserName);
  checkNames(userNameProblems(input.UserName), policyNameProblems(input.PolicyName));
  await mutate(ctx, { principal, operation: 'DeleteUserPolicy' }, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    if (!(await deleteUserPolicyRow(trx, accountId, user.user_name, input.PolicyName))) {
      throw new NotFoundError(`User ${user.user_name} has no inline policy ${input.PolicyName}`, input.PolicyName, 'POLICY');
    }
    // Every process drops its cached policies once this commits (src/services/caches/).
    await ctx.caches.versions.bump(trx, 'policies');
    return user.user_name;
  });
  ctx.caches.versions.forget('policies');
  return {};
}

export async function listUserPolicies(ctx: IdentityContext, principal: Principal, input: UserInput) {
  const accountId = administeredAccount(principal, input, 'iam:ListUserPolicies', input.UserName);
  return read(ctx, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    const inline = await listUserPolicyRows(trx, accountId, user.user_name);
    const attached = await listManagedPolicyArns(trx, accountId, user.user_name);
    return {
      Policies: inline.map((p) => ({ PolicyName: p.policy_name, PolicyDocument: p.document })),
      AttachedPolicies: attached.map((arn) => ({ PolicyArn: arn, PolicyName: managedPolicyByArn(arn)?.name ?? arn })),
    };
  });
}

function knownManagedPolicy(arn: unknown): string {
  if (typeof arn === 'string' && managedPolicyByArn(arn)) return arn;
  throw ValidationError.field('PolicyArn', `must be the ARN of a managed policy: ${KNOWN_ARNS.join(' or ')}`);
}

export async function attachUserPolicy(ctx: IdentityContext, principal: Principal, input: UserInput & { PolicyArn: string }) {
  const accountId = administeredAccount(principal, input, 'iam:AttachUserPolicy', input.UserName);
  checkNames(userNameProblems(input.UserName));
  const arn = knownManagedPolicy(input.PolicyArn);
  await mutate(ctx, { principal, operation: 'AttachUserPolicy' }, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    await attachManagedPolicy(trx, accountId, user.user_name, arn, ctx.now());
    // Every process drops its cached policies once this commits (src/services/caches/).
    await ctx.caches.versions.bump(trx, 'policies');
    return user.user_name;
  });
  ctx.caches.versions.forget('policies');
  return {};
}

export async function detachUserPolicy(ctx: IdentityContext, principal: Principal, input: UserInput & { PolicyArn: string }) {
  const accountId = administeredAccount(principal, input, 'iam:DetachUserPolicy', input.UserName);
  checkNames(userNameProblems(input.UserName));
  const arn = knownManagedPolicy(input.PolicyArn);
  await mutate(ctx, { principal, operation: 'DetachUserPolicy' }, async (trx) => {
    const user = await existingUser(trx, accountId, input.UserName);
    if (!(await detachManagedPolicy(trx, accountId, user.user_name, arn))) {
      throw new NotFoundError(`Policy ${arn} is not attached to user ${user.user_name}`, arn, 'POLICY');
    }
    // Every process drops its cached policies once this commits (src/services/caches/).
    await ctx.caches.versions.bump(trx, 'policies');
    return user.user_name;
  });
  ctx.caches.versions.forget('policies');
  return {};
}
