import { describe, expect, it } from 'vitest';
import type { LensDocument, LensQuestion } from './types';
import { lensVersionDifference } from './version-diff';

const question = (id: string, title = `Question ${id}`): LensQuestion => ({
  id,
  title,
  choices: [{ id: `${id}_a`, title: 'A' }],
  riskRules: [{ condition: 'default', risk: 'HIGH_RISK' }],
});

const lens = (pillars: LensDocument['pillars']): LensDocument => ({ schemaVersion: '2021-11-01', name: 'L', description: 'D', pillars });

describe('lensVersionDifference', () => {
  it('reports nothing for equal versions, whatever the key order', () => {
    const base = lens([{ id: 'p', name: 'P', questions: [question('q1')] }]);
    const reordered = lens([{ name: 'P', id: 'p', questions: [{ riskRules: question('q1').riskRules, choices: question('q1').choices, title: 'Question q1', id: 'q1' }] }]);
    expect(lensVersionDifference(base, reordered)).toEqual([]);
  });

  it('reports new, updated and deleted questions and pillars', () => {
    const base = lens([
      { id: 'p', name: 'P', questions: [question('q1'), question('q2')] },
      { id: 'gone', name: 'Gone', questions: [question('g1')] },
    ]);
    const target = lens([
      { id: 'p', name: 'P', questions: [question('q1', 'Reworded'), question('q3')] },
      { id: 'fresh', name: 'Fresh', questions: [question('f1')] },
    ]);
    expect(lensVersionDifference(base, target)).toEqual([
      {
        pillarId: 'p',
        pillarName: 'P',
        status: 'UPDATED',
        questions: [
          { questionId: 'q1', questionTitle: 'Reworded', status: 'UPDATED' },
          { questionId: 'q3', questionTitle: 'Question q3', status: 'NEW' },
          { questionId: 'q2', questionTitle: 'Question q2', status: 'DELETED' },
        ],
      },
      { pillarId: 'fresh', pillarName: 'Fresh', status: 'NEW', questions: [{ questionId: 'f1', questionTitle: 'Question f1', status: 'NEW' }] },
      { pillarId: 'gone', pillarName: 'Gone', status: 'DELETED', questions: [{ questionId: 'g1', questionTitle: 'Question g1', status: 'DELETED' }] },
    ]);
  });

  it('lists a renamed pillar with no question changes', () => {
    const base = lens([{ id: 'p', name: 'P', questions: [question('q1')] }]);
    const target = lens([{ id: 'p', name: 'Renamed', questions: [question('q1')] }]);
    expect(lensVersionDifference(base, target)).toEqual([{ pillarId: 'p', pillarName: 'Renamed', status: 'UPDATED', questions: [] }]);
  });
});
