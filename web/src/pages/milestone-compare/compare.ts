import type { AnswerSummary } from '@aws-sdk/client-wellarchitected';
import type { PillarAnswers } from '../commons/lens-answers';

/** How a question moved between two states of a review. */
export type Change = 'IMPROVED' | 'WORSENED' | 'ANSWER_CHANGED' | 'ANSWERED' | 'CLEARED' | 'CHANGED' | 'UNCHANGED' | 'ADDED' | 'REMOVED';

export interface QuestionChange {
  QuestionId: string;
  PillarId: string;
  PillarName: string;
  QuestionTitle: string;
  before?: AnswerSummary;
  after?: AnswerSummary;
  change: Change;
  /** Best-practice titles selected after but not before, and the reverse. */
  added: string[];
  removed: string[];
}

// Lower is better; not applicable and unanswered have no place on this scale.
const RANK: Record<string, number> = { NONE: 0, MEDIUM: 1, HIGH: 2 };

const titles = (a: AnswerSummary | undefined, ids: string[]) =>
  ids.map((id) => a?.Choices?.find((c) => c.ChoiceId === id)?.Title ?? id);

function classify(before: AnswerSummary | undefined, after: AnswerSummary | undefined, added: string[], removed: string[]): Change {
  if (!before) return 'ADDED';
  if (!after) return 'REMOVED';
  const b = before.Risk ?? 'UNANSWERED';
  const a = after.Risk ?? 'UNANSWERED';
  if (b === a) {
    const same = added.length === 0 && removed.length === 0 && before.IsApplicable === after.IsApplicable;
    return same ? 'UNCHANGED' : 'ANSWER_CHANGED';
  }
  if (b in RANK && a in RANK) return RANK[a] < RANK[b] ? 'IMPROVED' : 'WORSENED';
  if (b === 'UNANSWERED') return 'ANSWERED';
  if (a === 'UNANSWERED') return 'CLEARED';
  return 'CHANGED';
}

/**
 * Question by question, what changed between two states of the same lens review
 * (two milestones, or a milestone and now), in the lens's order. A question only one
 * side has (the lens was upgraded between them) is ADDED or REMOVED.
 */
export function compareReviews(before: PillarAnswers[], after: PillarAnswers[]): QuestionChange[] {
  const beforeById = new Map(before.flatMap((p) => p.answers.map((a) => [a.QuestionId ?? '', a] as const)));
  const seen = new Set<string>();
  const rows: QuestionChange[] = [];
  const push = (pillar: PillarAnswers, a: AnswerSummary | undefined, b: AnswerSummary | undefined) => {
    const id = (a ?? b)?.QuestionId ?? '';
    seen.add(id);
    const was = new Set(b?.SelectedChoices ?? []);
    const now = new Set(a?.SelectedChoices ?? []);
    const added = titles(a, [...now].filter((c) => !was.has(c)));
    const removed = titles(b, [...was].filter((c) => !now.has(c)));
    rows.push({
      QuestionId: id,
      PillarId: pillar.PillarId,
      PillarName: pillar.PillarName,
      QuestionTitle: (a ?? b)?.QuestionTitle ?? id,
      before: b,
      after: a,
      change: classify(b, a, b && a ? added : [], b && a ? removed : []),
      added: b && a ? added : [],
      removed: b && a ? removed : [],
    });
  };
  for (const pillar of after) for (const a of pillar.answers) push(pillar, a, beforeById.get(a.QuestionId ?? ''));
  for (const pillar of before) for (const b of pillar.answers) if (!seen.has(b.QuestionId ?? '')) push(pillar, undefined, b);
  return rows;
}

export const CHANGE_LABELS: Record<Change, string> = {
  IMPROVED: 'Risk reduced',
  WORSENED: 'Risk increased',
  ANSWER_CHANGED: 'Answer changed, same risk',
  ANSWERED: 'Answered',
  CLEARED: 'No longer answered',
  CHANGED: 'Applicability changed',
  UNCHANGED: 'Unchanged',
  ADDED: 'New question',
  REMOVED: 'Question removed',
};
