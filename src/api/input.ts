import type { FieldProblem } from '../domain/errors';
import { shapes, type OperationModel, type Shape } from './model';

/**
 * Binds an operation's members from path labels, query and body as the model
 * says, and checks them against the model's constraint tables. Every failing
 * member is reported, with its rule.
 */

const patternCache = new Map<string, RegExp>();
function compiledPattern(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = new RegExp(pattern);
    }
    patternCache.set(pattern, re);
  }
  return re;
}

/** Length in code points (a surrogate pair counts once), without splitting the string. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function fail(problems: FieldProblem[], name: string, message: string): void {
  problems.push({ Name: name, Message: message });
}

/**
 * What no store may be handed: NUL (PostgreSQL refuses it in text, SQLite keeps
 * it) and a surrogate without its pair (not Unicode; PostgreSQL refuses its
 * UTF-8 form). Refused here, so both stores answer the same 400.
 */
export function badCharacters(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return 'must not contain the NUL character (U+0000)';
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) return 'must not contain an unpaired surrogate (text that is not valid Unicode)';
      i++;
    }
  }
  return undefined;
}

/** A free-form JSON member (a policy or pattern document, an imported file): only its text is checked. */
function checkDocument(value: unknown, name: string, problems: FieldProblem[]): void {
  if (typeof value === 'string') {
    const bad = badCharacters(value);
    if (bad) fail(problems, name, bad);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkDocument(value[i], `${name}[${i}]`, problems);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const bad = badCharacters(k);
      if (bad) fail(problems, `${name} key`, bad);
      else checkDocument(v, `${name}.${k}`, problems);
    }
  }
}

/**
 * The range a number must be in for the store's columns when the model gives
 * none: 32-bit for an integer, exact in a double for a long, and a timestamp
 * from 1970 to the year 9999 (epoch seconds).
 */
const INTEGER_RANGE = { min: -2147483648, max: 2147483647 };
const LONG_RANGE = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
const TIMESTAMP_RANGE = { min: 0, max: 253402300799 };

function checkRange(value: number, shape: Shape, implicit: { min: number; max: number } | undefined, name: string, problems: FieldProblem[]): void {
  const min = shape.min ?? implicit?.min;
  const max = shape.max ?? implicit?.max;
  if (min !== undefined && value < min) fail(problems, name, `must be at least ${min}`);
  else if (max !== undefined && value > max) fail(problems, name, `must be at most ${max}`);
}

