import { describeJsonType } from '../lens/describe-json-type';
import type { RiskRuleRisk } from '../lens/types';
import { type Condition, DEFAULT_CONDITION } from './condition';
import { conditionChoiceIds } from './condition-choice-ids';
import { parseCondition } from './parse-condition';
import { RiskRuleSyntaxError } from './risk-rule-syntax-error';

export const MAX_RISK_RULES = 3;
export const RISK_RULE_RISKS: readonly RiskRuleRisk[] = ['HIGH_RISK', 'MEDIUM_RISK', 'NO_RISK'];

export type RiskRuleProblemCode =
  | 'required'
  | 'type'
  | 'riskRuleSyntax'
  | 'unknownChoice'
  | 'riskValue'
  | 'duplicateRisk'
  | 'defaultRule'
  | 'maxItems';

export interface RiskRuleProblem {
  /** null when the problem is about the list as a whole (too many rules). */
  ruleIndex: number | null;
  /** null when the problem is about a whole rule (not an object) or the whole list. */
  field: 'condition' | 'risk' | null;
  code: RiskRuleProblemCode;
  message: string;
}

export interface CompiledRiskRule {
  condition: Condition;
  risk: RiskRuleRisk;
}

/**
 * Rules that passed every check: at most three, at most one `default`, and it is last.
 * A question without a default rule is accepted, as the hosted service accepts it
 * (aws-behaviour.md item 6); the validator warns about it (see lens validate).
 */
export interface CompiledRiskRules {
  readonly rules: readonly CompiledRiskRule[];
}

export type CompileRiskRulesResult =
  | { ok: true; compiled: CompiledRiskRules }
  | { ok: false; problems: RiskRuleProblem[] };

/**
 * Checks and parses a question's risk rules against the ids of its choices, reporting
 * every problem rather than the first. Rules usually come straight from an unvalidated
 * lens file, so each element's shape is checked here too instead of being trusted.
 */
export function compileRiskRules(
  rules: readonly unknown[],
  choiceIds: ReadonlySet<string>,
): CompileRiskRulesResult {
  const problems: RiskRuleProblem[] = [];
  const compiled: CompiledRiskRule[] = [];
  const defaultIndexes: number[] = [];
  const riskIndexes = new Map<string, number>();

  if (rules.length > MAX_RISK_RULES) {
    problems.push({
      ruleIndex: null,
      field: null,
      code: 'maxItems',
      message: `must have at most ${MAX_RISK_RULES} risk rules, one for each level of risk (has ${rules.length})`,
    });
  }

  rules.forEach((rule, ruleIndex) => {
    const report = (field: RiskRuleProblem['field'], code: RiskRuleProblemCode, message: string): void => {
      problems.push({ ruleIndex, field, code, message });
    };
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
      report(null, 'type', `must be an object with a condition and a risk (is ${describeJsonType(rule)})`);
      return;
    }
    const { condition: conditionText, risk } = rule as Record<string, unknown>;

    let condition: Condition | undefined;
    if (conditionText === undefined) {
      report('condition', 'required', 'is required');
    } else if (typeof conditionText !== 'string') {
      report('condition', 'type', `must be a string (is ${describeJsonType(conditionText)})`);
    } else {
      try {
        condition = parseCondition(conditionText);
      } catch (error) {
        if (!(error instanceof RiskRuleSyntaxError)) throw error;
        report('condition', 'riskRuleSyntax', `is not a valid condition: ${error.message}`);
      }
    }
    if (condition?.kind === 'default') defaultIndexes.push(ruleIndex);
    for (const id of condition ? conditionChoiceIds(condition) : []) {
      if (!choiceIds.has(id)) report('condition', 'unknownChoice', `names '${id}', which is not a choice of this question`);
    }

    if (risk === undefined) {
      report('risk', 'required', 'is required');
    } else if (!isRisk(risk)) {
      report('risk', 'riskValue', `must be one of ${RISK_RULE_RISKS.join(', ')} (is ${JSON.stringify(risk)})`);
    } else {
      const earlier = riskIndexes.get(risk);
      if (earlier === undefined) riskIndexes.set(risk, ruleIndex);
      else report('risk', 'duplicateRisk', `repeats ${risk}, already the risk of riskRules[${earlier}]; use one rule for each level of risk`);
      if (condition) compiled.push({ condition, risk });
    }
  });

  for (const extra of defaultIndexes.slice(1)) {
    problems.push({
      ruleIndex: extra,
      field: 'condition',
      code: 'defaultRule',
      message: `repeats '${DEFAULT_CONDITION}', already the condition of riskRules[${defaultIndexes[0]}]; a question has at most one default rule`,
    });
  }
  const firstDefault = defaultIndexes[0];
  if (defaultIndexes.length === 1 && firstDefault !== rules.length - 1) {
    problems.push({
      ruleIndex: firstDefault!,
      field: 'condition',
      code: 'defaultRule',
      message: `is '${DEFAULT_CONDITION}' but is not the last rule; rules after the default rule could never apply`,
    });
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, compiled: { rules: compiled } };
}

function isRisk(value: unknown): value is RiskRuleRisk {
  return (RISK_RULE_RISKS as readonly unknown[]).includes(value);
}
