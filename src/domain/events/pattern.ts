import type { FieldProblem } from '../errors';

/**
 * Event patterns in the style of Amazon EventBridge: a JSON object shaped like the
 * events it selects, whose leaves are arrays of allowed values. An event matches when
 * every field the pattern names matches; a leaf matches when any of its entries does
 * (for an array in the event: when any of its elements does). Entries are literal
 * values (string, number, boolean, null) or one of these comparisons:
 *
 *   { "prefix": "Create" }             { "suffix": "Share" }
 *   { "equals-ignore-case": "x" }      { "exists": true | false }
 *   { "anything-but": "x" | ["x", 1] | { "prefix": "Get" } | { "suffix": "s" } }
 *   { "numeric": [">", 0, "<=", 5] }
 *
 * `exists: false` is the only entry that matches a missing field; `anything-but`
 * needs the field present, as in EventBridge.
 */

export type EventMatcher = (event: unknown) => boolean;

export type CompiledPattern = { ok: true; match: EventMatcher } | { ok: false; problems: FieldProblem[] };

export interface PatternOptions {
  /** The field names allowed at a path ('' for the top level); other paths take any name. */
  knownFields?: Record<string, readonly string[]>;
  /** Name of the pattern in error messages, e.g. `Pattern`. */
  name?: string;
  /** Largest pattern accepted, in characters of its JSON. */
  maxChars?: number;
}

export const PATTERN_MAX_CHARS = 4096;

type ValueTest = (value: unknown) => boolean;

const OPERATORS = ['prefix', 'suffix', 'equals-ignore-case', 'anything-but', 'exists', 'numeric'];
const NUMERIC_OPS: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

class Problems {
  readonly list: FieldProblem[] = [];
  add(path: string, message: string): undefined {
    this.list.push({ Name: path, Message: message });
    return undefined;
  }
}

export function compilePattern(pattern: unknown, options: PatternOptions = {}): CompiledPattern {
  const name = options.name ?? 'Pattern';
  const problems = new Problems();
  if (!isObject(pattern)) {
    problems.add(name, 'must be a JSON object whose fields hold arrays of allowed values, such as {"detail": {"eventName": ["UpdateAnswer"]}}');
    return { ok: false, problems: problems.list };
  }
  const size = JSON.stringify(pattern).length;
  const max = options.maxChars ?? PATTERN_MAX_CHARS;
  if (size > max) {
    problems.add(name, `is ${size} characters of JSON; at most ${max} are allowed`);
    return { ok: false, problems: problems.list };
  }
  const match = compileObject(pattern, name, '', options.knownFields ?? {}, problems);
  if (problems.list.length || !match) return { ok: false, problems: problems.list };
  return { ok: true, match };
}

