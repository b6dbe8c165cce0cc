import { isAccountId } from '../../domain/arn';
import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../domain/errors';
import { isUniqueViolation, type Trx } from '../../store/database';
import { deleteTarget, findTarget, insertTarget, listTargets, requeueFailed, updateTarget, type EventTargetRow } from '../../store/events.repo';
import { newResourceId } from '../account-resources';
import { mutate, read } from '../context';
import { requireAccountAdministrator, type IdentityContext } from '../identity/admin-access';
import { pageEnd, pageStart, type PageRequest } from '../identity/paging';
import type { Principal } from '../principal';
import { presentTargets } from './present';
import { checkPattern, enabledProblems, nameProblems, pathProblems, secretProblems, typeProblems, urlProblems } from './target-rules';

/**
 * The event targets of an account, administered by its root user through the admin
 * API. A target receives only its own account's events.
 */

export interface TargetScope {
  /** The account administered; the caller's own when absent. */
  AccountId?: string;
}

export interface TargetRef extends TargetScope {
  TargetId: string;
}

export interface TargetFields {
  Name?: string;
  Url?: string;
  Path?: string;
  Secret?: string;
  /** A JSON object (or its text); null removes the pattern. */
  Pattern?: unknown;
  Enabled?: boolean;
}

export function targetAccount(principal: Principal, input: TargetScope, action: string): string {
  if (input.AccountId !== undefined && !isAccountId(input.AccountId)) throw ValidationError.field('AccountId', 'must be 12 digits');
  const accountId = input.AccountId ?? principal.accountId;
  requireAccountAdministrator(principal, accountId, `plumbline:${action}`, `arn:aws:wellarchitected:*:${accountId}:event-target/*`);
  return accountId;
}

export async function existingTarget(trx: Trx, accountId: string, targetId: string): Promise<EventTargetRow> {
  const target = typeof targetId === 'string' ? await findTarget(trx, accountId, targetId) : undefined;
  if (!target) throw new NotFoundError(`Event target ${targetId} does not exist in account ${accountId}`, String(targetId), 'EVENT_TARGET');
  return target;
}

const nameTaken = (accountId: string, name: string) =>
  new ConflictError(`An event target named ${name} already exists in account ${accountId} (names are unique ignoring case)`, name, 'EVENT_TARGET');

/** The members a type of target takes; the others are refused rather than ignored. */
function memberProblems(type: string, input: TargetFields, creating: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const foreign = (name: keyof TargetFields) => problems.push({ Name: name, Message: `is not a setting of ${type} targets` });
  if (type === 'webhook') {
    if (input.Path !== undefined) foreign('Path');
    if (input.Url !== undefined || creating) problems.push(...urlProblems(input.Url));
    if (input.Secret !== undefined) problems.push(...secretProblems(input.Secret));
  } else {
    if (input.Url !== undefined) foreign('Url');
    if (input.Secret !== undefined) foreign('Secret');
    if (input.Path !== undefined || creating) problems.push(...pathProblems(input.Path));
  }
  if (input.Name !== undefined) problems.push(...nameProblems(input.Name));
  problems.push(...enabledProblems(input.Enabled));
  return problems;
}

/** The request as the audit trail may keep it: never the secret. */
const auditable = (input: object) => ({ ...input, Secret: undefined });

/** After a change of targets: this process reads them again now, the others on their next poll (src/services/caches/). */
async function refreshCache(ctx: IdentityContext): Promise<void> {
  await ctx.caches.versions.bump(ctx.store.db, 'targets');
  await ctx.events?.refresh();
}

export async function createEventTarget(ctx: IdentityContext, principal: Principal, input: TargetScope & TargetFields & { Type: string }) {
  const accountId = targetAccount(principal, input, 'CreateEventTarget');
  const problems = [...nameProblems(input.Name), ...typeProblems(input.Type)];
  if (!problems.length) problems.push(...memberProblems(input.Type, input, true));
  const { pattern, problems: patternProblems } = input.Pattern === undefined ? { pattern: null, problems: [] } : checkPattern(input.Pattern);
  problems.push(...patternProblems);
  if (problems.length) throw ValidationError.fields(problems);
  const secret = input.Type === 'webhook' ? (input.Secret ?? randomBytes(32).toString('hex')) : undefined;
  const now = ctx.now();
  const row: EventTargetRow = {
    id: newResourceId(),
    account_id: accountId,
    name: input.Name!,
    name_key: input.Name!.toLowerCase(),
    type: input.Type,
    url: input.Type === 'webhook' ? input.Url! : null,
    path: input.Type === 'file' ? input.Path! : null,
    secret_sealed: secret === undefined ? null : ctx.box.seal(secret),
    pattern: pattern === null ? null : JSON.stringify(pattern),
    enabled: input.Enabled === false ? 0 : 1,
    created_at: now,
    updated_at: now,
    last_attempt_at: null,
    last_status: null,
    last_error: null,
    last_success_at: null,
  };
  try {
    await mutate(ctx, { principal, operation: 'CreateEventTarget', request: auditable(input) }, (trx) => insertTarget(trx, row));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(accountId, row.name);
    throw error;
  }
  await refreshCache(ctx);
  const [target] = await presentTargets(ctx, [row]);
  // The secret is shown this once; afterwards only its use in signatures reveals it.
  return { EventTarget: target, ...(secret !== undefined ? { Secret: secret } : {}) };
}

