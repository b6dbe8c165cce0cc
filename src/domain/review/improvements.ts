import type { CompiledLens, CompiledQuestion } from '../lens/compiled-lens';
import { isNoneOfTheseChoice } from '../lens/types';
import { notApplicableChoices, type AnswerState } from './answer';
import type { Risk } from './risk';

/**
 * The improvement plan of a lens review: questions at high risk first, then
 * medium, each group ordered by the workload's pillar priorities (pillars not
 * listed follow in lens order), then by question order; each item lists the
 * practices not followed, with their improvement plans.
 */

export interface ImprovementItem {
  question: CompiledQuestion;
  risk: 'HIGH' | 'MEDIUM';
  missing: CompiledQuestion['choices'];
}

export function improvementPlan(
  lens: CompiledLens,
  answers: ReadonlyMap<string, { state: AnswerState; risk: Risk }>,
  pillarPriorities: readonly string[],
  pillarFilter?: string,
): ImprovementItem[] {
  const pillarRank = new Map<string, number>();
  pillarPriorities.forEach((id, i) => pillarRank.set(id, i));
  lens.pillars.forEach((p, i) => {
    if (!pillarRank.has(p.id)) pillarRank.set(p.id, pillarPriorities.length + i);
  });
  const items: ImprovementItem[] = [];
  for (const question of lens.questions.values()) {
    if (pillarFilter && question.pillarId !== pillarFilter) continue;
    const answer = answers.get(question.id);
    if (!answer || (answer.risk !== 'HIGH' && answer.risk !== 'MEDIUM')) continue;
    const followed = new Set([...answer.state.selected, ...notApplicableChoices(answer.state)]);
    const missing = question.choices.filter((c) => !followed.has(c.id) && !isNoneOfTheseChoice(c.id));
    items.push({ question, risk: answer.risk, missing });
  }
  const riskRank = (r: 'HIGH' | 'MEDIUM') => (r === 'HIGH' ? 0 : 1);
  return items.sort(
    (a, b) =>
      riskRank(a.risk) - riskRank(b.risk) ||
      (pillarRank.get(a.question.pillarId) ?? 0) - (pillarRank.get(b.question.pillarId) ?? 0) ||
      a.question.order - b.question.order,
  );
}
