import type { CompiledLens, CompiledQuestion } from '../../domain/lens/compiled-lens';
import type { AnswerState } from '../../domain/review/answer';
import type { ImprovementItem } from '../../domain/review/improvements';
import { countRisks, type Risk } from '../../domain/review/risk';
import type { LensReviewRecord } from '../../store/records';
import { prioritizedIn, type WorkloadPriorities } from '../profiles/priorities';
import { seconds } from '../pagination';

/** Lens reviews, answers and improvement plans as the API shapes them. */

export type AnswerLookup = ReadonlyMap<string, { state: AnswerState; risk: Risk }>;

export function presentChoice(choice: CompiledQuestion['choices'][number]) {
  const content = (r?: { displayText?: string; url?: string }) =>
    r && (r.displayText || r.url) ? { DisplayText: r.displayText, Url: r.url } : undefined;
  return {
    ChoiceId: choice.id,
    Title: choice.title,
    Description: choice.description,
    HelpfulResource: content(choice.helpfulResource),
    ImprovementPlan: content(choice.improvementPlan),
  };
}

/**
 * Programs read these lists as "the choices that were answered" (aws-behaviour.md
 * item 5): an entry for a choice selected, not applicable, or carrying a reason or
 * notes, never one for an untouched choice.
 */
function choiceAnswers(question: CompiledQuestion, state: AnswerState, withNotes: boolean) {
  const entries = [];
  for (const c of question.choices) {
    const note = state.choiceAnswers[c.id];
    const selected = state.selected.includes(c.id);
    if (!selected && note === undefined) continue;
    const status = selected ? 'SELECTED' : note?.status === 'NOT_APPLICABLE' ? 'NOT_APPLICABLE' : 'UNSELECTED';
    // Two literals rather than a spread: one object per choice, of one shape.
    entries.push(withNotes ? { ChoiceId: c.id, Status: status, Reason: note?.reason, Notes: note?.notes } : { ChoiceId: c.id, Status: status, Reason: note?.reason });
  }
  return entries;
}

/** A question's choices as answers present them: the same for every answer, so built once per lens version and frozen. */
const presentedChoices = new WeakMap<CompiledQuestion, ReadonlyArray<ReturnType<typeof presentChoice>>>();
function choicesOf(question: CompiledQuestion) {
  let choices = presentedChoices.get(question);
  if (!choices) {
    choices = Object.freeze(question.choices.map((c) => Object.freeze(presentChoice(c))));
    presentedChoices.set(question, choices);
  }
  return choices;
}

const questionImprovementUrl = (q: CompiledQuestion) =>
  q.choices.find((c) => c.improvementPlan?.url)?.improvementPlan?.url ?? q.helpfulResource?.url;

export function presentAnswer(question: CompiledQuestion, state: AnswerState, risk: Risk) {
  return {
    QuestionId: question.id,
    PillarId: question.pillarId,
    QuestionTitle: question.title,
    QuestionDescription: question.description,
    ImprovementPlanUrl: questionImprovementUrl(question),
    HelpfulResourceUrl: question.helpfulResource?.url,
    HelpfulResourceDisplayText: question.helpfulResource?.displayText,
    Choices: choicesOf(question),
    SelectedChoices: state.selected,
    ChoiceAnswers: choiceAnswers(question, state, true),
    IsApplicable: state.isApplicable,
    Risk: risk,
    Notes: state.notes ?? undefined,
    Reason: state.reason ?? undefined,
  };
}

export function presentAnswerSummary(question: CompiledQuestion, state: AnswerState, risk: Risk, prioritized = false) {
  return {
    QuestionId: question.id,
    PillarId: question.pillarId,
    QuestionTitle: question.title,
    Choices: choicesOf(question),
    SelectedChoices: state.selected,
    ChoiceAnswerSummaries: choiceAnswers(question, state, false),
    IsApplicable: state.isApplicable,
    Risk: risk,
    Reason: state.reason ?? undefined,
    QuestionType: prioritized ? 'PRIORITIZED' : 'NON_PRIORITIZED',
  };
}

/** What a lens review and a lens review summary both open with. */
const lensReviewHeading = (lens: CompiledLens, review: LensReviewRecord, lensStatus: string) => ({
  LensAlias: review.lensKey,
  LensArn: lens.arn,
  LensVersion: review.lensVersion,
  LensName: lens.name,
  LensStatus: lensStatus,
});

export function presentLensReview(
  lens: CompiledLens,
  review: LensReviewRecord,
  answers: AnswerLookup,
  lensStatus: string,
  priorities?: WorkloadPriorities,
) {
  const prioritized = prioritizedIn(priorities, review.lensKey);
  const prioritizedCounts = (questionIds: string[]) =>
    priorities ? { PrioritizedRiskCounts: countRisks(questionIds.filter((id) => prioritized.has(id)), (id) => answers.get(id)?.risk) } : {};
  return {
    ...lensReviewHeading(lens, review, lensStatus),
    PillarReviewSummaries: lens.pillars.map((p) => ({
      PillarId: p.id,
      PillarName: p.name,
      Notes: review.pillarNotes[p.id],
      RiskCounts: countRisks(
        p.questions.map((q) => q.id),
        (id) => answers.get(id)?.risk,
      ),
      ...prioritizedCounts(p.questions.map((q) => q.id)),
    })),
    UpdatedAt: seconds(review.updatedAt),
    Notes: review.notes ?? undefined,
    RiskCounts: review.riskCounts,
    ...(priorities ? { Profiles: priorities.profiles } : {}),
    ...prioritizedCounts([...lens.questions.keys()]),
  };
}

export function presentLensReviewSummary(
  lens: CompiledLens,
  review: LensReviewRecord,
  lensStatus: string,
  priorities?: WorkloadPriorities,
  answers?: AnswerLookup,
) {
  const prioritized = prioritizedIn(priorities, review.lensKey);
  return {
    ...lensReviewHeading(lens, review, lensStatus),
    UpdatedAt: seconds(review.updatedAt),
    RiskCounts: review.riskCounts,
    ...(priorities
      ? {
          Profiles: priorities.profiles,
          PrioritizedRiskCounts: countRisks([...lens.questions.keys()].filter((id) => prioritized.has(id)), (id) => answers?.get(id)?.risk),
        }
      : {}),
  };
}

export function presentImprovement(item: ImprovementItem) {
  return {
    QuestionId: item.question.id,
    PillarId: item.question.pillarId,
    QuestionTitle: item.question.title,
    Risk: item.risk,
    ImprovementPlanUrl: questionImprovementUrl(item.question),
    ImprovementPlans: item.missing.map((c) => ({
      ChoiceId: c.id,
      DisplayText: c.improvementPlan?.displayText ?? c.title,
      ImprovementPlanUrl: c.improvementPlan?.url,
    })),
  };
}
