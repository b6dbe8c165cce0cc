import { describe, expect, it } from 'vitest';
import { compileRiskRules } from './compile-risk-rules';
import { practiceRisks } from './practice-risk';

const question = (riskRules: Array<{ condition: string; risk: 'HIGH_RISK' | 'MEDIUM_RISK' | 'NO_RISK' }>) => {
  const choices = [{ id: 'q_a' }, { id: 'q_b' }, { id: 'q_c' }, { id: 'q_no' }];
  const compiled = compileRiskRules(riskRules, new Set(choices.map((c) => c.id)));
  if (!compiled.ok) throw new Error('test rules must compile');
  return { choices, rules: compiled.compiled };
};

describe('practiceRisks', () => {
  it('gives each practice the risk of missing it alone, and leaves out "None of these"', () => {
    const q = question([
      { condition: 'q_a && q_b && q_c', risk: 'NO_RISK' },
      { condition: 'q_a', risk: 'MEDIUM_RISK' },
      { condition: 'default', risk: 'HIGH_RISK' },
    ]);
    expect(practiceRisks(q)).toEqual({ q_a: 'HIGH', q_b: 'MEDIUM', q_c: 'MEDIUM' });
  });

  it('shows a practice no rule depends on as no risk', () => {
    const q = question([
      { condition: 'q_a', risk: 'NO_RISK' },
      { condition: 'default', risk: 'HIGH_RISK' },
    ]);
    expect(practiceRisks(q)).toEqual({ q_a: 'HIGH', q_b: 'NONE', q_c: 'NONE' });
  });
});
