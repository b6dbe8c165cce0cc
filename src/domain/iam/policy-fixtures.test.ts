/**
 * The one runner for the policy-evaluation fixtures (fixtures/*.json). Adding a case
 * means adding data, never code. Besides running each case, it guards the fixture set
 * itself: enough cases, unique names, a `why` on each, and every operator and element
 * exercised — so deleting a fixture file cannot silently drop coverage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BASE_OPERATORS, MANAGED_POLICIES, evaluate, parsePolicy, type Decision, type ManagedPolicyName, type Policy, type StatementRef } from './index';

interface FixtureCase {
  name: string;
  why: string;
  request: { action: string; resource: string; context?: Record<string, string | string[]> };
  /** A policy document, or the name of a managed policy. */
  policies: (string | Record<string, unknown>)[];
  expect: Decision;
  matched?: StatementRef;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const suites = files.map((file) => ({
  file,
  cases: (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: FixtureCase[] }).cases,
}));
const allCases = suites.flatMap((s) => s.cases);

function toPolicy(entry: string | Record<string, unknown>): Policy {
  if (typeof entry === 'string') {
    const managed = MANAGED_POLICIES[entry as ManagedPolicyName];
    if (!managed) throw new Error(`fixture names unknown managed policy ${entry}`);
    return managed.policy;
  }
  const parsed = parsePolicy(entry);
  if (!parsed.ok) throw new Error(`fixture policy is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.policy;
}

for (const { file, cases } of suites) {
  describe(file, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const result = evaluate({ ...c.request, context: c.request.context ?? {} }, c.policies.map(toPolicy));
      expect(result.decision, c.why).toBe(c.expect);
      if (c.matched) expect(result.matched, c.why).toEqual(c.matched);
      if (c.expect === 'ImplicitDeny') expect(result.matched).toBeUndefined();
      else expect(result.matched).toBeDefined();
    });
  });
}

describe('the fixture set', () => {
  const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');

  it('has at least 40 cases with unique names and a reason each', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(allCases.map((c) => c.name)).size).toBe(allCases.length);
    for (const c of allCases) expect(c.why.trim(), c.name).not.toBe('');
  });

  it('exercises every operator, with and without IfExists', () => {
    for (const op of BASE_OPERATORS) {
      expect(text, op).toContain(`"${op}"`);
      if (op !== 'Null') expect(text, `${op}IfExists`).toContain(`${op}IfExists"`);
    }
    for (const q of ['ForAnyValue:', 'ForAllValues:']) expect(text).toContain(`"${q}`);
  });

  it('exercises NotAction, NotResource, wildcards, both managed policies and every decision', () => {
    for (const s of ['"NotAction"', '"NotResource"', 'wellarchitected:Get*', '"wellarchitected:*"', '"Action": "*"', 'workload/*', '?']) {
      expect(text, s).toContain(s);
    }
    for (const name of Object.keys(MANAGED_POLICIES)) expect(text).toContain(`"${name}"`);
    for (const d of ['Allow', 'ExplicitDeny', 'ImplicitDeny']) expect(allCases.some((c) => c.expect === d), d).toBe(true);
  });
});
