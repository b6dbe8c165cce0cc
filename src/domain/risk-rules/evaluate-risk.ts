/**
 * Risk of an answered question.
 *
 * Decision on how an answer becomes the set of true choice ids:
 * - A selected choice is true.
 * - A choice marked NOT_APPLICABLE is also true: the practice does not apply to this
 *   workload, so not following it is no risk.
 * - The "None of these" choice (id ending `_no`) is true only when selected, never
 *   through NOT_APPLICABLE. When it is selected no other choice may be selected; the
 *   caller rejects such an answer before evaluating it.
 * - An UNANSWERED question, or one marked NOT_APPLICABLE as a whole, is never evaluated:
 *   the caller reports its risk (UNANSWERED / NOT_APPLICABLE) without calling this module.
 *
 * Rules are tried in order and the first true condition sets the risk; `default` is
 * always true, and compiled rules always end with it.
 */
import type { RiskRuleRisk } from '../lens/types';
import { isNoneOfTheseChoice } from '../lens/types';
import type { CompiledRiskRules } from './compile-risk-rules';
import { evaluateCondition } from './evaluate-condition';

export type QuestionRisk = 'HIGH' | 'MEDIUM' | 'NONE';

const QUESTION_RISK: Record<RiskRuleRisk, QuestionRisk> = {
  HIGH_RISK: 'HIGH',
  MEDIUM_RISK: 'MEDIUM',
  NO_RISK: 'NONE',
};

export function satisfiedChoices(
  selected: Iterable<string>,
  notApplicable: Iterable<string>,
): Set<string> {
  const satisfied = new Set(selected);
  for (const id of notApplicable) {
    if (!isNoneOfTheseChoice(id)) satisfied.add(id);
  }
  return satisfied;
}

export function evaluateRisk(compiled: CompiledRiskRules, satisfied: ReadonlySet<string>): QuestionRisk {
  const rule = compiled.rules.find((candidate) => evaluateCondition(candidate.condition, satisfied));
  if (!rule) throw new Error('compiled risk rules end with a default rule, so one always applies');
  return QUESTION_RISK[rule.risk];
}
