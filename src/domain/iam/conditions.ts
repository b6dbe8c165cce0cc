/**
 * Condition operators and keys: how their names are read (shared by validation and
 * evaluation so the two can never disagree) and how one clause is evaluated.
 *
 * Semantics, following IAM:
 * - a clause is one (operator, key) pair; its values are ORed;
 * - plain positive operators are false when the key is absent, negated ones are true;
 * - `IfExists`: true when the key is absent, otherwise as without it;
 * - `ForAnyValue:` some request value satisfies the operator; false when absent/empty;
 * - `ForAllValues:` every request value satisfies it; true when absent/empty;
 * - `Null`: "true" means the key is absent, "false" that it is present.
 * Our choice where IAM leaves it loose: a plain operator on a multi-valued key (an array
 * in the context, or aws:TagKeys) matches if ANY request value matches, and its negated
 * form is exactly the negation of that (no request value matches).
 */
import { globMatches, substituteVariables, type VariableResolver } from './patterns';
import type { BaseOperator, ConditionClause, SetQualifier } from './types';

export const BASE_OPERATORS: readonly BaseOperator[] = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'Null',
];

export interface ParsedOperator {
  base: BaseOperator;
  qualifier?: SetQualifier;
  ifExists: boolean;
}

/** Reads "ForAllValues:StringLikeIfExists" and the like; a string is the reason it is not valid. */
export function parseOperator(name: string): ParsedOperator | string {
  let rest = name;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix !== 'ForAnyValue' && prefix !== 'ForAllValues') {
      return `unknown set qualifier '${prefix}' (use ForAnyValue: or ForAllValues:)`;
    }
    qualifier = prefix;
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  const base = BASE_OPERATORS.find((op) => op === rest);
  if (!base) {
    const nearly = BASE_OPERATORS.find((op) => op.toLowerCase() === rest.toLowerCase());
    return nearly
      ? `unknown condition operator '${name}' (operator names are case-sensitive: did you mean ${nearly}?)`
      : `unknown condition operator '${name}' (supported: ${BASE_OPERATORS.join(', ')}, with optional IfExists suffix and ForAnyValue:/ForAllValues: prefix)`;
  }
  // IAM rejects these combinations: Null already is the existence test and has no set form.
  if (base === 'Null' && ifExists) return `operator 'Null' cannot take the IfExists suffix`;
  if (base === 'Null' && qualifier) return `operator 'Null' cannot take a ${qualifier}: prefix`;
  return { base, qualifier, ifExists };
}

const EXACT_KEYS = ['aws:TagKeys', 'aws:PrincipalAccount', 'aws:username'];
const TAG_KEY_PREFIXES = ['wellarchitected:ResourceTag/', 'aws:ResourceTag/', 'aws:RequestTag/'];
/** Tag keys are 1–128 characters; IAM refuses longer ones in a condition key too. */
const MAX_TAG_KEY_LENGTH = 128;

export const SUPPORTED_KEYS_TEXT = [...TAG_KEY_PREFIXES.map((p) => `${p}<key>`), ...EXACT_KEYS].join(', ');

/**
 * The canonical (lower-cased) form of a supported key, or a reason it is not supported.
 * Key names are case-insensitive in IAM, and wellarchitected:ResourceTag is the service's
 * spelling of aws:ResourceTag, so both fold to one name.
 */
export function canonicalKey(key: string): { key: string } | { error: string } {
  const lower = key.toLowerCase();
  if (EXACT_KEYS.some((k) => k.toLowerCase() === lower)) return { key: lower };
  const prefix = TAG_KEY_PREFIXES.find((p) => lower.startsWith(p.toLowerCase()));
  if (!prefix) return { error: `unsupported condition key '${key}' (supported: ${SUPPORTED_KEYS_TEXT})` };
  const tagKey = key.slice(prefix.length);
  if (tagKey.length === 0) return { error: `condition key '${key}' needs a tag key after the '/'` };
  if (tagKey.length > MAX_TAG_KEY_LENGTH) {
    return { error: `tag key in '${key}' is longer than ${MAX_TAG_KEY_LENGTH} characters` };
  }
  const folded = prefix === 'wellarchitected:ResourceTag/' ? 'aws:ResourceTag/' : prefix;
  return { key: (folded + tagKey).toLowerCase() };
}

/** Request context after canonicalising key names; values always arrays, absent = undefined. */
export type NormalisedContext = Map<string, string[]>;

/** The lookup name of a request-context key; keys we do not support are kept (lower-cased) for variables. */
export function contextKey(name: string): string {
  const canonical = canonicalKey(name);
  return 'key' in canonical ? canonical.key : name.toLowerCase();
}

export function normaliseContext(context: Record<string, string | string[] | undefined>): NormalisedContext {
  const out: NormalisedContext = new Map();
  for (const [name, value] of Object.entries(context)) {
    if (value === undefined) continue;
    const key = contextKey(name);
    if (!out.has(key)) out.set(key, Array.isArray(value) ? value : [value]);
  }
  return out;
}

/**
 * The un-negated test of one request value against the clause's values (ORed).
 * Exact operators compare against values with variables substituted; StringLike
 * substitutes while matching, because a substituted value (and the escapes ${*} and
 * ${?}) is literal text, not wildcards.
 */
function valueMatcher(base: BaseOperator, rawValues: string[], substituted: string[], resolve: VariableResolver | undefined) {
  switch (base) {
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase': {
      const lower = substituted.map((v) => v.toLowerCase());
      return (r: string) => lower.includes(r.toLowerCase());
    }
    case 'StringLike':
    case 'StringNotLike':
      return (r: string) => rawValues.some((v) => globMatches(v, r, { resolve }));
    default:
      return (r: string) => substituted.includes(r);
  }
}

const isNegated = (base: BaseOperator) => base.startsWith('StringNot');

/**
 * Evaluates one clause. `resolve` is set for Version 2012-10-17 policies, whose values
 * may contain `${...}` variables; a value whose variable is missing makes the clause
 * false (conservative for Allow, and mirrors IAM's "unresolvable variable never matches").
 */
export function evaluateClause(
  clause: ConditionClause,
  context: NormalisedContext,
  resolve: VariableResolver | undefined,
): boolean {
  const present = context.get(clause.canonicalKey);
  const requestValues = present && present.length > 0 ? present : undefined;

  if (clause.base === 'Null') {
    return clause.values.some((v) => (v.toLowerCase() === 'true') === (requestValues === undefined));
  }
  if (requestValues === undefined) {
    if (clause.ifExists) return true;
    if (clause.qualifier === 'ForAllValues') return true;
    if (clause.qualifier === 'ForAnyValue') return false;
    return isNegated(clause.base);
  }

  // Values may hold `${...}` variables; one that cannot be resolved makes the clause false.
  const substituted: string[] = [];
  for (const v of clause.values) {
    const value = substituteVariables(v, resolve);
    if (value === undefined) return false;
    substituted.push(value);
  }
  const matches = valueMatcher(clause.base, clause.values, substituted, resolve);
  const negated = isNegated(clause.base);
  const satisfies = (r: string) => matches(r) !== negated;

  switch (clause.qualifier) {
    case 'ForAnyValue':
      return requestValues.some(satisfies);
    case 'ForAllValues':
      return requestValues.every(satisfies);
    case undefined: {
      const anyPositive = requestValues.some(matches);
      return negated ? !anyPositive : anyPositive;
    }
  }
}
