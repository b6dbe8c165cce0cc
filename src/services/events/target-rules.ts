import type { FieldProblem } from '../../domain/errors';
import { EVENT_ACTIONS } from '../../domain/events/actions';
import { compilePattern, type CompiledPattern, type EventMatcher } from '../../domain/events/pattern';

/** What a stored event target must satisfy, checked when it is saved. */

export const TARGET_TYPES = ['webhook', 'file'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

const NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/;
const PATH_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/;
const URL_MAX = 2048;
const SECRET = /^[\x21-\x7e]{16,256}$/;

/**
 * The fields an event has, and those of its detail (the audit record), for clear errors
 * on typos. Not `id`: it is random, so a pattern on it could only ever match by chance.
 */
const KNOWN_FIELDS: Record<string, readonly string[]> = {
  '': ['version', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'],
  detail: [
    'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent',
    'requestParameters', 'responseElements', 'errorCode', 'errorMessage', 'requestID', 'eventID', 'readOnly', 'eventType',
    'recipientAccountId', 'resources',
  ],
  'detail.userIdentity': ['type', 'principalId', 'arn', 'accountId', 'accessKeyId', 'userName'],
};

export function nameProblems(name: unknown): FieldProblem[] {
  if (typeof name === 'string' && NAME.test(name)) return [];
  return [{ Name: 'Name', Message: 'must be 1-64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit' }];
}

export function typeProblems(type: unknown): FieldProblem[] {
  if (TARGET_TYPES.includes(type as TargetType)) return [];
  return [{ Name: 'Type', Message: `must be one of ${TARGET_TYPES.join(', ')}` }];
}

export function urlProblems(url: unknown): FieldProblem[] {
  const problem = (Message: string) => [{ Name: 'Url', Message }];
  if (typeof url !== 'string' || url.length > URL_MAX) return problem(`must be an http or https URL of at most ${URL_MAX} characters`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return problem('is not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return problem('must use http or https');
  if (parsed.username || parsed.password) return problem('must not hold credentials; the signature header authenticates deliveries');
  return [];
}

/** A file target's path is relative to its account's directory under the events directory. */
export function pathProblems(path: unknown): FieldProblem[] {
  const ok = typeof path === 'string' && path.length <= 200 && path.split('/').every((segment) => PATH_SEGMENT.test(segment));
  if (ok) return [];
  return [{ Name: 'Path', Message: 'must be a relative file path of at most 200 characters, each part letters, digits, dots, dashes or underscores (no "..")' }];
}

export function secretProblems(secret: unknown): FieldProblem[] {
  if (typeof secret === 'string' && SECRET.test(secret)) return [];
  return [{ Name: 'Secret', Message: 'must be 16-256 printable characters without spaces' }];
}

export function enabledProblems(enabled: unknown): FieldProblem[] {
  return enabled === undefined || typeof enabled === 'boolean' ? [] : [{ Name: 'Enabled', Message: 'must be true or false' }];
}

/** The pattern as given (an object, or JSON text of one), checked; `null` means no pattern. */
export function checkPattern(input: unknown): { pattern: Record<string, unknown> | null; problems: FieldProblem[] } {
  if (input === null) return { pattern: null, problems: [] };
  let pattern = input;
  if (typeof input === 'string') {
    try {
      pattern = JSON.parse(input);
    } catch (error) {
      return { pattern: null, problems: [{ Name: 'Pattern', Message: `is not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const compiled = compile(pattern);
  if (!compiled.ok) return { pattern: null, problems: compiled.problems };
  return { pattern: pattern as Record<string, unknown>, problems: eventNameProblems(pattern as Record<string, unknown>) };
}

/** A literal event name that no action produces is surely a typo: say so now rather than never match. */
function eventNameProblems(pattern: Record<string, unknown>): FieldProblem[] {
  const detail = pattern.detail as Record<string, unknown> | undefined;
  const names = detail && typeof detail === 'object' ? detail.eventName : undefined;
  if (!Array.isArray(names)) return [];
  return names.flatMap((name, index) =>
    typeof name === 'string' && !EVENT_ACTIONS.has(name)
      ? [{ Name: `Pattern.detail.eventName[${index}]`, Message: `${name} is not an action that produces events; those are ${[...EVENT_ACTIONS].join(', ')}` }]
      : [],
  );
}

const compile = (pattern: unknown): CompiledPattern => compilePattern(pattern, { knownFields: KNOWN_FIELDS, name: 'Pattern' });

/** A stored pattern was checked when saved; should one stop compiling, it matches nothing rather than everything. */
export function compileStoredPattern(stored: string | null): EventMatcher | undefined {
  if (stored === null) return undefined;
  const compiled = compile(JSON.parse(stored));
  return compiled.ok ? compiled.match : () => false;
}
