/**
 * Validation of identity policies when they are stored. Every problem is collected
 * (not just the first) so an author can fix a policy in one round trip; each names the
 * path in the document and the rule it breaks.
 */
import { canonicalKey, parseOperator } from './conditions';
import { variableNames } from './patterns';
import type { ConditionClause, Effect, MatchList, ParseResult, Policy, PolicyProblem, PolicyVersion, Statement } from './types';

/**
 * IAM's limit for a managed policy document, which the issue applies to inline
 * policies too. Not enforced by parsePolicy: the caller knows what kind it stores.
 */
export const INLINE_POLICY_MAX_CHARS = 6144;

/** IAM does not count white space towards the size limit. */
export const policyCharCount = (text: string): number => text.replace(/\s/g, '').length;

const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];
const TOP_LEVEL = ['Version', 'Id', 'Statement'];
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const ACTION_PATTERN = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;
// arn:partition:service:region:account:resource — region and account may be empty
// (IAM's own ARNs have no region); the resource part may itself contain ':' and '/'.
const ARN_PATTERN = /^arn:[a-z0-9*?-]+:[a-z0-9*?-]+:[^:]*:[^:]*:.+$/;
const SID_PATTERN = /^[A-Za-z0-9]*$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const child = (path: string, key: string) => (path ? `${path}.${key}` : key);

class Checker {
  readonly problems: PolicyProblem[] = [];
  constructor(readonly allowsVariables: boolean) {}

  report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** A string or non-empty array of strings; undefined (after reporting) otherwise. */
  stringList(path: string, value: unknown): { path: string; value: string }[] | undefined {
    if (typeof value === 'string') return [{ path, value }];
    if (!Array.isArray(value)) return this.report(path, 'must be a string or an array of strings'), undefined;
    if (value.length === 0) return this.report(path, 'must not be an empty array'), undefined;
    const out: { path: string; value: string }[] = [];
    value.forEach((v, i) => {
      if (typeof v === 'string') out.push({ path: `${path}[${i}]`, value: v });
      else this.report(`${path}[${i}]`, 'must be a string');
    });
    return out.length === value.length ? out : undefined;
  }

  /** `${...}` variables are only meaningful (and only checked) in Version 2012-10-17. */
  variables(path: string, text: string): void {
    if (!this.allowsVariables) return;
    for (const name of variableNames(text)) {
      const known = canonicalKey(name);
      if ('error' in known) this.report(path, `unknown policy variable '\${${name}}': ${known.error}`);
    }
  }
}

/** What an Action's or a Resource's items must be besides '*', and whether `${...}` variables are checked in them. */
const MATCH_ITEMS = {
  Action: { pattern: ACTION_PATTERN, form: 'service:action (e.g. wellarchitected:GetWorkload, wellarchitected:List*)', variables: false },
  Resource: { pattern: ARN_PATTERN, form: 'an ARN of the form arn:partition:service:region:account:resource', variables: true },
} as const;

function parseMatchItems(c: Checker, path: string, element: 'Action' | 'Resource', name: string, value: unknown): string[] | undefined {
  const { pattern, form, variables } = MATCH_ITEMS[element];
  const items = c.stringList(child(path, name), value);
  if (!items) return undefined;
  let ok = true;
  for (const item of items) {
    if (item.value !== '*' && !pattern.test(item.value)) {
      c.report(item.path, `'${item.value}' is not '*' or ${form}`);
      ok = false;
    }
    if (variables) c.variables(item.path, item.value);
  }
  return ok ? items.map((i) => i.value) : undefined;
}

/** Exactly one of `element` / `Not<element>` must be present. */
function parseMatchList(
  c: Checker,
  path: string,
  raw: Record<string, unknown>,
  element: 'Action' | 'Resource',
): MatchList | undefined {
  const notElement = `Not${element}`;
  const has = element in raw;
  const hasNot = notElement in raw;
  if (has && hasNot) return c.report(path, `has both ${element} and ${notElement}; use exactly one`), undefined;
  if (!has && !hasNot) return c.report(path, `needs ${element} or ${notElement}`), undefined;
  const name = has ? element : notElement;
  const patterns = parseMatchItems(c, path, element, name, raw[name]);
  return patterns && { negated: hasNot, patterns };
}

function parseConditionValues(c: Checker, path: string, value: unknown): string[] | undefined {
  // IAM accepts JSON numbers and booleans here (e.g. "Null": {"aws:TagKeys": true}) and
  // compares their text, so we do the same rather than reject working AWS policies.
  const scalar = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
  const list = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0) return c.report(path, 'must have at least one value'), undefined;
  const out: string[] = [];
  list.forEach((v, i) => {
    const s = scalar(v);
    if (s === undefined) c.report(Array.isArray(value) ? `${path}[${i}]` : path, 'must be a string or an array of strings');
    else out.push(s);
  });
  return out.length === list.length ? out : undefined;
}

