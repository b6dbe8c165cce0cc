import { describe, expect, it } from 'vitest';
import { CheckAggregator, summarize, type PracticePlace } from './aggregate';
import { parseGenericFinding, type Finding } from './finding';

const place = (choiceId: string): PracticePlace => ({ lensKey: 'wellarchitected', pillarId: 'security', questionId: 'identities', choiceId });
const places: Record<string, PracticePlace[]> = { a: [place('a')], b: [place('b')] };

const finding = (over: Partial<Finding>): Finding => ({
  CheckId: 'mfa',
  Name: 'MFA',
  Description: '',
  Status: 'OKAY',
  AccountId: '111111111111',
  Resources: [],
  PracticeIds: ['a'],
  Time: 1000,
  ...over,
});

describe('check aggregation', () => {
  it('keeps the worst status per account and check, counts distinct flagged resources, and the latest time', () => {
    const agg = new CheckAggregator((p) => places[p] ?? []);
    agg.add(finding({ Status: 'OKAY', Resources: [{ Id: 'user/ok' }] }));
    agg.add(finding({ Status: 'WARNING', Resources: [{ Id: 'user/x' }], Time: 3000 }));
    agg.add(finding({ Status: 'ERROR', Resources: [{ Id: 'user/x' }, { Id: 'user/y' }], Time: 2000 }));
    agg.add(finding({ AccountId: '222222222222', Status: 'NOT_AVAILABLE' }));
    const results = agg.results();
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ accountId: '111111111111', choiceId: 'a', status: 'ERROR', flaggedResources: 2, updatedAt: 3000 });
    expect(results[1]).toMatchObject({ accountId: '222222222222', status: 'NOT_AVAILABLE', flaggedResources: 0 });
    expect(agg.flaggedResources().map((r) => [r.resourceId, r.status])).toEqual([
      ['user/x', 'ERROR'],
      ['user/y', 'ERROR'],
    ]);
  });

  it('counts findings it cannot place, by why', () => {
    const agg = new CheckAggregator((p) => places[p] ?? []);
    agg.add(finding({ PracticeIds: [] }));
    agg.add(finding({ PracticeIds: ['gone'] }));
    agg.add(finding({ PracticeIds: ['gone', 'b'] }));
    expect(agg.tally).toMatchObject({ findings: 3, placed: 1, withoutPractice: 1, practiceNotInLens: 1 });
    expect([...agg.tally.unknownPracticeIds]).toEqual(['gone']);
    expect(agg.results().map((r) => r.choiceId)).toEqual(['b']);
  });

  it('summarizes accounts: the worst status and how many accounts are in each', () => {
    expect(summarize(['OKAY', 'ERROR', 'OKAY', 'NOT_AVAILABLE'])).toEqual({ status: 'ERROR', accountSummary: { OKAY: 2, ERROR: 1, NOT_AVAILABLE: 1 } });
  });
});

describe('the generic format', () => {
  it('reads a line and takes ISO or epoch times', () => {
    const read = parseGenericFinding(
      { CheckId: 'c', Status: 'WARNING', AccountId: '123456789012', PracticeIds: ['a'], Resources: [{ Id: 'r1', Region: 'eu-west-1' }], Time: '2026-12-01T00:00:00Z' },
      0,
    );
    expect(read.finding).toMatchObject({ CheckId: 'c', Name: 'c', Status: 'WARNING', Time: Date.parse('2026-12-01T00:00:00Z'), Resources: [{ Id: 'r1', Region: 'eu-west-1' }] });
    expect(parseGenericFinding({ CheckId: 'c', Status: 'OKAY', AccountId: '123456789012', PracticeIds: [], Time: 1764547200 }, 0).finding?.Time).toBe(1764547200000);
  });

  it('names each bad member', () => {
    const read = parseGenericFinding({ Status: 'FAIL', AccountId: '12', PracticeIds: 'a', Resources: [{}], Time: 'soon' }, 0);
    expect(read.problems.map((p) => p.Name)).toEqual(['CheckId', 'Status', 'AccountId', 'PracticeIds', 'Resources[0].Id', 'Time']);
  });
});
