import { describe, expect, it } from 'vitest';
import { describeNotApplicable, draftOf, isChanged, markNotApplicable, noneChoiceOf, practiceLocked, toggleChoice, updateOf, type AnswerLike } from './answer-draft';

/** The one draft both the question page and the template editor edit and save. */

const saved: AnswerLike = {
  Choices: [{ ChoiceId: 'q_a', Title: 'A' }, { ChoiceId: 'q_b', Title: 'B' }, { ChoiceId: 'q_c', Title: 'C' }, { ChoiceId: 'q_no', Title: 'None of these' }],
  SelectedChoices: ['q_a'],
  ChoiceAnswers: [{ ChoiceId: 'q_c', Status: 'NOT_APPLICABLE', Reason: 'OUT_OF_SCOPE', Notes: 'no data' }],
  IsApplicable: true,
  Notes: 'first notes',
};

describe('answer draft', () => {
  it('starts from the saved answer, not-applicable practices with their reason and details', () => {
    const draft = draftOf(saved);
    expect(draft).toEqual({ selected: ['q_a'], isApplicable: true, reason: undefined, notes: 'first notes', notApplicable: { q_c: { reason: 'OUT_OF_SCOPE', notes: 'no data' } } });
    expect(isChanged(saved, draft)).toBe(false);
    expect(noneChoiceOf(saved)).toBe('q_no');
  });

  it('"None of these" keeps the practices already ticked and locks the others, as the hosted console does', () => {
    const none = toggleChoice(draftOf(saved), 'q_no', true);
    expect(none.selected).toEqual(['q_a', 'q_no']);
    expect(practiceLocked(none, 'q_b', 'q_no')).toBe(true);
    expect(practiceLocked(none, 'q_no', 'q_no')).toBe(false);
    const unticked = toggleChoice(none, 'q_no', false);
    expect(practiceLocked(unticked, 'q_b', 'q_no')).toBe(false);
    expect(toggleChoice(unticked, 'q_b', true).selected).toEqual(['q_a', 'q_b']);
  });

  it('marking a practice not applicable unselects it; its details change without losing the mark', () => {
    const marked = markNotApplicable(draftOf(saved), 'q_a', true);
    expect(marked.selected).toEqual([]);
    expect(marked.notApplicable.q_a).toEqual({ notes: '' });
    const described = describeNotApplicable(marked, 'q_a', { reason: 'OTHER' });
    expect(described.notApplicable.q_a).toEqual({ reason: 'OTHER', notes: '' });
    expect(describeNotApplicable(described, 'q_a', { notes: 'why' }).notApplicable.q_a).toEqual({ reason: 'OTHER', notes: 'why' });
    expect(markNotApplicable(described, 'q_a', false).notApplicable).not.toHaveProperty('q_a');
  });

  it('saves a practice no longer marked with an explicit update that clears its mark', () => {
    const draft = markNotApplicable(toggleChoice(draftOf(saved), 'q_b', true), 'q_c', false);
    expect(isChanged(saved, draft)).toBe(true);
    expect(updateOf(saved, draft)).toEqual({
      SelectedChoices: ['q_a', 'q_b'],
      ChoiceUpdates: { q_c: { Status: 'UNSELECTED', Notes: '' } },
      Notes: 'first notes',
      IsApplicable: true,
      Reason: 'NONE',
    });
  });

  it('sends the reason only while the question does not apply', () => {
    const off = { ...draftOf(saved), isApplicable: false, reason: 'BUSINESS_PRIORITIES' as const };
    expect(updateOf(saved, off)).toMatchObject({ IsApplicable: false, Reason: 'BUSINESS_PRIORITIES' });
    expect(updateOf(saved, { ...off, isApplicable: true })).toMatchObject({ IsApplicable: true, Reason: 'NONE' });
    // Order of selection does not make a change.
    expect(isChanged({ ...saved, SelectedChoices: ['q_a', 'q_b'] }, { ...draftOf(saved), selected: ['q_b', 'q_a'] })).toBe(false);
  });
});
