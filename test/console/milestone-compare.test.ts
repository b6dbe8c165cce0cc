import { describe, expect, it } from 'vitest';
import { compareReviews } from '../../web/src/pages/milestone-compare/compare';

const pillar = (answers: Array<{ id: string; risk: string; selected?: string[] }>) => [
  {
    PillarId: 'ops',
    PillarName: 'Operational excellence',
    answers: answers.map((a) => ({
      QuestionId: a.id,
      QuestionTitle: `Question ${a.id}`,
      Risk: a.risk as 'HIGH',
      SelectedChoices: a.selected ?? [],
      IsApplicable: true,
      Choices: [
        { ChoiceId: 'c1', Title: 'First practice' },
        { ChoiceId: 'c2', Title: 'Second practice' },
      ],
    })),
  },
];

describe('compareReviews', () => {
  it('says which questions improved, worsened, changed answers only, were answered or cleared, or stayed', () => {
    const before = pillar([
      { id: 'q1', risk: 'HIGH' },
      { id: 'q2', risk: 'NONE', selected: ['c1', 'c2'] },
      { id: 'q3', risk: 'MEDIUM', selected: ['c1'] },
      { id: 'q4', risk: 'UNANSWERED' },
      { id: 'q5', risk: 'MEDIUM', selected: ['c2'] },
      { id: 'q7', risk: 'UNANSWERED' },
      { id: 'q8', risk: 'NONE', selected: ['c1'] },
      { id: 'q9', risk: 'HIGH' },
    ]);
    const after = pillar([
      { id: 'q1', risk: 'MEDIUM', selected: ['c1'] },
      { id: 'q2', risk: 'HIGH' },
      { id: 'q3', risk: 'MEDIUM', selected: ['c2'] },
      { id: 'q4', risk: 'UNANSWERED' },
      { id: 'q6', risk: 'NONE' },
      { id: 'q7', risk: 'HIGH', selected: ['c1'] },
      { id: 'q8', risk: 'UNANSWERED' },
      { id: 'q9', risk: 'NOT_APPLICABLE' },
    ]);
    const rows = compareReviews(before, after);
    expect(rows.map((r) => [r.QuestionId, r.change])).toEqual([
      ['q1', 'IMPROVED'],
      ['q2', 'WORSENED'],
      ['q3', 'ANSWER_CHANGED'],
      ['q4', 'UNCHANGED'],
      ['q6', 'ADDED'],
      ['q7', 'ANSWERED'],
      ['q8', 'CLEARED'],
      ['q9', 'CHANGED'],
      ['q5', 'REMOVED'],
    ]);
    expect(rows[0].added).toEqual(['First practice']);
    expect(rows[1].removed).toEqual(['First practice', 'Second practice']);
    expect(rows[2]).toMatchObject({ added: ['Second practice'], removed: ['First practice'] });
  });
});
