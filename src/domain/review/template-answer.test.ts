import { describe, expect, it } from 'vitest';
import type { CompiledQuestion } from '../lens/compiled-lens';
import { unanswered, type AnswerState } from './answer';
import { mergeNote, mergePillarNotes, mergeTemplateAnswer } from './template-answer';

// Only the question's choice ids matter to the merge (choices gone from the workload's version are dropped).
const question = { id: 'q', choiceIds: new Set(['a', 'b', 'c']) } as unknown as CompiledQuestion;
const state = (extra: Partial<AnswerState>): AnswerState => ({ ...unanswered(), ...extra });

describe('a template answer meeting a workload answer', () => {
  const notesOnly = state({ notes: 'Our own words', choiceAnswers: { a: { status: 'UNSELECTED', notes: 'about a' } } });
  const templateAnswer = state({ selected: ['b'], notes: 'Template words', choiceAnswers: { b: { status: 'SELECTED', notes: 'template on b' } } });

  it('FILL answers a question that has notes but no choices, keeping its notes', () => {
    const merged = mergeTemplateAnswer(question, 'FILL', notesOnly, templateAnswer);
    expect(merged.selected).toEqual(['b']);
    expect(merged.notes).toBe('Our own words');
    expect(merged.choiceAnswers).toEqual({ a: { status: 'UNSELECTED', notes: 'about a' }, b: { status: 'SELECTED', notes: 'template on b' } });
  });

  it('FILL keeps an answered question and only fills its empty notes', () => {
    const answered = state({ selected: ['a'], choiceAnswers: {} });
    const merged = mergeTemplateAnswer(question, 'FILL', answered, templateAnswer);
    expect(merged.selected).toEqual(['a']);
    expect(merged.notes).toBe('Template words');
    // b is not selected here: the template's note on it is kept, its status is the workload's.
    expect(merged.choiceAnswers).toEqual({ b: { status: 'UNSELECTED', notes: 'template on b' } });
  });

  it('OVERWRITE takes the template answer and notes, keeping notes the template does not have', () => {
    const own = state({ selected: ['a'], notes: 'Our own words', choiceAnswers: { c: { status: 'UNSELECTED', notes: 'about c' } } });
    const silent = state({ selected: ['b'] });
    const merged = mergeTemplateAnswer(question, 'OVERWRITE', own, silent);
    expect(merged.selected).toEqual(['b']);
    expect(merged.notes).toBe('Our own words');
    expect(merged.choiceAnswers).toEqual({ c: { status: 'UNSELECTED', notes: 'about c' } });
    expect(mergeTemplateAnswer(question, 'OVERWRITE', own, templateAnswer).notes).toBe('Template words');
  });

  it('OVERWRITE with a template answer of notes only replaces the notes, not the choices', () => {
    const own = state({ selected: ['a'], notes: 'Ours' });
    const merged = mergeTemplateAnswer(question, 'OVERWRITE', own, state({ notes: 'Theirs' }));
    expect(merged).toEqual(state({ selected: ['a'], notes: 'Theirs' }));
  });

  it('takes not-applicable marks and reasons with the answer proper', () => {
    const template = state({ isApplicable: false, reason: 'OUT_OF_SCOPE', choiceAnswers: { a: { status: 'NOT_APPLICABLE', reason: 'NONE' } } });
    const merged = mergeTemplateAnswer(question, 'FILL', notesOnly, template);
    expect(merged.isApplicable).toBe(false);
    expect(merged.reason).toBe('OUT_OF_SCOPE');
    expect(merged.choiceAnswers.a).toEqual({ status: 'NOT_APPLICABLE', reason: 'NONE', notes: 'about a' });
  });

  it('drops choices the workload lens version does not have', () => {
    const merged = mergeTemplateAnswer(question, 'OVERWRITE', unanswered(), state({ selected: ['b', 'gone'], choiceAnswers: { gone: { status: 'UNSELECTED', notes: 'x' } } }));
    expect(merged.selected).toEqual(['b']);
    expect(merged.choiceAnswers).toEqual({});
  });
});

describe('lens and pillar notes', () => {
  it('follow the same rule: empty text never replaces a note', () => {
    expect(mergeNote('FILL', 'own', 'template')).toBe('own');
    expect(mergeNote('FILL', '', 'template')).toBe('template');
    expect(mergeNote('OVERWRITE', 'own', 'template')).toBe('template');
    expect(mergeNote('OVERWRITE', 'own', '')).toBe('own');
    expect(mergeNote('OVERWRITE', null, null)).toBeNull();
    expect(mergePillarNotes('OVERWRITE', { security: 'own', cost: 'own cost' }, { security: 'template', ops: 'template ops' })).toEqual({
      security: 'template',
      cost: 'own cost',
      ops: 'template ops',
    });
    expect(mergePillarNotes('FILL', { security: 'own' }, { security: 'template', ops: 'template ops' })).toEqual({ security: 'own', ops: 'template ops' });
  });
});
