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

export function checkValue(value: unknown, shapeName: string, name: string, problems: FieldProblem[]): void {
  const shape: Shape | undefined = shapes[shapeName];
  if (!shape) return;
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') return fail(problems, name, `must be a string, not ${describe(value)}`);
      const len = codePoints(value);
      if (shape.minLength !== undefined && len < shape.minLength) {
        return fail(problems, name, `must be at least ${shape.minLength} characters long (is ${len})`);
      }
      if (shape.maxLength !== undefined && len > shape.maxLength) {
        return fail(problems, name, `must be at most ${shape.maxLength} characters long (is ${len})`);
      }
      if (shape.enum && !shape.enum.includes(value)) return fail(problems, name, `must be one of ${shape.enum.join(', ')}`);
      if (shape.pattern && !compiledPattern(shape.pattern).test(value)) {
        return fail(problems, name, `must match the pattern ${shape.pattern}`);
      }
      return;
    }
    case 'integer':
    case 'long':
    case 'double': {
      if (typeof value !== 'number' || !Number.isFinite(value) || (shape.type !== 'double' && !Number.isInteger(value))) {
        return fail(problems, name, `must be ${shape.type === 'double' ? 'a number' : 'an integer'}`);
      }
      if (shape.min !== undefined && value < shape.min) return fail(problems, name, `must be at least ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) return fail(problems, name, `must be at most ${shape.max}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail(problems, name, 'must be true or false');
      return;
    case 'timestamp':
      if (typeof value !== 'number') fail(problems, name, 'must be a timestamp in epoch seconds');
      return;
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

/** Path labels and query values arrive as text; numbers and booleans are converted as the model types them. */
function fromText(raw: string, shapeName: string, type: string): unknown {
  const target = shapes[shapeName]?.type ?? type;
  if (target === 'integer' || target === 'long') return /^-?\d+$/.test(raw) ? Number(raw) : raw;
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
    else value = body[member.wireName];
    if (value === undefined || value === null) {
      if (member.required) problems.push({ Name: member.name, Message: 'is required' });
      continue;
    }
    const before = problems.length;
    checkValue(value, member.shape, member.name, problems);
    if (problems.length === before) input[member.name] = value;
  }
  return { input, problems };
}
