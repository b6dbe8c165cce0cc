import type { CompiledQuestion } from '../lens/compiled-lens';
import { carryAnswerOver, isAnswered, type AnswerState, type ChoiceNote } from './answer';

/**
 * How a review template's answer to a question meets the workload's answer to
 * the same question when the template is applied. An answer has two parts:
 *
 * - the answer proper: the choices selected or marked not applicable (with
 *   their reasons) and whether the question applies (with its reason);
 * - the notes: the question's notes and each choice's notes.
 *
 * OVERWRITE: the template's answer proper replaces the workload's when the
 * template answers the question (a template answer with notes but no choices
 * replaces no choices); each note is the template's where the template has
 * one, and the workload's own note is kept where it has none.
 *
 * FILL: the workload's answer proper stays when it answers the question, else
 * the template's is taken; each note is the workload's where it has one, and
 * the template's only fills a note that is still empty.
 */

export type ApplyMode = 'OVERWRITE' | 'FILL';

const hasText = (text: string | null | undefined): text is string => typeof text === 'string' && text.length > 0;

/** One note (an answer's, a lens review's, a pillar's) under the mode's rule; null when neither has text. */
export function mergeNote(mode: ApplyMode, own: string | null | undefined, fromTemplate: string | null | undefined): string | null {
  const [preferred, fallback] = mode === 'OVERWRITE' ? [fromTemplate, own] : [own, fromTemplate];
  return hasText(preferred) ? preferred : hasText(fallback) ? fallback : null;
}

/** Pillar notes under the mode's rule, pillar by pillar. */
export function mergePillarNotes(mode: ApplyMode, own: Record<string, string>, fromTemplate: Record<string, string>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const pillar of new Set([...Object.keys(own), ...Object.keys(fromTemplate)])) {
    const text = mergeNote(mode, own[pillar], fromTemplate[pillar]);
    if (text !== null) merged[pillar] = text;
  }
  return merged;
}

/** The answer a template application leaves, restricted to the choices the workload's lens version has. */
export function mergeTemplateAnswer(question: CompiledQuestion, mode: ApplyMode, current: AnswerState, template: AnswerState): AnswerState {
  const answerFrom =
    mode === 'OVERWRITE' ? (isAnswered(template) ? template : current) : isAnswered(current) ? current : template;

  const choiceAnswers: Record<string, ChoiceNote> = {};
  const ids = new Set([...Object.keys(answerFrom.choiceAnswers), ...Object.keys(current.choiceAnswers), ...Object.keys(template.choiceAnswers)]);
  for (const id of ids) {
    const base = answerFrom.choiceAnswers[id];
    const merged: ChoiceNote = { status: base?.status ?? (answerFrom.selected.includes(id) ? 'SELECTED' : 'UNSELECTED') };
    if (base?.reason !== undefined) merged.reason = base.reason;
    const notes = mergeNote(mode, current.choiceAnswers[id]?.notes, template.choiceAnswers[id]?.notes);
    if (notes !== null) merged.notes = notes;
    // As UpdateAnswer does: a choice entry that says nothing is not kept.
    if (merged.status !== 'NOT_APPLICABLE' && !merged.reason && !merged.notes) continue;
    choiceAnswers[id] = merged;
  }
  const merged: AnswerState = {
    selected: [...answerFrom.selected],
    choiceAnswers,
    notes: mergeNote(mode, current.notes, template.notes),
    isApplicable: answerFrom.isApplicable,
    reason: answerFrom.reason,
  };
  return carryAnswerOver(question, merged);
}
