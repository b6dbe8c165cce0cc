/**
 * Risk of an answered question.
 *
 * Decision on how an answer enters the rules (aws-behaviour.md items 1, 2 and 6):
 * - A selected choice is true, "None of these" included. Selecting it beside other
 *   choices is allowed; a rule that does not name it ignores it, so a lens that wants
 *   "None of these" to mean high risk says so in its rules (the built-in lenses do).
 * - A practice marked NOT_APPLICABLE is neutral (see evaluate-condition): it satisfies
 *   a term of an `&&` but not an alternative of an `||`. "None of these" cannot be
 *   marked not applicable; the caller refuses that.
 * - An UNANSWERED question, or one marked NOT_APPLICABLE as a whole, is never evaluated:
 *   the caller reports its risk (UNANSWERED / NOT_APPLICABLE) without calling this module.
 *
 * Rules are tried in order and the first true condition sets the risk; `default` is
 * always true. A custom lens may leave out the default rule, as the hosted service
 * accepts; when an answer then matches no rule the question is at HIGH risk (the hosted
 * outcome is unverified; a selection nothing vouches for is not a pass).
 */
import type { RiskRuleRisk } from '../lens/types';
import type { CompiledRiskRules } from './compile-risk-rules';
import { type ChoiceMarks, evaluateCondition, type Marks } from './evaluate-condition';

export type QuestionRisk = 'HIGH' | 'MEDIUM' | 'NONE';

const QUESTION_RISK: Record<RiskRuleRisk, QuestionRisk> = {
  HIGH_RISK: 'HIGH',
  MEDIUM_RISK: 'MEDIUM',
  NO_RISK: 'NONE',
};

/** The risk of an answer that no rule of a question without a default rule matches. */
export const UNMATCHED_RISK: QuestionRisk = 'HIGH';

export function satisfiedChoices(selected: Iterable<string>, notApplicable: Iterable<string>): ChoiceMarks {
  return { selected: new Set(selected), notApplicable: new Set(notApplicable) };
}

export function evaluateRisk(compiled: CompiledRiskRules, marks: Marks): QuestionRisk {
  const rule = compiled.rules.find((candidate) => evaluateCondition(candidate.condition, marks));
  return rule ? QUESTION_RISK[rule.risk] : UNMATCHED_RISK;
}
