import { signedCall } from './export-command';
import { UsageError, type ClientEnvironment } from './signed-request';

/**
 * `plumbline audit lookup ...`: the audit trail of an account through the admin
 * API (ListAuditRecords), newest first, as JSON.
 */

export const AUDIT_USAGE = `usage: plumbline audit lookup [options] [--endpoint-url URL]
  --event-name NAME          only calls of this operation (CreateWorkload, UpdateAnswer, ...)
  --user-name NAME           only calls by this IAM user of the account
  --principal-arn ARN        only calls by this principal (arn:aws:iam::<account>:root or :user/<name>)
  --resource-arn ARN         only calls about this resource (a workload, lens, profile or template ARN)
  --read-only true|false     only reads, or only writes
  --start-time TIME          from this time on (ISO 8601 such as 2026-11-25T08:00:00Z, or epoch seconds)
  --end-time TIME            up to this time, inclusive
  --account-id ID            another account's trail (the default account's root user only)
  --max-results N            records per page (1-1000, default 100)
  --next-token TOKEN         the page after the one that returned this token
  --all                      every page, printed as one list
  credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY of an account's root user; region: AWS_REGION
  (or AWS_DEFAULT_REGION, default us-east-1); endpoint: --endpoint-url or AWS_ENDPOINT_URL`;

const QUERY_FLAGS: Record<string, string> = {
  '--event-name': 'EventName',
  '--user-name': 'UserName',
  '--principal-arn': 'PrincipalArn',
  '--resource-arn': 'ResourceArn',
  '--read-only': 'ReadOnly',
  '--start-time': 'StartTime',
  '--end-time': 'EndTime',
  '--account-id': 'AccountId',
  '--max-results': 'MaxResults',
  '--next-token': 'NextToken',
};

/** ISO 8601 or epoch seconds, as epoch seconds for the API. */
export function epochSeconds(flag: string, value: string): string {
  if (/^\d+(\.\d+)?$/.test(value)) return value;
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) throw new UsageError(`${flag} must be an ISO 8601 time (2026-11-25T08:00:00Z) or epoch seconds, not '${value}'`);
  return String(millis / 1000);
}

function parseLookup(args: string[]): { query: Record<string, string>; all: boolean; endpoint?: string } {
  const query: Record<string, string> = {};
  let all = false;
  let endpoint: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--all') {
      all = true;
      continue;
    }
    const value = args[++i];
    if (!flag.startsWith('--') || value === undefined) throw new UsageError(`expected --option value, got '${flag}'`);
    if (flag === '--endpoint-url') endpoint = value;
    else if (QUERY_FLAGS[flag]) query[QUERY_FLAGS[flag]] = flag.endsWith('-time') ? epochSeconds(flag, value) : value;
    else throw new UsageError(`unknown option ${flag}`);
  }
  if (all && query.NextToken) throw new UsageError('--all reads every page itself: leave out --next-token');
  return { query, all, endpoint };
}

interface Page {
  Records: unknown[];
  NextToken?: string;
}

/** Runs `plumbline audit`; returns the exit code (0 done, 1 the call failed, 2 bad usage). */
export async function runAuditCommand(args: string[], out: (s: string) => void, err: (s: string) => void, env: ClientEnvironment): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === 'help' || verb === '--help') return err(AUDIT_USAGE), verb === undefined ? 2 : 0;
  try {
    if (verb !== 'lookup') throw new UsageError(`unknown audit command '${verb}' (try: plumbline audit lookup)`);
    const { query, all, endpoint } = parseLookup(rest);
    const records: unknown[] = [];
    let next: string | undefined;
    do {
      const result = await signedCall(env, endpoint, 'ListAuditRecords', next ? { ...query, NextToken: next } : query);
      if (!result.ok) return err(result.message), 1;
      const page = JSON.parse(result.bytes.toString('utf8')) as Page;
      if (!all) return out(JSON.stringify(page, null, 2)), 0;
      records.push(...page.Records);
      next = page.NextToken;
    } while (next);
    out(JSON.stringify({ Records: records }, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return err(`${error.message}\n${AUDIT_USAGE}`), 2;
    throw error;
  }
}
