import type { CompiledLens, CompiledQuestion } from '../../domain/lens/compiled-lens';
import { isAnswered, type AnswerState } from '../../domain/review/answer';
import type { TemplateAnswerRecord, TemplateLensRecord, TemplateRecord } from '../../store/templates.repo';
import { seconds } from '../pagination';
import { presentAnswer, presentAnswerSummary } from '../reviews/present';

/** Review templates as the API shapes them. Answers reuse the shapes of workload answers, without risk. */

export type TemplateAnswers = ReadonlyMap<string, AnswerState>;

export const answerStatus = (state: AnswerState | undefined) => (state && isAnswered(state) ? 'ANSWERED' : 'UNANSWERED');

/** Answered and unanswered questions among `questions`. */
export function questionCounts(questions: Iterable<CompiledQuestion>, answers: TemplateAnswers) {
  const counts = { UNANSWERED: 0, ANSWERED: 0 };
  for (const q of questions) counts[answerStatus(answers.get(q.id))] += 1;
  return counts;
}

export const answersByQuestion = (answers: TemplateAnswerRecord[]): TemplateAnswers => new Map(answers.map((a) => [a.questionId, a.state]));

export function presentTemplateAnswer(question: CompiledQuestion, state: AnswerState) {
  const { Risk: _risk, ...answer } = presentAnswer(question, state, 'UNANSWERED');
  return { ...answer, AnswerStatus: answerStatus(state) };
}

export function presentTemplateAnswerSummary(question: CompiledQuestion, state: AnswerState) {
  const { Risk: _risk, QuestionType: _type, ...summary } = presentAnswerSummary(question, state, 'UNANSWERED');
  return { ...summary, AnswerStatus: answerStatus(state) };
}

export interface LensOfTemplate {
  record: TemplateLensRecord;
  lens: CompiledLens;
  status: 'CURRENT' | 'NOT_CURRENT' | 'DELETED';
  answers: TemplateAnswers;
}

export function presentTemplate(t: TemplateRecord, lenses: LensOfTemplate[], tags?: Record<string, string>) {
  const counts = { UNANSWERED: 0, ANSWERED: 0 };
  for (const l of lenses) {
    const c = questionCounts(l.lens.questions.values(), l.answers);
    counts.UNANSWERED += c.UNANSWERED;
    counts.ANSWERED += c.ANSWERED;
  }
  return {
    TemplateArn: t.arn,
    TemplateName: t.name,
    Description: t.description,
    Notes: t.notes ?? undefined,
    Lenses: lenses.map((l) => l.record.lensKey),
    QuestionCounts: counts,
    Owner: t.accountId,
    UpdatedAt: seconds(t.updatedAt),
    Tags: tags && Object.keys(tags).length ? tags : undefined,
    UpdateStatus: lenses.every((l) => l.status === 'CURRENT') ? 'CURRENT' : 'LENS_NOT_CURRENT',
  };
}

export function presentTemplateLensReview(l: LensOfTemplate) {
  return {
    LensAlias: l.record.lensKey,
    LensArn: l.lens.arn,
    LensVersion: l.record.lensVersion,
    LensName: l.lens.name,
    LensStatus: l.status,
    PillarReviewSummaries: l.lens.pillars.map((p) => ({
      PillarId: p.id,
      PillarName: p.name,
      Notes: l.record.pillarNotes[p.id],
      QuestionCounts: questionCounts(p.questions, l.answers),
    })),
    UpdatedAt: seconds(l.record.updatedAt),
    Notes: l.record.notes ?? undefined,
    QuestionCounts: questionCounts(l.lens.questions.values(), l.answers),
  };
}