export async function listEventTargets(ctx: IdentityContext, principal: Principal, input: TargetScope & PageRequest) {
  const accountId = targetAccount(principal, input, 'ListEventTargets');
  const { after, limit } = pageStart(input);
  const rows = await read(ctx, (trx) => listTargets(trx, accountId, after, limit + 1));
  const page = pageEnd(rows, limit, (row) => row.name_key);
  return { EventTargets: await presentTargets(ctx, page.items), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

export async function getEventTarget(ctx: IdentityContext, principal: Principal, input: TargetRef) {
  const accountId = targetAccount(principal, input, 'GetEventTarget');
  const row = await read(ctx, (trx) => existingTarget(trx, accountId, input.TargetId));
  const [target] = await presentTargets(ctx, [row]);
  return { EventTarget: target };
}

export async function updateEventTarget(ctx: IdentityContext, principal: Principal, input: TargetRef & TargetFields) {
  const accountId = targetAccount(principal, input, 'UpdateEventTarget');
  const updated = await mutate(ctx, { principal, operation: 'UpdateEventTarget', request: auditable(input) }, async (trx) => {
    const row = await existingTarget(trx, accountId, input.TargetId);
    const problems = memberProblems(row.type, input, false);
    if ((input as { Type?: unknown }).Type !== undefined && (input as { Type?: unknown }).Type !== row.type) {
      problems.push({ Name: 'Type', Message: `cannot be changed (this target is a ${row.type} target); create a new target instead` });
    }
    const checked = input.Pattern === undefined ? undefined : checkPattern(input.Pattern);
    problems.push(...(checked?.problems ?? []));
    if (problems.length) throw ValidationError.fields(problems);
    const changes: Partial<EventTargetRow> = { updated_at: ctx.now() };
    if (input.Name !== undefined) Object.assign(changes, { name: input.Name, name_key: input.Name.toLowerCase() });
    if (input.Url !== undefined) changes.url = input.Url;
    if (input.Path !== undefined) changes.path = input.Path;
    if (input.Secret !== undefined) changes.secret_sealed = ctx.box.seal(input.Secret);
    if (checked) changes.pattern = checked.pattern === null ? null : JSON.stringify(checked.pattern);
    if (input.Enabled !== undefined) changes.enabled = input.Enabled ? 1 : 0;
    try {
      await updateTarget(trx, row.id, changes);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(accountId, input.Name!);
      throw error;
    }
    return { ...row, ...changes };
  });
  await refreshCache(ctx);
  const [target] = await presentTargets(ctx, [updated]);
  return { EventTarget: target };
}

export async function deleteEventTarget(ctx: IdentityContext, principal: Principal, input: TargetRef) {
  const accountId = targetAccount(principal, input, 'DeleteEventTarget');
  await mutate(ctx, { principal, operation: 'DeleteEventTarget', request: input }, async (trx) => {
    const row = await existingTarget(trx, accountId, input.TargetId);
    await deleteTarget(trx, row.id);
  });
  await refreshCache(ctx);
  return {};
}

/** Deliveries given up on become due again, e.g. once the endpoint is fixed. */
export async function redriveEventTarget(ctx: IdentityContext, principal: Principal, input: TargetRef) {
  const accountId = targetAccount(principal, input, 'RedriveEventTarget');
  const count = await mutate(ctx, { principal, operation: 'RedriveEventTarget', request: input }, async (trx) => {
    const row = await existingTarget(trx, accountId, input.TargetId);
    return requeueFailed(trx, row.id, ctx.now());
  });
  return { RequeuedCount: count };
}
