/** Risk of one question, as the API names it. */
export type Risk = 'UNANSWERED' | 'HIGH' | 'MEDIUM' | 'NONE' | 'NOT_APPLICABLE';

export const RISKS: readonly Risk[] = ['UNANSWERED', 'HIGH', 'MEDIUM', 'NONE', 'NOT_APPLICABLE'];

export type RiskCounts = Record<Risk, number>;

export function emptyCounts(): RiskCounts {
  return { UNANSWERED: 0, HIGH: 0, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 };
}

export function addCounts(into: RiskCounts, other: Partial<RiskCounts>, sign = 1): RiskCounts {
  for (const risk of RISKS) into[risk] += sign * (other[risk] ?? 0);
  return into;
}

/** Counts of a set of questions given the risk of each (unanswered when absent). */
export function countRisks(questionIds: Iterable<string>, riskOf: (questionId: string) => Risk | undefined): RiskCounts {
  const counts = emptyCounts();
  for (const id of questionIds) counts[riskOf(id) ?? 'UNANSWERED'] += 1;
  return counts;
}
