import { describe, expect, it } from 'vitest';
import { compileRiskRules } from './compile-risk-rules';

const choices = new Set(['choice_1', 'choice_2', 'q_no']);

function problemsOf(rules: unknown[]) {
  const result = compileRiskRules(rules, choices);
  return result.ok ? [] : result.problems;
}

describe('compileRiskRules', () => {
  it('compiles valid rules in order', () => {
    const result = compileRiskRules(
      [
        { condition: 'choice_1 && choice_2', risk: 'NO_RISK' },
        { condition: '!q_no', risk: 'MEDIUM_RISK' },
        { condition: 'default', risk: 'HIGH_RISK' },
      ],
      choices,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.compiled.rules.map((rule) => rule.risk)).toEqual(['NO_RISK', 'MEDIUM_RISK', 'HIGH_RISK']);
      expect(result.compiled.rules[2]!.condition).toEqual({ kind: 'default' });
    }
  });

  it('accepts a lone default rule', () => {
    expect(problemsOf([{ condition: 'default', risk: 'NO_RISK' }])).toEqual([]);
  });

  it('names each unknown choice id', () => {
    expect(problemsOf([{ condition: 'choice_1 && choice_9 || other', risk: 'NO_RISK' }, { condition: 'default', risk: 'HIGH_RISK' }])).toEqual([
      { ruleIndex: 0, field: 'condition', code: 'unknownChoice', message: "names 'choice_9', which is not a choice of this question" },
      { ruleIndex: 0, field: 'condition', code: 'unknownChoice', message: "names 'other', which is not a choice of this question" },
    ]);
  });

  it('reports a syntax error with its column', () => {
    expect(problemsOf([{ condition: 'choice_1 &&', risk: 'NO_RISK' }, { condition: 'default', risk: 'HIGH_RISK' }])).toEqual([
      {
        ruleIndex: 0,
        field: 'condition',
        code: 'riskRuleSyntax',
        message: "is not a valid condition: expected a choice id or '(' at column 12; found the end of the condition",
      },
    ]);
  });

  it('reports a bad risk value', () => {
    expect(problemsOf([{ condition: 'default', risk: 'LOW_RISK' }])).toEqual([
      { ruleIndex: 0, field: 'risk', code: 'riskValue', message: 'must be one of HIGH_RISK, MEDIUM_RISK, NO_RISK (is "LOW_RISK")' },
    ]);
  });

  it('reports two rules with the same level of risk', () => {
    expect(problemsOf([{ condition: 'choice_1', risk: 'HIGH_RISK' }, { condition: 'default', risk: 'HIGH_RISK' }])).toEqual([
      {
        ruleIndex: 1,
        field: 'risk',
        code: 'duplicateRisk',
        message: 'repeats HIGH_RISK, already the risk of riskRules[0]; use one rule for each level of risk',
      },
    ]);
  });

  it('accepts rules without a default rule, as the hosted service does', () => {
    expect(problemsOf([{ condition: 'choice_1', risk: 'NO_RISK' }])).toEqual([]);
  });

  it('reports more than one default rule', () => {
    expect(problemsOf([{ condition: 'default', risk: 'NO_RISK' }, { condition: 'default', risk: 'HIGH_RISK' }])).toEqual([
      {
        ruleIndex: 1,
        field: 'condition',
        code: 'defaultRule',
        message: "repeats 'default', already the condition of riskRules[0]; a question has at most one default rule",
      },
    ]);
  });

  it('reports a default rule that is not last', () => {
    expect(problemsOf([{ condition: 'default', risk: 'HIGH_RISK' }, { condition: 'choice_1', risk: 'NO_RISK' }])).toEqual([
      {
        ruleIndex: 0,
        field: 'condition',
        code: 'defaultRule',
        message: "is 'default' but is not the last rule; rules after the default rule could never apply",
      },
    ]);
  });

  it('reports more than three rules', () => {
    const problems = problemsOf([
      { condition: 'choice_1', risk: 'NO_RISK' },
      { condition: 'choice_2', risk: 'MEDIUM_RISK' },
      { condition: 'q_no', risk: 'HIGH_RISK' },
      { condition: 'default', risk: 'HIGH_RISK' },
    ]);
    expect(problems).toContainEqual({
      ruleIndex: null,
      field: null,
      code: 'maxItems',
      message: 'must have at most 3 risk rules, one for each level of risk (has 4)',
    });
  });

  it('reports rules of the wrong shape instead of throwing', () => {
    expect(problemsOf(['default', { risk: 'NO_RISK' }, { condition: 7 }])).toEqual([
      { ruleIndex: 0, field: null, code: 'type', message: 'must be an object with a condition and a risk (is a string)' },
      { ruleIndex: 1, field: 'condition', code: 'required', message: 'is required' },
      { ruleIndex: 2, field: 'condition', code: 'type', message: 'must be a string (is a number)' },
      { ruleIndex: 2, field: 'risk', code: 'required', message: 'is required' },
    ]);
  });

  it('reports every problem at once', () => {
    const codes = problemsOf([
      { condition: 'default', risk: 'HIGH' },
      { condition: 'nope ||', risk: 'NO_RISK' },
      { condition: 'choice_3', risk: 'MEDIUM_RISK' },
    ]).map((problem) => problem.code);
    expect(codes).toEqual(['riskValue', 'riskRuleSyntax', 'unknownChoice', 'defaultRule']);
  });
});
