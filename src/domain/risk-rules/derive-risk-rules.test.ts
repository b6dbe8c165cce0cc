import { describe, expect, it } from 'vitest';
import type { LensChoice, PracticeRiskLevel } from '../lens/types';
import { compileRiskRules } from './compile-risk-rules';
import { deriveRiskRules } from './derive-risk-rules';
import { evaluateRisk } from './evaluate-risk';

function choices(levels: Record<string, PracticeRiskLevel | 'none'>): LensChoice[] {
  return Object.entries(levels).map(([id, level]) =>
    level === 'none' ? { id, title: id } : { id, title: id, riskLevel: level },
  );
}

/** Derived rules must always be valid rules; returns the risk for each given selection. */
function risksFor(lensChoices: LensChoice[], selections: string[][]): string[] {
  const result = compileRiskRules(deriveRiskRules(lensChoices), new Set(lensChoices.map((choice) => choice.id)));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return selections.map((selected) => evaluateRisk(result.compiled, new Set(selected)));
}

describe('deriveRiskRules', () => {
  it('derives no risk from HIGH and MEDIUM practices, medium from HIGH ones, else high', () => {
    const question = choices({ h1: 'HIGH', m1: 'MEDIUM', h2: 'HIGH', l1: 'LOW', q_no: 'none' });
    expect(deriveRiskRules(question)).toEqual([
      { condition: '!q_no && h1 && h2 && m1', risk: 'NO_RISK' },
      { condition: '!q_no && h1 && h2', risk: 'MEDIUM_RISK' },
      { condition: 'default', risk: 'HIGH_RISK' },
    ]);
    expect(risksFor(question, [['h1', 'h2', 'm1'], ['h1', 'h2', 'l1'], ['h1', 'm1', 'l1'], ['q_no'], ['h1', 'h2', 'm1', 'q_no']])).toEqual([
      'NONE',
      'MEDIUM',
      'HIGH',
      'HIGH',
      'HIGH',
    ]);
  });

  it('leaves out the medium rule when there are no MEDIUM practices', () => {
    const question = choices({ h1: 'HIGH', l1: 'LOW', q_no: 'none' });
    expect(deriveRiskRules(question)).toEqual([
      { condition: '!q_no && h1', risk: 'NO_RISK' },
      { condition: 'default', risk: 'HIGH_RISK' },
    ]);
  });

  it('caps any answer but "None of these" at medium when there are no HIGH practices', () => {
    const question = choices({ m1: 'MEDIUM', m2: 'MEDIUM', l1: 'LOW', q_no: 'none' });
    expect(deriveRiskRules(question)).toEqual([
      { condition: '!q_no && m1 && m2', risk: 'NO_RISK' },
      { condition: '!q_no', risk: 'MEDIUM_RISK' },
      { condition: 'default', risk: 'HIGH_RISK' },
    ]);
    expect(risksFor(question, [['m1', 'm2'], ['l1'], ['q_no'], ['m1', 'm2', 'q_no']])).toEqual(['NONE', 'MEDIUM', 'HIGH', 'HIGH']);
  });

  it('makes any answer but "None of these" no risk when there are only LOW practices', () => {
    const question = choices({ l1: 'LOW', l2: 'LOW', q_no: 'none' });
    expect(deriveRiskRules(question)).toEqual([
      { condition: '!q_no', risk: 'NO_RISK' },
      { condition: 'default', risk: 'HIGH_RISK' },
    ]);
    expect(risksFor(question, [['l1'], ['q_no'], ['l1', 'q_no']])).toEqual(['NONE', 'HIGH', 'HIGH']);
  });

  describe('without a "None of these" choice', () => {
    it('keeps the usual rules when there are HIGH practices', () => {
      expect(deriveRiskRules(choices({ h1: 'HIGH', m1: 'MEDIUM' }))).toEqual([
        { condition: 'h1 && m1', risk: 'NO_RISK' },
        { condition: 'h1', risk: 'MEDIUM_RISK' },
        { condition: 'default', risk: 'HIGH_RISK' },
      ]);
    });

    it('defaults to medium when there are MEDIUM but no HIGH practices', () => {
      expect(deriveRiskRules(choices({ m1: 'MEDIUM', l1: 'LOW' }))).toEqual([
        { condition: 'm1', risk: 'NO_RISK' },
        { condition: 'default', risk: 'MEDIUM_RISK' },
      ]);
    });

    it('defaults to no risk when there are only LOW practices', () => {
      expect(deriveRiskRules(choices({ l1: 'LOW' }))).toEqual([{ condition: 'default', risk: 'NO_RISK' }]);
    });
  });

  it('refuses a practice without a riskLevel', () => {
    expect(() => deriveRiskRules(choices({ h1: 'HIGH', x: 'none', q_no: 'none' }))).toThrow(/'x' has no riskLevel/);
  });
});
