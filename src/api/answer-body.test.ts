import { describe, expect, it } from 'vitest';
import { answerRisk, unanswered, type AnswerState } from '../domain/review/answer';
import { loadBuiltinLens } from '../services/lenses/builtin-lenses';
import { presentAnswer, presentAnswerSummary } from '../services/reviews/present';
import { answerBody, answerSummariesBody } from './answer-body';

const lens = loadBuiltinLens('wellarchitected').current;

function states(questionId: string): AnswerState[] {
  const q = lens.questions.get(questionId)!;
  const [first, second] = q.choices.map((c) => c.id);
  return [
    unanswered(),
    { ...unanswered(), selected: [first], notes: 'a "quoted" note\nwith a line break' },
    { selected: [first], choiceAnswers: { [second]: { status: 'NOT_APPLICABLE', reason: 'OUT_OF_SCOPE', notes: 'n/a here' } }, notes: null, isApplicable: true, reason: null },
    { ...unanswered(), isApplicable: false, reason: 'ARCHITECTURE_CONSTRAINTS' },
  ] as AnswerState[];
}

describe('prebuilt answer JSON body', () => {
  for (const questionId of ['priorities', 'securely-operate', 'backing-up-data']) {
    it(`says what JSON.stringify says, for ${questionId}`, () => {
      const question = lens.questions.get(questionId)!;
      for (const state of states(questionId)) {
        const output = { WorkloadId: 'w1', LensAlias: 'wellarchitected', LensArn: lens.arn, Answer: presentAnswer(question, state, answerRisk(question, state)) };
        const expected = JSON.parse(JSON.stringify(output));
        // Twice: the second time the question's cached text is used.
        for (let i = 0; i < 2; i++) {
          const body = answerBody({ ...output });
          expect(JSON.parse(body.toString())).toEqual(expected);
        }
      }
    });
  }

  it('keeps every body intact while many are alive (bodies share slabs)', () => {
    const questions = ['securely-operate', 'priorities', 'backing-up-data'].map((id) => lens.questions.get(id)!);
    // About 10 KB each: 120 of them fill several slabs.
    const made = Array.from({ length: 120 }, (_, i) => {
      const question = questions[i % questions.length];
      const state = { ...unanswered(), selected: [question.choices[0].id], notes: `note ${i}` };
      const output = { WorkloadId: `w${i}`, Answer: presentAnswer(question, state, answerRisk(question, state)) };
      return { expected: JSON.parse(JSON.stringify(output)), body: answerBody({ ...output }) };
    });
    for (const { expected, body } of made) expect(JSON.parse(body.toString())).toEqual(expected);
  });

  it('says what JSON.stringify says for a page of answer summaries, with and without a NextToken', () => {
    const questions = [...lens.questions.values()].slice(0, 12);
    for (const NextToken of [undefined, 'next-page']) {
      const summaries = questions.map((q, i) => {
        const state = states(q.id)[i % 4];
        return presentAnswerSummary(q, state, answerRisk(q, state), i % 3 === 0);
      });
      const output = { WorkloadId: 'w1', MilestoneNumber: undefined, LensAlias: 'wellarchitected', LensArn: lens.arn, AnswerSummaries: summaries, NextToken };
      for (let i = 0; i < 2; i++) expect(answerSummariesBody({ ...output }).toString()).toBe(JSON.stringify(output));
    }
    const empty = { WorkloadId: 'w1', AnswerSummaries: [] };
    expect(answerSummariesBody(empty).toString()).toBe(JSON.stringify(empty));
  });
});
