export type { Condition } from './condition';
export { DEFAULT_CONDITION } from './condition';
export { conditionChoiceIds } from './condition-choice-ids';
export { parseCondition } from './parse-condition';
export { RiskRuleSyntaxError } from './risk-rule-syntax-error';
export {
  type CompiledRiskRule,
  type CompiledRiskRules,
  type CompileRiskRulesResult,
  type RiskRuleProblem,
  type RiskRuleProblemCode,
  MAX_RISK_RULES,
  RISK_RULE_RISKS,
  compileRiskRules,
} from './compile-risk-rules';
export { type QuestionRisk, UNMATCHED_RISK, evaluateRisk, satisfiedChoices } from './evaluate-risk';
export { type ChoiceMarks, type Marks, evaluateCondition } from './evaluate-condition';
export { deriveRiskRules } from './derive-risk-rules';
export { practiceRisks } from './practice-risk';
