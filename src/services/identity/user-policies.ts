import { NotFoundError, QuotaError, ValidationError, type FieldProblem } from '../../domain/errors';
import { INLINE_POLICY_MAX_CHARS, MANAGED_POLICIES, managedPolicyByArn, parsePolicy, policyCharCount } from '../../domain/iam';
import type { Trx } from '../../store/database';
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

/**
 * A change to one existing user's policies, in one transaction. Every process
 * drops its cached policies once it commits (src/services/caches/).
 */
async function changePolicies(
  ctx: IdentityContext,
  principal: Principal,
  operation: string,
  user: { accountId: string; userName: string },
  change: (trx: Trx, userName: string) => Promise<void>,
) {
  await mutate(ctx, { principal, operation }, async (trx) => {
    const { user_name: userName } = await existingUser(trx, user.accountId, user.userName);
    await change(trx, userName);
    await ctx.caches.versions.bump(trx, 'policies');
    return userName;
  });
  ctx.caches.versions.forget('policies');
  return {};
}

export async function putUserPolicy(ctx: IdentityContext, principal: Principal, input: UserInput & { PolicyName: string; PolicyDocument: unknown }) {
  const accountId = administeredAccount(principal, input, 'iam:PutUserPolicy', input.UserName);
  checkNames(userNameProblems(input.UserName), policyNameProblems(input.PolicyName));
  const document = validatePolicyDocument(input.PolicyDocument);
  return changePolicies(ctx, principal, 'PutUserPolicy', { accountId, userName: input.UserName }, async (trx, userName) => {
    const names = (await listUserPolicyRows(trx, accountId, userName)).map((p) => p.policy_name);
    if (!names.includes(input.PolicyName) && names.length >= MAX_INLINE_POLICIES) {
      throw new QuotaError(
        `User ${userName} already has ${MAX_INLINE_POLICIES} inline policies (the most a user can have); replace or delete one`,
        'INLINE_POLICIES_PER_USER',
        'POLICY',
      );
    }
    await putUserPolicyRow(trx, { accountId, userName, policyName: input.PolicyName, document, at: ctx.now() });
  });
}

export async function deleteUserPolicy(ctx: IdentityContext, principal: Principal, input: UserInput & { PolicyName: string }) {
  const accountId = administeredAccount(principal, input, 'iam:DeleteUserPolicy', input.UserName);
  checkNames(userNameProblems(input.UserName), policyNameProblems(input.PolicyName));
  return changePolicies(ctx, principal, 'DeleteUserPolicy', { accountId, userName: input.UserName }, async (trx, userName) => {
    if (!(await deleteUserPolicyRow(trx, accountId, userName, input.PolicyName))) {
      throw new NotFoundError(`User ${userName} has no inline policy ${input.PolicyName}`, input.PolicyName, 'POLICY');
    }
  });
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
  return changePolicies(ctx, principal, 'AttachUserPolicy', { accountId, userName: input.UserName }, async (trx, userName) => {
    await attachManagedPolicy(trx, accountId, userName, arn, ctx.now());
  });
}

export async function detachUserPolicy(ctx: IdentityContext, principal: Principal, input: UserInput & { PolicyArn: string }) {
  const accountId = administeredAccount(principal, input, 'iam:DetachUserPolicy', input.UserName);
  checkNames(userNameProblems(input.UserName));
  const arn = knownManagedPolicy(input.PolicyArn);
  return changePolicies(ctx, principal, 'DetachUserPolicy', { accountId, userName: input.UserName }, async (trx, userName) => {
    if (!(await detachManagedPolicy(trx, accountId, userName, arn))) {
      throw new NotFoundError(`Policy ${arn} is not attached to user ${userName}`, arn, 'POLICY');
    }
  });
}
