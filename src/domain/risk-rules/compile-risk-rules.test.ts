import { describe, expect, it } from 'vitest';
import { compileRiskRules } from './compile-risk-rules';

const choices = new Set(['choice_1', 'choice_2', 'q_no']);

const rule = (condition: string, risk: string) => ({ condition, risk });
const problem = (ruleIndex: number | null, field: string | null, code: string, message: string) => ({ ruleIndex, field, code, message });

function problemsOf(rules: unknown[]) {
  const result = compileRiskRules(rules, choices);
  return result.ok ? [] : result.problems;
}

describe('compileRiskRules', () => {
  it('compiles valid rules in order', () => {
    const result = compileRiskRules([rule('choice_1 && choice_2', 'NO_RISK'), rule('!q_no', 'MEDIUM_RISK'), rule('default', 'HIGH_RISK')], choices);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.compiled.rules.map((r) => r.risk)).toEqual(['NO_RISK', 'MEDIUM_RISK', 'HIGH_RISK']);
      expect(result.compiled.rules[2]!.condition).toEqual({ kind: 'default' });
    }
  });

  it.each<[string, unknown[], unknown[]]>([
    ['accepts a lone default rule', [rule('default', 'NO_RISK')], []],
    ['accepts rules without a default rule, as the hosted service does', [rule('choice_1', 'NO_RISK')], []],
    [
      'names each unknown choice id',
      [rule('choice_1 && choice_9 || other', 'NO_RISK'), rule('default', 'HIGH_RISK')],
      [
        problem(0, 'condition', 'unknownChoice', "names 'choice_9', which is not a choice of this question"),
        problem(0, 'condition', 'unknownChoice', "names 'other', which is not a choice of this question"),
      ],
    ],
    [
      'reports a syntax error with its column',
      [rule('choice_1 &&', 'NO_RISK'), rule('default', 'HIGH_RISK')],
      [problem(0, 'condition', 'riskRuleSyntax', "is not a valid condition: expected a choice id or '(' at column 12; found the end of the condition")],
    ],
    ['reports a bad risk value', [rule('default', 'LOW_RISK')], [problem(0, 'risk', 'riskValue', 'must be one of HIGH_RISK, MEDIUM_RISK, NO_RISK (is "LOW_RISK")')]],
    [
      'reports two rules with the same level of risk',
      [rule('choice_1', 'HIGH_RISK'), rule('default', 'HIGH_RISK')],
      [problem(1, 'risk', 'duplicateRisk', 'repeats HIGH_RISK, already the risk of riskRules[0]; use one rule for each level of risk')],
    ],
    [
      'reports more than one default rule',
      [rule('default', 'NO_RISK'), rule('default', 'HIGH_RISK')],
      [problem(1, 'condition', 'defaultRule', "repeats 'default', already the condition of riskRules[0]; a question has at most one default rule")],
    ],
    [
      'reports a default rule that is not last',
      [rule('default', 'HIGH_RISK'), rule('choice_1', 'NO_RISK')],
      [problem(0, 'condition', 'defaultRule', "is 'default' but is not the last rule; rules after the default rule could never apply")],
    ],
    [
      'reports rules of the wrong shape instead of throwing',
      ['default', { risk: 'NO_RISK' }, { condition: 7 }],
      [
        problem(0, null, 'type', 'must be an object with a condition and a risk (is a string)'),
        problem(1, 'condition', 'required', 'is required'),
        problem(2, 'condition', 'type', 'must be a string (is a number)'),
        problem(2, 'risk', 'required', 'is required'),
      ],
    ],
  ])('%s', (_name, rules, problems) => {
    expect(problemsOf(rules)).toEqual(problems);
  });

  it('reports more than three rules', () => {
    const problems = problemsOf([rule('choice_1', 'NO_RISK'), rule('choice_2', 'MEDIUM_RISK'), rule('q_no', 'HIGH_RISK'), rule('default', 'HIGH_RISK')]);
    expect(problems).toContainEqual(problem(null, null, 'maxItems', 'must have at most 3 risk rules, one for each level of risk (has 4)'));
  });

  it('reports every problem at once', () => {
    const codes = problemsOf([rule('default', 'HIGH'), rule('nope ||', 'NO_RISK'), rule('choice_3', 'MEDIUM_RISK')]).map((p) => p.code);
    expect(codes).toEqual(['riskValue', 'riskRuleSyntax', 'unknownChoice', 'defaultRule']);
  });
});
