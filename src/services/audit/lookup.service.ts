import type { AuditRecord } from '../../domain/audit/record';
import { ValidationError, type FieldProblem } from '../../domain/errors';
import { queryAuditRows } from '../../store/audit.repo';
import { read } from '../context';
import { requireAccountAdministrator, requireDefaultRoot, userArn, type IdentityContext } from '../identity/admin-access';
import { pageEnd, pageStart, type PageRequest } from '../identity/paging';
import { ACCOUNT_ID, patternProblems, userNameProblems } from '../identity/rules';
import type { Principal } from '../principal';
import type { AuditTrail } from './trail';

/** The admin API's view of the audit trail: one account's records, newest first, filtered. */

export interface AuditContext extends IdentityContext {
  audit: AuditTrail;
}

export interface AuditLookupInput extends PageRequest {
  AccountId?: string;
  PrincipalArn?: string;
  UserName?: string;
  EventName?: string;
  ResourceArn?: string;
  /** Epoch seconds, inclusive (query members arrive as text). */
  StartTime?: number | string;
  EndTime?: number | string;
  ReadOnly?: boolean | string;
}

const ACTION = 'cloudtrail:LookupEvents';

/**
 * An account's root user, and its IAM users allowed plumbline:ListAuditRecords,
 * read its own account's trail; the default account's root user, which
 * administers accounts, may name any account.
 */
export function trailAccount(ctx: AuditContext, principal: Principal, input: Pick<AuditLookupInput, 'AccountId'>): string {
  const problems = patternProblems('AccountId', input.AccountId, ACCOUNT_ID, '12 digits', false);
  if (problems.length) throw ValidationError.fields(problems);
  const accountId = input.AccountId ?? principal.accountId;
  const resource = `arn:aws:cloudtrail:${ctx.region}:${accountId}:trail/plumbline`;
  if (accountId === principal.accountId) requireAccountAdministrator(principal, accountId, ACTION, resource);
  else requireDefaultRoot(ctx, principal, ACTION, resource);
  return accountId;
}

function epochMillis(name: string, value: number | string | undefined, problems: FieldProblem[]): number | undefined {
  if (value === undefined) return undefined;
  const seconds = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    problems.push({ Name: name, Message: 'must be a time in epoch seconds (for example 1700000000)' });
    return undefined;
  }
  return Math.floor(seconds * 1000);
}

function text(name: string, value: unknown, max: number, problems: FieldProblem[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > max) {
    problems.push({ Name: name, Message: `must be text of 1 to ${max} characters` });
    return undefined;
  }
  return value;
}

function readOnlyFilter(value: boolean | string | undefined, problems: FieldProblem[]): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  problems.push({ Name: 'ReadOnly', Message: 'must be true or false' });
  return undefined;
}

/** The page key: the last record's time and id, so records of the same millisecond are never skipped or repeated. */
function parseKey(key: string | undefined): { time: number; eventId: string } | undefined {
  if (key === undefined) return undefined;
  const dot = key.indexOf('.');
  const time = Number(key.slice(0, dot));
  if (dot < 1 || !Number.isInteger(time)) throw ValidationError.field('NextToken', 'is not a token this list returned');
  return { time, eventId: key.slice(dot + 1) };
}

export async function lookupAuditRecords(ctx: AuditContext, principal: Principal, input: AuditLookupInput) {
  const accountId = trailAccount(ctx, principal, input);
  const problems: FieldProblem[] = [];
  const principalArn = text('PrincipalArn', input.PrincipalArn, 256, problems);
  if (input.UserName !== undefined) {
    problems.push(...userNameProblems(input.UserName));
    if (principalArn !== undefined) problems.push({ Name: 'UserName', Message: 'give either UserName or PrincipalArn, not both' });
  }
  const eventName = text('EventName', input.EventName, 64, problems);
  const resourceArn = text('ResourceArn', input.ResourceArn, 1024, problems);
  const startTime = epochMillis('StartTime', input.StartTime, problems);
  // EndTime is inclusive to the second it names.
  const endTime = epochMillis('EndTime', input.EndTime, problems);
  const readOnly = readOnlyFilter(input.ReadOnly, problems);
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    problems.push({ Name: 'EndTime', Message: 'must not be before StartTime' });
  }
  if (problems.length) throw ValidationError.fields(problems);
  const { after, limit } = pageStart(input);
  // Records of this process's recent reads and failures are still in memory: write them first.
  await ctx.audit.flush();
  const rows = await read(ctx, (trx) =>
    queryAuditRows(trx, {
      accountId,
      principalArn: input.UserName !== undefined ? userArn(accountId, input.UserName) : principalArn,
      eventName,
      resourceArn,
      readOnly,
      startTime,
      endTime: endTime === undefined ? undefined : endTime + 999,
      before: parseKey(after),
      limit: limit + 1,
    }),
  );
  const page = pageEnd(rows, limit, (r) => `${r.event_time}.${r.event_id}`);
  return {
    Records: page.items.map((r) => JSON.parse(r.record) as AuditRecord),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}