function parseCondition(c: Checker, path: string, value: unknown): ConditionClause[] | undefined {
  if (!isRecord(value)) return c.report(path, 'must be an object mapping operators to {key: values}'), undefined;
  const clauses: ConditionClause[] = [];
  const before = c.problems.length;
  for (const [operator, block] of Object.entries(value)) {
    const opPath = child(path, operator);
    const parsed = parseOperator(operator);
    if (typeof parsed === 'string') c.report(opPath, parsed);
    if (!isRecord(block)) {
      c.report(opPath, 'must be an object mapping condition keys to values');
      continue;
    }
    if (Object.keys(block).length === 0) c.report(opPath, 'must name at least one condition key');
    for (const [key, rawValues] of Object.entries(block)) {
      const keyPath = child(opPath, key);
      const canonical = canonicalKey(key);
      if ('error' in canonical) c.report(keyPath, canonical.error);
      const values = parseConditionValues(c, keyPath, rawValues);
      if (!values || typeof parsed === 'string' || 'error' in canonical) continue;
      if (parsed.base === 'Null') {
        values.filter((v) => v !== 'true' && v !== 'false').forEach((v) => c.report(keyPath, `Null takes "true" or "false", not '${v}'`));
      } else {
        values.forEach((v) => c.variables(keyPath, v));
      }
      clauses.push({ operator, ...parsed, key, canonicalKey: canonical.key, values });
    }
  }
  return c.problems.length === before ? clauses : undefined;
}

function parseStatement(c: Checker, path: string, raw: unknown): Statement | undefined {
  if (!isRecord(raw)) return c.report(path, 'a statement must be an object'), undefined;
  for (const key of Object.keys(raw)) {
    if (key === 'Principal' || key === 'NotPrincipal') {
      c.report(child(path, key), `identity policies apply to whoever they are attached to and cannot have ${key}`);
    } else if (!STATEMENT_ELEMENTS.includes(key)) {
      c.report(child(path, key), `unknown element '${key}' (a statement has ${STATEMENT_ELEMENTS.join(', ')})`);
    }
  }
  const { Sid, Effect: effect } = raw;
  if (Sid !== undefined && (typeof Sid !== 'string' || !SID_PATTERN.test(Sid))) {
    c.report(child(path, 'Sid'), 'Sid must contain only letters and digits');
  }
  if (effect === undefined) c.report(path, 'needs Effect');
  else if (effect !== 'Allow' && effect !== 'Deny') c.report(child(path, 'Effect'), `Effect must be "Allow" or "Deny" (case-sensitive), not ${JSON.stringify(effect)}`);
  const action = parseMatchList(c, path, raw, 'Action');
  const resource = parseMatchList(c, path, raw, 'Resource');
  const conditions = raw.Condition === undefined ? [] : parseCondition(c, child(path, 'Condition'), raw.Condition);
  if (!action || !resource || !conditions || (effect !== 'Allow' && effect !== 'Deny')) return undefined;
  return { ...(typeof Sid === 'string' ? { sid: Sid } : {}), effect: effect as Effect, action, resource, conditions };
}

export function parsePolicy(input: string | unknown): ParseResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (e) {
      return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
    }
  }
  if (!isRecord(doc)) return { ok: false, problems: [{ path: '', message: 'a policy must be a JSON object' }] };

  const version = doc.Version;
  // We require Version although IAM defaults a missing one to 2008-10-17: that default
  // silently disables policy variables, which is never what a new policy wants.
  const c = new Checker(version === '2012-10-17');
  if (version === undefined) c.report('Version', 'Version is required ("2012-10-17")');
  else if (!VERSIONS.includes(version as PolicyVersion)) {
    c.report('Version', `Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(version)}`);
  }
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL.includes(key)) c.report(key, `unknown element '${key}' (a policy has Version, Id and Statement)`);
  }
  if (doc.Id !== undefined && typeof doc.Id !== 'string') c.report('Id', 'Id must be a string');

  const statements: Statement[] = [];
  const raw = doc.Statement;
  if (raw === undefined) c.report('Statement', 'Statement is required');
  else if (Array.isArray(raw) && raw.length === 0) c.report('Statement', 'Statement must not be an empty array');
  else {
    const entries: [string, unknown][] = Array.isArray(raw) ? raw.map((s, i) => [`Statement[${i}]`, s]) : [['Statement', raw]];
    const seenSids = new Map<string, string>();
    for (const [path, s] of entries) {
      const statement = parseStatement(c, path, s);
      if (statement) statements.push(statement);
      const sid = isRecord(s) && typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined;
      if (sid !== undefined) {
        const first = seenSids.get(sid);
        if (first) c.report(child(path, 'Sid'), `Sid '${sid}' is already used by ${first}; Sids must be unique in a policy`);
        else seenSids.set(sid, path);
      }
    }
  }

  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  const policy: Policy = { version: version as PolicyVersion, statements };
  if (typeof doc.Id === 'string') policy.id = doc.Id;
  return { ok: true, policy };
}
