import { describe, expect, it } from 'vitest';
import type { LensRiskRule } from '../lens/types';
import { type CompiledRiskRules, compileRiskRules } from './compile-risk-rules';
import { evaluateRisk, satisfiedChoices } from './evaluate-risk';

const rule = (condition: string, risk: LensRiskRule['risk']): LensRiskRule => ({ condition, risk });

function compile(rules: LensRiskRule[], choiceIds: string[]): CompiledRiskRules {
  const result = compileRiskRules(rules, new Set(choiceIds));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

describe('evaluateRisk on the specification example', () => {
  const compiled = compile(
    [
      rule('choice_1 && choice_2 && choice_3', 'NO_RISK'),
      rule('((choice_1 || choice_2) && choice_3) || (!choice_1 && choice_3)', 'MEDIUM_RISK'),
      rule('default', 'HIGH_RISK'),
    ],
    ['choice_1', 'choice_2', 'choice_3'],
  );

  // Every combination of the three choices; the medium rule reduces to "choice_3 is selected".
  it.each([
    [[], 'HIGH'],
    [['choice_1'], 'HIGH'],
    [['choice_2'], 'HIGH'],
    [['choice_1', 'choice_2'], 'HIGH'],
    [['choice_3'], 'MEDIUM'],
    [['choice_1', 'choice_3'], 'MEDIUM'],
    [['choice_2', 'choice_3'], 'MEDIUM'],
    [['choice_1', 'choice_2', 'choice_3'], 'NONE'],
  ])('selected %j gives %s', (selected, risk) => {
    expect(evaluateRisk(compiled, new Set(selected))).toBe(risk);
  });
});

describe('evaluateRisk', () => {
  it('lets the first true rule win even when a later rule is also true', () => {
    const compiled = compile([rule('a || b', 'MEDIUM_RISK'), rule('a', 'NO_RISK'), rule('default', 'HIGH_RISK')], ['a', 'b']);
    expect(evaluateRisk(compiled, new Set(['a']))).toBe('MEDIUM');
  });

  it('falls back to the default rule, whatever its risk', () => {
    const compiled = compile([rule('a', 'HIGH_RISK'), rule('default', 'NO_RISK')], ['a']);
    expect(evaluateRisk(compiled, new Set())).toBe('NONE');
    expect(evaluateRisk(compiled, new Set(['a']))).toBe('HIGH');
  });
});

describe('not-applicable practices (aws-behaviour.md item 2, every measured case)', () => {
  // A question whose no-risk rule needs four practices and whose medium rule needs the first two.
  const four = compile([rule('a && b && c && d', 'NO_RISK'), rule('a && b', 'MEDIUM_RISK'), rule('default', 'HIGH_RISK')], ['a', 'b', 'c', 'd', 'q_no']);

  it.each([
    ['three selected, the fourth not applicable', ['a', 'b', 'c'], ['d'], 'NONE'],
    ['the first selected, the second not applicable', ['a'], ['b'], 'MEDIUM'],
    ['all four not applicable, nothing selected', [], ['a', 'b', 'c', 'd'], 'NONE'],
    ['one not applicable, nothing selected', [], ['d'], 'HIGH'],
    ['the first not applicable, nothing selected', [], ['a'], 'HIGH'],
  ])('%s: %s', (_case, selected, notApplicable, risk) => {
    expect(evaluateRisk(four, satisfiedChoices(selected, notApplicable))).toBe(risk);
  });

  it('does not satisfy an alternative of ||: core && (scope || other), scope not applicable, is medium', () => {
    const compiled = compile([rule('core && (scope || other)', 'NO_RISK'), rule('core', 'MEDIUM_RISK'), rule('default', 'HIGH_RISK')], ['core', 'scope', 'other']);
    expect(evaluateRisk(compiled, satisfiedChoices(['core'], ['scope']))).toBe('MEDIUM');
    expect(evaluateRisk(compiled, satisfiedChoices(['core', 'other'], ['scope']))).toBe('NONE');
  });

  it('a medium rule x || y with y not applicable and nothing selected is high', () => {
    const compiled = compile([rule('x && y', 'NO_RISK'), rule('x || y', 'MEDIUM_RISK'), rule('default', 'HIGH_RISK')], ['x', 'y']);
    expect(evaluateRisk(compiled, satisfiedChoices([], ['y']))).toBe('HIGH');
    expect(evaluateRisk(compiled, satisfiedChoices(['x'], ['y']))).toBe('NONE');
  });

  it('keeps a negated not-applicable practice neutral: !a with a not applicable holds', () => {
    const compiled = compile([rule('!a', 'NO_RISK'), rule('default', 'HIGH_RISK')], ['a', 'b']);
    expect(evaluateRisk(compiled, satisfiedChoices(['b'], ['a']))).toBe('NONE');
    expect(evaluateRisk(compiled, satisfiedChoices(['a'], []))).toBe('HIGH');
  });
});

describe('rules without a default rule', () => {
  const compiled = compile([rule('a && b', 'NO_RISK'), rule('a', 'MEDIUM_RISK')], ['a', 'b', 'q_no']);

  it('score as usual when a rule matches, and give HIGH when none does', () => {
    expect(evaluateRisk(compiled, new Set(['a', 'b']))).toBe('NONE');
    expect(evaluateRisk(compiled, new Set(['a']))).toBe('MEDIUM');
    expect(evaluateRisk(compiled, new Set(['q_no']))).toBe('HIGH');
  });
});