function compileObject(
  node: Record<string, unknown>,
  path: string,
  fieldPath: string,
  known: Record<string, readonly string[]>,
  problems: Problems,
): EventMatcher | undefined {
  const keys = Object.keys(node);
  if (keys.length === 0) return problems.add(path, 'must name at least one field');
  const allowed = known[fieldPath];
  const tests: Array<[string, EventMatcher]> = [];
  for (const key of keys) {
    const childPath = `${path}.${key}`;
    const childField = fieldPath ? `${fieldPath}.${key}` : key;
    if (allowed && !allowed.includes(key)) {
      problems.add(childPath, `is not a field of the event${fieldPath ? `'s ${fieldPath}` : ''}; the fields are ${allowed.join(', ')}`);
      continue;
    }
    const value = node[key];
    let test: EventMatcher | undefined;
    if (Array.isArray(value)) test = compileLeaf(value, childPath, problems);
    else if (isObject(value)) test = compileObject(value, childPath, childField, known, problems);
    else problems.add(childPath, 'must be an array of allowed values or an object of nested fields');
    if (test) tests.push([key, test]);
  }
  if (tests.length !== keys.length) return undefined;
  return (event) => {
    // An array of objects matches when any of its elements does, as in EventBridge.
    if (Array.isArray(event)) return event.some((element) => tests.every(([key, test]) => test(isObject(element) ? element[key] : undefined)));
    return tests.every(([key, test]) => test(isObject(event) ? event[key] : undefined));
  };
}

function compileLeaf(entries: unknown[], path: string, problems: Problems): EventMatcher | undefined {
  if (entries.length === 0) return problems.add(path, 'must list at least one allowed value');
  const tests: ValueTest[] = [];
  let missingMatches = false;
  entries.forEach((entry, index) => {
    const at = `${path}[${index}]`;
    if (isScalar(entry)) {
      tests.push((value) => value === entry);
      return;
    }
    if (!isObject(entry)) return problems.add(at, 'must be a string, number, boolean, null or a comparison such as {"prefix": "Create"}');
    const operators = Object.keys(entry);
    if (operators.length !== 1) return problems.add(at, `must hold exactly one comparison (one of ${OPERATORS.join(', ')})`);
    const [operator] = operators;
    const operand = entry[operator];
    if (operator === 'exists') {
      if (typeof operand !== 'boolean') return problems.add(`${at}.exists`, 'must be true or false');
      if (operand) tests.push((value) => value !== undefined);
      else missingMatches = true;
      return;
    }
    const test = compileComparison(operator, operand, `${at}.${operator}`, problems);
    if (test) tests.push(test);
  });
  if (problems.list.length) return undefined;
  return (value) => {
    if (value === undefined) return missingMatches;
    if (Array.isArray(value)) return value.some((element) => tests.some((test) => test(element)));
    return tests.some((test) => test(value));
  };
}

function compileComparison(operator: string, operand: unknown, at: string, problems: Problems): ValueTest | undefined {
  switch (operator) {
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case': {
      if (typeof operand !== 'string') return problems.add(at, 'must be a string');
      return textTest(operator, operand);
    }
    case 'anything-but': {
      if (isObject(operand)) {
        const [inner, ...more] = Object.keys(operand);
        if (more.length || (inner !== 'prefix' && inner !== 'suffix') || typeof operand[inner] !== 'string') {
          return problems.add(at, 'must be a value, a list of values, or {"prefix": "..."} or {"suffix": "..."}');
        }
        const test = textTest(inner, operand[inner] as string);
        return (value) => !test(value);
      }
      const excluded = Array.isArray(operand) ? operand : [operand];
      if (excluded.length === 0 || !excluded.every(isScalar)) return problems.add(at, 'must be a value or a non-empty list of strings, numbers, booleans or null');
      return (value) => !excluded.includes(value);
    }
    case 'numeric':
      return numericTest(operand, at, problems);
    default:
      return problems.add(at, `is not a comparison Plumbline knows; use one of ${OPERATORS.join(', ')}`);
  }
}

function textTest(operator: string, operand: string): ValueTest {
  if (operator === 'prefix') return (value) => typeof value === 'string' && value.startsWith(operand);
  if (operator === 'suffix') return (value) => typeof value === 'string' && value.endsWith(operand);
  const lower = operand.toLowerCase();
  return (value) => typeof value === 'string' && value.toLowerCase() === lower;
}

function numericTest(operand: unknown, at: string, problems: Problems): ValueTest | undefined {
  const usage = 'must be pairs of an operator (=, <, <=, >, >=) and a number, such as [">", 0, "<=", 5]';
  if (!Array.isArray(operand) || operand.length === 0 || operand.length % 2 !== 0) return problems.add(at, usage);
  const checks: Array<[(a: number, b: number) => boolean, number]> = [];
  for (let i = 0; i < operand.length; i += 2) {
    const compare = NUMERIC_OPS[operand[i] as string];
    const bound = operand[i + 1];
    if (!compare || typeof bound !== 'number' || !Number.isFinite(bound)) return problems.add(at, usage);
    checks.push([compare, bound]);
  }
  return (value) => typeof value === 'number' && checks.every(([compare, bound]) => compare(value, bound));
}
