import type { Answer, AnswerReason, ChoiceReason, ChoiceUpdate, UpdateAnswerInput } from '@aws-sdk/client-wellarchitected';

/**
 * The reviewer's unsaved answer to one question, shared by the question page (a
 * workload's answer) and the review template editor (a template's answer): both
 * answers have the same members, and both updates take the same ones.
 */

/** What a workload's Answer and a template's ReviewTemplateAnswer have in common. */
export type AnswerLike = Pick<Answer, 'Choices' | 'ChoiceAnswers' | 'SelectedChoices' | 'IsApplicable' | 'Reason' | 'Notes'>;

/** A practice marked as not applying to the workload, with its optional reason and details. */
export interface PracticeNotApplicable {
  reason?: ChoiceReason;
  notes: string;
}

/** What the reviewer has set on the question page and not yet saved. */
export interface AnswerDraft {
  selected: string[];
  isApplicable: boolean;
  reason?: AnswerReason;
  notes: string;
  /** Practices marked not applicable, by choice id. */
  notApplicable: Record<string, PracticeNotApplicable>;
}

/** Why a question or a practice does not apply (AnswerReason and ChoiceReason share these values). */
export const REASON_OPTIONS: Array<{ value: AnswerReason; label: string }> = [
  { value: 'OUT_OF_SCOPE', label: 'Out of scope' },
  { value: 'BUSINESS_PRIORITIES', label: 'Business priorities' },
  { value: 'ARCHITECTURE_CONSTRAINTS', label: 'Architecture constraints' },
  { value: 'OTHER', label: 'Other' },
  { value: 'NONE', label: 'None' },
];

export const reasonOption = (reason: string | undefined) => REASON_OPTIONS.find((o) => o.value === reason) ?? null;

/** The choice whose id ends with `_no` is the question's "None of these". */
export const noneChoiceOf = (answer: AnswerLike): string | undefined => answer.Choices?.find((c) => c.ChoiceId?.endsWith('_no'))?.ChoiceId;

export function draftOf(answer: AnswerLike): AnswerDraft {
  const notApplicable: Record<string, PracticeNotApplicable> = {};
  for (const c of answer.ChoiceAnswers ?? []) {
    if (c.Status === 'NOT_APPLICABLE' && c.ChoiceId) notApplicable[c.ChoiceId] = { reason: c.Reason, notes: c.Notes ?? '' };
  }
  return {
    selected: answer.SelectedChoices ?? [],
    isApplicable: answer.IsApplicable !== false,
    reason: answer.Reason,
    notes: answer.Notes ?? '',
    notApplicable,
  };
}

/**
 * Ticks or unticks one choice. As in the hosted console, ticking "None of these" keeps the
 * practices already ticked (the form greys them out, see practiceLocked); the API stores both.
 */
export function toggleChoice(draft: AnswerDraft, choiceId: string, checked: boolean): AnswerDraft {
  const selected = draft.selected.filter((id) => id !== choiceId);
  return { ...draft, selected: checked ? [...selected, choiceId] : selected };
}

/** While "None of these" is ticked the other choices cannot be changed. */
export const practiceLocked = (draft: AnswerDraft, choiceId: string, noneId: string | undefined): boolean =>
  noneId !== undefined && choiceId !== noneId && draft.selected.includes(noneId);

/** Marking a practice not applicable takes it out of the selection: the API refuses both at once. */
export function markNotApplicable(draft: AnswerDraft, choiceId: string, marked: boolean): AnswerDraft {
  const notApplicable = { ...draft.notApplicable };
  if (marked) notApplicable[choiceId] = notApplicable[choiceId] ?? { notes: '' };
  else delete notApplicable[choiceId];
  return { ...draft, notApplicable, selected: marked ? draft.selected.filter((id) => id !== choiceId) : draft.selected };
}

/** Changes the reason or details of a practice marked not applicable (marking it if it was not). */
export function describeNotApplicable(draft: AnswerDraft, choiceId: string, change: Partial<PracticeNotApplicable>): AnswerDraft {
  const mark = draft.notApplicable[choiceId];
  return { ...draft, notApplicable: { ...draft.notApplicable, [choiceId]: { ...mark, notes: mark?.notes ?? '', ...change } } };
}

/**
 * The UpdateAnswer members for a draft. `answer` is the saved state: a practice that was not
 * applicable and no longer is gets an explicit update, so the mark and its details are cleared.
 */
export function updateOf(answer: AnswerLike, draft: AnswerDraft): Pick<UpdateAnswerInput, 'SelectedChoices' | 'ChoiceUpdates' | 'Notes' | 'IsApplicable' | 'Reason'> {
  const ChoiceUpdates: Record<string, ChoiceUpdate> = {};
  for (const [id, mark] of Object.entries(draft.notApplicable)) {
    ChoiceUpdates[id] = { Status: 'NOT_APPLICABLE', Reason: mark.reason ?? 'NONE', Notes: mark.notes };
  }
  for (const c of answer.ChoiceAnswers ?? []) {
    if (c.ChoiceId && c.Status === 'NOT_APPLICABLE' && !draft.notApplicable[c.ChoiceId]) {
      ChoiceUpdates[c.ChoiceId] = { Status: draft.selected.includes(c.ChoiceId) ? 'SELECTED' : 'UNSELECTED', Notes: '' };
    }
  }
  return {
    SelectedChoices: draft.selected,
    ChoiceUpdates,
    Notes: draft.notes,
    IsApplicable: draft.isApplicable,
    Reason: draft.isApplicable ? 'NONE' : (draft.reason ?? 'NONE'),
  };
}

/** Whether the draft says something the saved answer does not (order of selection ignored). */
export function isChanged(answer: AnswerLike, draft: AnswerDraft): boolean {
  const saved = draftOf(answer);
  const key = (d: AnswerDraft) =>
    JSON.stringify({
      selected: [...d.selected].sort(),
      isApplicable: d.isApplicable,
      reason: d.isApplicable ? undefined : (d.reason ?? 'NONE'),
      notes: d.notes,
      notApplicable: Object.keys(d.notApplicable)
        .sort()
        .map((id) => [id, d.notApplicable[id].reason ?? 'NONE', d.notApplicable[id].notes]),
    });
  return key(saved) !== key(draft);
}
