import type { FieldProblem } from '../errors';

/**
 * A check result as Plumbline keeps it, whatever scanner produced it: one check
 * (CheckId) run on one account, about zero or more resources, placed on the
 * best practices (PracticeIds, the lens choice ids) it gives evidence for.
 *
 * This is also the documented generic import format, one JSON object per line
 * (README, "Checks from scanners"):
 *   {"CheckId":"...","Name":"...","Description":"...","Status":"OKAY|WARNING|ERROR|NOT_AVAILABLE",
 *    "AccountId":"123456789012","Resources":[{"Id":"arn:...","Region":"eu-west-1"}],
 *    "PracticeIds":["sec_identities_enforce_mechanisms"],"Time":"2026-12-01T10:00:00Z"}
 */

export const CHECK_STATUSES = ['OKAY', 'WARNING', 'ERROR', 'NOT_AVAILABLE'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export interface FindingResource {
  Id: string;
  Name?: string;
  Region?: string;
  Type?: string;
}

export interface Finding {
  CheckId: string;
  Name: string;
  Description: string;
  Status: CheckStatus;
  AccountId: string;
  Resources: FindingResource[];
  PracticeIds: string[];
  /** Epoch milliseconds. */
  Time: number;
  /** What the scanner said about this result (kept with flagged resources). */
  Message?: string;
}

/**
 * Which status of one account's results for a check counts: a failure outweighs a
 * warning, which outweighs a pass; NOT_AVAILABLE (a check that needs a person) only
 * shows when nothing automated was found.
 */
const WEIGHT: Record<CheckStatus, number> = { NOT_AVAILABLE: 0, OKAY: 1, WARNING: 2, ERROR: 3 };

export const worseStatus = (a: CheckStatus, b: CheckStatus): CheckStatus => (WEIGHT[b] > WEIGHT[a] ? b : a);

/** A status that flags its resources (they need attention). */
export const flags = (status: CheckStatus) => status === 'WARNING' || status === 'ERROR';

const ACCOUNT_ID = /^\d{12}$/;
const MAX_TEXT = 2048;

function text(value: unknown, name: string, problems: FieldProblem[], required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) problems.push({ Name: name, Message: 'is required' });
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push({ Name: name, Message: 'must be a string' });
    return undefined;
  }
  if (value.length > MAX_TEXT) problems.push({ Name: name, Message: `must be at most ${MAX_TEXT} characters (is ${value.length})` });
  return value;
}

/** Epoch seconds, epoch milliseconds or ISO 8601 text, as epoch milliseconds. */
export function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
  if (typeof value === 'string' && value !== '') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}

/**
 * One line of the generic format, checked: the finding, or every problem named by
 * its member (`Resources[1].Id`), so that a whole file's mistakes can be shown at once.
 */
export function parseGenericFinding(value: unknown, defaultTime: number): { finding?: Finding; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [{ Name: '(line)', Message: 'must be a JSON object' }] };
  }
  const line = value as Record<string, unknown>;
  const checkId = text(line.CheckId, 'CheckId', problems, true);
  const name = text(line.Name, 'Name', problems, false) ?? checkId;
  const description = text(line.Description, 'Description', problems, false) ?? '';
  const message = text(line.Message, 'Message', problems, false);
  const status = line.Status;
  if (!CHECK_STATUSES.includes(status as CheckStatus)) {
    problems.push({ Name: 'Status', Message: `must be one of ${CHECK_STATUSES.join(', ')}` });
  }
  const accountId = line.AccountId;
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) problems.push({ Name: 'AccountId', Message: 'must be a 12-digit account id' });
  const practiceIds = line.PracticeIds;
  if (!Array.isArray(practiceIds) || practiceIds.some((p) => typeof p !== 'string' || p === '')) {
    problems.push({ Name: 'PracticeIds', Message: 'must be a list of best practice (choice) ids' });
  }
  const resources: FindingResource[] = [];
  if (line.Resources !== undefined) {
    if (!Array.isArray(line.Resources)) problems.push({ Name: 'Resources', Message: 'must be a list' });
    else {
      line.Resources.forEach((r: unknown, i) => {
        const at = `Resources[${i}]`;
        if (typeof r !== 'object' || r === null) return problems.push({ Name: at, Message: 'must be an object with an Id' });
        const res = r as Record<string, unknown>;
        const id = text(res.Id, `${at}.Id`, problems, true);
        if (id) {
          resources.push({
            Id: id,
            Name: text(res.Name, `${at}.Name`, problems, false),
            Region: text(res.Region, `${at}.Region`, problems, false),
            Type: text(res.Type, `${at}.Type`, problems, false),
          });
        }
      });
    }
  }
  const time = line.Time === undefined ? defaultTime : timeOf(line.Time);
  if (time === undefined) problems.push({ Name: 'Time', Message: 'must be epoch seconds or an ISO 8601 time' });
  if (problems.length) return { problems };
  return {
    problems,
    finding: {
      CheckId: checkId!,
      Name: name!,
      Description: description,
      Status: status as CheckStatus,
      AccountId: accountId as string,
      Resources: resources,
      PracticeIds: practiceIds as string[],
      Time: time!,
      Message: message,
    },
  };
}
