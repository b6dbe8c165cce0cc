import { describe, expect, it } from 'vitest';
import type { LensRiskRule } from '../lens/types';
import { type CompiledRiskRules, compileRiskRules } from './compile-risk-rules';
import { evaluateRisk, satisfiedChoices } from './evaluate-risk';

function compile(rules: LensRiskRule[], choiceIds: string[]): CompiledRiskRules {
  const result = compileRiskRules(rules, new Set(choiceIds));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

describe('evaluateRisk on the specification example', () => {
  const compiled = compile(
    [
      { condition: 'choice_1 && choice_2 && choice_3', risk: 'NO_RISK' },
      { condition: '((choice_1 || choice_2) && choice_3) || (!choice_1 && choice_3)', risk: 'MEDIUM_RISK' },
      { condition: 'default', risk: 'HIGH_RISK' },
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
    const compiled = compile(
      [
        { condition: 'a || b', risk: 'MEDIUM_RISK' },
        { condition: 'a', risk: 'NO_RISK' },
        { condition: 'default', risk: 'HIGH_RISK' },
      ],
      ['a', 'b'],
    );
    expect(evaluateRisk(compiled, new Set(['a']))).toBe('MEDIUM');
  });

  it('falls back to the default rule, whatever its risk', () => {
    const compiled = compile([{ condition: 'a', risk: 'HIGH_RISK' }, { condition: 'default', risk: 'NO_RISK' }], ['a']);
    expect(evaluateRisk(compiled, new Set())).toBe('NONE');
    expect(evaluateRisk(compiled, new Set(['a']))).toBe('HIGH');
  });
});

describe('satisfiedChoices', () => {
  it('counts selected and not-applicable choices as satisfied', () => {
    expect(satisfiedChoices(['a'], ['b'])).toEqual(new Set(['a', 'b']));
  });

  it('never counts a "None of these" choice through not-applicable', () => {
    expect(satisfiedChoices([], ['q_no', 'b'])).toEqual(new Set(['b']));
    expect(satisfiedChoices(['q_no'], [])).toEqual(new Set(['q_no']));
  });

  it('makes a not-applicable practice no risk', () => {
    const compiled = compile(
      [
        { condition: 'a && b', risk: 'NO_RISK' },
        { condition: 'a', risk: 'MEDIUM_RISK' },
        { condition: 'default', risk: 'HIGH_RISK' },
      ],
      ['a', 'b', 'q_no'],
    );
    expect(evaluateRisk(compiled, satisfiedChoices(['a'], ['b']))).toBe('NONE');
    expect(evaluateRisk(compiled, satisfiedChoices(['b'], ['a']))).toBe('NONE');
    expect(evaluateRisk(compiled, satisfiedChoices([], ['a']))).toBe('MEDIUM');
  });
});
