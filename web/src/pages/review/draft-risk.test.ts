import { describe, expect, it } from 'vitest';
import { draftOf } from '../commons/answer-draft';
import { draftRisk } from './draft-risk';

/** The risk of unsaved ticks, by the lens's rules and the server's own evaluation (domain/review/answer.ts). */

const answer = {
  Choices: [{ ChoiceId: 'q_a' }, { ChoiceId: 'q_b' }, { ChoiceId: 'q_c' }, { ChoiceId: 'q_no' }],
  SelectedChoices: [],
  IsApplicable: true,
};
const rules = [
  { Condition: 'q_a && q_b && q_c', Risk: 'NO_RISK' },
  { Condition: 'q_a', Risk: 'MEDIUM_RISK' },
  { Condition: 'default', Risk: 'HIGH_RISK' },
];
const draft = (change: Partial<ReturnType<typeof draftOf>>) => ({ ...draftOf(answer), ...change });

describe('draft risk', () => {
  it('is unanswered with nothing ticked, and follows the rules as ticks are added', () => {
    expect(draftRisk(answer, draft({}), rules)).toBe('UNANSWERED');
    expect(draftRisk(answer, draft({ selected: ['q_b'] }), rules)).toBe('HIGH');
    expect(draftRisk(answer, draft({ selected: ['q_a', 'q_b'] }), rules)).toBe('MEDIUM');
    expect(draftRisk(answer, draft({ selected: ['q_a', 'q_b', 'q_c'] }), rules)).toBe('NONE');
  });

  it('counts a practice marked not applicable as followed, and leaves "None of these" to the rules, as the server does', () => {
    expect(draftRisk(answer, draft({ selected: ['q_a', 'q_b'], notApplicable: { q_c: { notes: '' } } }), rules)).toBe('NONE');
    expect(draftRisk(answer, draft({ selected: ['q_no'], notApplicable: { q_a: { notes: '' } } }), rules)).toBe('MEDIUM');
    // Rules that exclude "None of these", as the built-in lenses' do, keep it at the worst risk.
    const excluding = rules.map((r) => (r.Condition === 'default' ? r : { ...r, Condition: `!q_no && ${r.Condition}` }));
    expect(draftRisk(answer, draft({ selected: ['q_no', 'q_a', 'q_b', 'q_c'] }), excluding)).toBe('HIGH');
  });

  it('is not applicable when the question does not apply, and unknown without readable rules', () => {
    expect(draftRisk(answer, draft({ isApplicable: false }), rules)).toBe('NOT_APPLICABLE');
    expect(draftRisk(answer, draft({ selected: ['q_a'] }), undefined)).toBeUndefined();
    expect(draftRisk(answer, draft({ selected: ['q_a'] }), [{ Condition: 'q_zz', Risk: 'HIGH_RISK' }])).toBeUndefined();
  });
});
