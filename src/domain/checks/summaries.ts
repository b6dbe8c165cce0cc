import { summarize, type CheckResult } from './aggregate';
import { flags, type CheckStatus } from './finding';

/**
 * What a reader is shown of the checks on a lens review: per best practice, each
 * check over the workload's accounts (ListCheckSummaries' view of it), and whether
 * a practice marked as followed is contradicted by a check reporting a problem.
 */

/** A check result with the scanner that gave it. */
export interface SourcedCheckResult extends CheckResult {
  source: string;
}

export interface CheckOverAccounts {
  source: string;
  checkId: string;
  name: string;
  description: string;
  /** The worst status over the accounts. */
  status: CheckStatus;
  /** Per status, how many accounts are in it. */
  accountSummary: Partial<Record<CheckStatus, number>>;
  /** Flagged resources over all accounts. */
  flaggedResources: number;
  updatedAt: number;
}

export interface PracticeChecks {
  lensKey: string;
  pillarId: string;
  questionId: string;
  choiceId: string;
  checks: CheckOverAccounts[];
}

/** One entry per source and check, in the order the results come (the repository sorts them). */
export function summarizeChecks(results: readonly SourcedCheckResult[]): CheckOverAccounts[] {
  const byCheck = new Map<string, SourcedCheckResult[]>();
  for (const r of results) {
    const key = `${r.source}\u0000${r.checkId}`;
    const accounts = byCheck.get(key);
    if (accounts) accounts.push(r);
    else byCheck.set(key, [r]);
  }
  return [...byCheck.values()].map((accounts) => {
    const { status, accountSummary } = summarize(accounts.map((a) => a.status));
    const first = accounts[0];
    return {
      source: first.source,
      checkId: first.checkId,
      name: first.name,
      description: first.description,
      status,
      accountSummary,
      flaggedResources: accounts.reduce((n, a) => n + a.flaggedResources, 0),
      updatedAt: Math.max(...accounts.map((a) => a.updatedAt)),
    };
  });
}

/** The results grouped by best practice, each practice's checks summarized over the accounts. */
export function checksByPractice(results: readonly SourcedCheckResult[]): PracticeChecks[] {
  const byPractice = new Map<string, SourcedCheckResult[]>();
  for (const r of results) {
    const key = `${r.lensKey}\u0000${r.questionId}\u0000${r.choiceId}`;
    const list = byPractice.get(key);
    if (list) list.push(r);
    else byPractice.set(key, [r]);
  }
  return [...byPractice.values()].map((list) => {
    const { lensKey, pillarId, questionId, choiceId } = list[0];
    return { lensKey, pillarId, questionId, choiceId, checks: summarizeChecks(list) };
  });
}

/** The checks that contradict a practice marked as followed: those reporting a problem (WARNING or ERROR). */
export const contradictingChecks = <T extends { status: CheckStatus }>(checks: readonly T[]): T[] => checks.filter((c) => flags(c.status));

/** Account counts in words, worst first: "1 error, 2 okay". */
export function accountSummaryText(summary: Partial<Record<CheckStatus, number>>): string {
  const words: Record<CheckStatus, string> = { ERROR: 'error', WARNING: 'warning', OKAY: 'okay', NOT_AVAILABLE: 'not available' };
  return (['ERROR', 'WARNING', 'OKAY', 'NOT_AVAILABLE'] as const)
    .filter((s) => summary[s])
    .map((s) => `${summary[s]} ${words[s]}`)
    .join(', ');
}