export function checkValue(value: unknown, shapeName: string, name: string, problems: FieldProblem[]): void {
  const shape: Shape | undefined = shapes[shapeName];
  if (!shape) return;
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') return fail(problems, name, `must be a string, not ${describe(value)}`);
      const bad = badCharacters(value);
      if (bad) return fail(problems, name, bad);
      const len = codePoints(value);
      if (shape.minLength !== undefined && len < shape.minLength) {
        return fail(problems, name, `must be at least ${shape.minLength} characters long (is ${len})`);
      }
      if (shape.maxLength !== undefined && len > shape.maxLength) {
        return fail(problems, name, `must be at most ${shape.maxLength} characters long (is ${len})`);
      }
      if (shape.enum && !shape.enum.includes(value)) return fail(problems, name, `must be one of ${shape.enum.join(', ')}`);
      if (shape.pattern && !compiledPattern(shape.pattern).test(value)) {
        return fail(problems, name, shape.patternHint ? `must be ${shape.patternHint}` : `must match the pattern ${shape.pattern}`);
      }
      return;
    }
    case 'integer':
    case 'long':
    case 'double': {
      if (typeof value !== 'number' || !Number.isFinite(value) || (shape.type !== 'double' && !Number.isInteger(value))) {
        return fail(problems, name, `must be ${shape.type === 'double' ? 'a number' : 'an integer'}`);
      }
      return checkRange(value, shape, shape.type === 'integer' ? INTEGER_RANGE : shape.type === 'long' ? LONG_RANGE : undefined, name, problems);
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail(problems, name, 'must be true or false');
      return;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(problems, name, 'must be a timestamp in epoch seconds');
      return checkRange(value, shape, TIMESTAMP_RANGE, name, problems);
    case 'document':
      return checkDocument(value, name, problems);
    case 'list': {
      if (!Array.isArray(value)) return fail(problems, name, `must be a list, not ${describe(value)}`);
      if (shape.minItems !== undefined && value.length < shape.minItems) {
        fail(problems, name, `must have at least ${shape.minItems} item(s) (has ${value.length})`);
      }
      if (shape.maxItems !== undefined && value.length > shape.maxItems) {
        fail(problems, name, `must have at most ${shape.maxItems} item(s) (has ${value.length})`);
      }
      for (let i = 0; i < value.length; i++) checkValue(value[i], shape.member as string, `${name}[${i}]`, problems);
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return fail(problems, name, `must be a map, not ${describe(value)}`);
      }
      const entries = Object.entries(value);
      if (shape.minEntries !== undefined && entries.length < shape.minEntries) {
        fail(problems, name, `must have at least ${shape.minEntries} entr${shape.minEntries === 1 ? 'y' : 'ies'} (has ${entries.length})`);
      }
      if (shape.maxEntries !== undefined && entries.length > shape.maxEntries) {
        fail(problems, name, `must have at most ${shape.maxEntries} entries (has ${entries.length})`);
      }
      for (const [k, v] of entries) {
        checkValue(k, shape.key as string, `${name} key '${k}'`, problems);
        checkValue(v, shape.value as string, `${name}.${k}`, problems);
      }
      return;
    }
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return fail(problems, name, `must be an object, not ${describe(value)}`);
      }
      const record = value as Record<string, unknown>;
      for (const [memberName, member] of Object.entries(shape.members ?? {})) {
        const v = record[memberName];
        if (v === undefined || v === null) {
          if (member.required) problems.push({ Name: `${name}.${memberName}`, Message: 'is required' });
          continue;
        }
        checkValue(v, member.shape, `${name}.${memberName}`, problems);
      }
      return;
    }
    default:
      return;
  }

}

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Path labels and query values arrive as text; numbers and booleans are
 * converted as the model types them (the one binder of every MilestoneNumber,
 * MaxResults and time). Text that is no number stays text, so the check names
 * the member and says what it must be.
 */
function fromText(raw: string, shapeName: string, type: string): unknown {
  const target = shapes[shapeName]?.type ?? type;
  if (target === 'integer' || target === 'long') return INTEGER_TEXT.test(raw) ? Number(raw) : raw;
  if (target === 'double' || target === 'timestamp') return NUMBER_TEXT.test(raw) ? Number(raw) : raw;
  if (target === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function fromQuery(params: URLSearchParams, wireName: string, shapeName: string, type: string): unknown {
  if (type === 'list') {
    const all = params.getAll(wireName);
    return all.length ? all : undefined;
  }
  const raw = params.get(wireName);
  return raw === null ? undefined : fromText(raw, shapeName, type);
}

export interface BoundInput {
  input: Record<string, unknown>;
  problems: FieldProblem[];
}

export function bindInput(
  op: OperationModel,
  labels: Record<string, string>,
  query: URLSearchParams,
  body: Record<string, unknown>,
  /** A streaming payload member's value: the body, unread (./verified-body.ts). */
  streamed?: unknown,
): BoundInput {
  const input: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const member of op.input) {
    let value: unknown;
    if (member.location === 'path') {
      const raw = labels[member.wireName];
      value = raw === undefined ? undefined : fromText(raw, member.shape, member.type);
    }
    else if (member.location === 'query') value = fromQuery(query, member.wireName, member.shape, member.type);
    else if (member.location === 'payload') value = member === op.streamingPayload ? streamed : body;
    else value = body[member.wireName];
    if (value === undefined || value === null) {
      if (member.required) problems.push({ Name: member.name, Message: 'is required' });
      // A free-form member given as null says "remove it" (an event target's Pattern).
      else if (value === null && member.type === 'document') input[member.name] = null;
      continue;
    }
    const before = problems.length;
    checkValue(value, member.shape, member.name, problems);
    if (problems.length === before) input[member.name] = value;
  }
  return { input, problems };
}
