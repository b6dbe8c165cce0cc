import { isNoneOfTheseChoice } from '../lens/types';
import type { CompiledRiskRules } from './compile-risk-rules';
import { evaluateRisk, type QuestionRisk } from './evaluate-risk';

/**
 * The risk level of each best practice of a question: the risk the question's own
 * rules give when every other practice is followed and this one alone is not. It is
 * read off the rules, so it holds for custom lenses as well as for ours (whose rules
 * are derived from each practice's documented level, and give that level back).
 */
export function practiceRisks(question: { choices: ReadonlyArray<{ id: string }>; rules: CompiledRiskRules }): Record<string, QuestionRisk> {
  const practices = question.choices.map((c) => c.id).filter((id) => !isNoneOfTheseChoice(id));
  const risks: Record<string, QuestionRisk> = {};
  for (const id of practices) {
    risks[id] = evaluateRisk(question.rules, new Set(practices.filter((other) => other !== id)));
  }
  return risks;
}
