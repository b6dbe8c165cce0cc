import { describe, expect, it } from 'vitest';
import { accountSummaryText, checksByPractice, contradictingChecks, type SourcedCheckResult } from './summaries';

const result = (o: Partial<SourcedCheckResult>): SourcedCheckResult => ({
  lensKey: 'wellarchitected',
  pillarId: 'security',
  questionId: 'identities',
  choiceId: 'sec_identities_enforce_mechanisms',
  source: 'Prowler',
  checkId: 'mfa',
  accountId: '111111111111',
  name: 'MFA',
  description: '',
  status: 'OKAY',
  flaggedResources: 0,
  updatedAt: 1000,
  ...o,
});

describe('checks by practice', () => {
  it('summarizes each check over its accounts, per practice and per source', () => {
    const practices = checksByPractice([
      result({ status: 'ERROR', flaggedResources: 3, updatedAt: 2000 }),
      result({ accountId: '222222222222', status: 'OKAY' }),
      result({ source: 'Other', status: 'WARNING', flaggedResources: 1 }),
      result({ choiceId: 'sec_identities_unique', checkId: 'keys', status: 'NOT_AVAILABLE' }),
    ]);
    expect(practices.map((p) => p.choiceId)).toEqual(['sec_identities_enforce_mechanisms', 'sec_identities_unique']);
    expect(practices[0].checks).toEqual([
      expect.objectContaining({ source: 'Prowler', status: 'ERROR', accountSummary: { ERROR: 1, OKAY: 1 }, flaggedResources: 3, updatedAt: 2000 }),
      expect.objectContaining({ source: 'Other', status: 'WARNING', accountSummary: { WARNING: 1 }, flaggedResources: 1 }),
    ]);
    expect(contradictingChecks(practices[0].checks).map((c) => c.source)).toEqual(['Prowler', 'Other']);
    expect(contradictingChecks(practices[1].checks)).toEqual([]);
  });

  it('words account counts worst first', () => {
    expect(accountSummaryText({ OKAY: 2, ERROR: 1, NOT_AVAILABLE: 1 })).toBe('1 error, 2 okay, 1 not available');
  });
});
