import { ValidationError, type FieldProblem } from '../errors';
import type { CompiledQuestion } from '../lens/compiled-lens';
import { evaluateRisk, satisfiedChoices } from '../risk-rules';
import type { Risk } from './risk';

/**
 * The state of one answered question and how an UpdateAnswer call changes it.
 *
 * How not-applicable practices and "None of these" enter the risk evaluation is
 * decided in src/domain/risk-rules (a practice marked not applicable is neutral;
 * "None of these" may be selected beside other choices, stored as sent, and the
 * rules decide). A question is answered once a choice is selected or marked not
 * applicable, or the whole question is marked not applicable.
 */

export type ChoiceStatus = 'SELECTED' | 'NOT_APPLICABLE' | 'UNSELECTED';

export interface ChoiceNote {
  status: ChoiceStatus;
  reason?: string;
  notes?: string;
}

export interface AnswerState {
  selected: string[];
  /** Per-choice status, reason and notes for choices that have any. */
  choiceAnswers: Record<string, ChoiceNote>;
  notes: string | null;
  isApplicable: boolean;
  reason: string | null;
}

export interface AnswerUpdate {
  SelectedChoices?: string[];
  ChoiceUpdates?: Record<string, { Status: ChoiceStatus; Reason?: string; Notes?: string }>;
  Notes?: string;
  IsApplicable?: boolean;
  Reason?: string;
}

export const unanswered = (): AnswerState => ({ selected: [], choiceAnswers: {}, notes: null, isApplicable: true, reason: null });

export function notApplicableChoices(state: AnswerState): string[] {
  return Object.entries(state.choiceAnswers)
    .filter(([, c]) => c.status === 'NOT_APPLICABLE')
    .map(([id]) => id);
}

export function isAnswered(state: AnswerState): boolean {
  return !state.isApplicable || state.selected.length > 0 || notApplicableChoices(state).length > 0;
}

/** Needs only the question's rules and its "None of these" choice, so a client holding just those can call it too. */
export function answerRisk(question: Pick<CompiledQuestion, 'rules' | 'noneChoiceId'>, state: AnswerState): Risk {
  if (!state.isApplicable) return 'NOT_APPLICABLE';
  if (!isAnswered(state)) return 'UNANSWERED';
  return evaluateRisk(question.rules, satisfiedChoices(state.selected, notApplicableChoices(state)));
}

export function applyAnswerUpdate(question: CompiledQuestion, current: AnswerState, update: AnswerUpdate): AnswerState {
  const problems: FieldProblem[] = [];
  const next: AnswerState = {
    selected: [...current.selected],
    // Notes are flat objects: copying each is enough, and far cheaper than structuredClone.
    choiceAnswers: Object.fromEntries(Object.entries(current.choiceAnswers).map(([id, note]) => [id, { ...note }])),
    notes: update.Notes !== undefined ? update.Notes : current.notes,
    isApplicable: update.IsApplicable ?? current.isApplicable,
    reason: update.Reason !== undefined ? update.Reason : current.reason,
  };
  const known = (id: string) => question.choiceIds.has(id);

  if (update.SelectedChoices) {
    update.SelectedChoices.forEach((id, i) => {
      if (!known(id)) problems.push({ Name: `SelectedChoices[${i}]`, Message: `'${id}' is not a choice of question ${question.id}` });
    });
    next.selected = [...new Set(update.SelectedChoices.filter(known))];
    for (const id of next.selected) {
      if (next.choiceAnswers[id]?.status === 'NOT_APPLICABLE') next.choiceAnswers[id] = { ...next.choiceAnswers[id], status: 'SELECTED' };
    }
  }

  for (const [id, change] of Object.entries(update.ChoiceUpdates ?? {})) {
    if (!known(id)) {
      problems.push({ Name: `ChoiceUpdates.${id}`, Message: `'${id}' is not a choice of question ${question.id}` });
      continue;
    }
    if (change.Status === 'NOT_APPLICABLE' && id === question.noneChoiceId) {
      problems.push({ Name: `ChoiceUpdates.${id}`, Message: 'the "None of these" choice cannot be marked not applicable' });
      continue;
    }
    if (change.Status === 'NOT_APPLICABLE' && update.SelectedChoices?.includes(id)) {
      problems.push({ Name: `ChoiceUpdates.${id}`, Message: 'a choice cannot be both selected and not applicable' });
      continue;
    }
    const note: ChoiceNote = { status: change.Status };
    // The hosted service stores a not-applicable practice without a reason as NONE.
    if (change.Reason !== undefined) note.reason = change.Reason;
    else if (change.Status === 'NOT_APPLICABLE') note.reason = 'NONE';
    if (change.Notes !== undefined) note.notes = change.Notes;
    next.choiceAnswers[id] = note;
    if (change.Status === 'SELECTED') {
      if (!next.selected.includes(id)) next.selected.push(id);
    } else {
      next.selected = next.selected.filter((s) => s !== id);
    }
  }

  if (problems.length) throw ValidationError.fields(problems);

  // Keep choice order as the lens defines it, and drop notes that say nothing.
  next.selected = question.choices.map((c) => c.id).filter((id) => next.selected.includes(id));
  for (const [id, note] of Object.entries(next.choiceAnswers)) {
    const selected = next.selected.includes(id);
    if (note.status === 'SELECTED' && !selected) note.status = 'UNSELECTED';
    if (note.status === 'UNSELECTED' && selected) note.status = 'SELECTED';
    if (note.status !== 'NOT_APPLICABLE' && !note.reason && !note.notes) delete next.choiceAnswers[id];
  }
  return next;
}

/** Answers of a question kept across a lens upgrade: choices that no longer exist are dropped. */
export function carryAnswerOver(question: CompiledQuestion, state: AnswerState): AnswerState {
  const choiceAnswers: Record<string, ChoiceNote> = {};
  for (const [id, note] of Object.entries(state.choiceAnswers)) if (question.choiceIds.has(id)) choiceAnswers[id] = note;
  return { ...state, selected: state.selected.filter((id) => question.choiceIds.has(id)), choiceAnswers };
}
