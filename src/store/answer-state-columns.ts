import type { AnswerState } from '../domain/review/answer';

/** How an answer's state is kept in a row: workload answers and review-template answers alike. */
export interface AnswerStateColumns {
  selected_choices: string;
  choice_answers: string;
  notes: string | null;
  is_applicable: number;
  reason: string | null;
}

export const answerStateColumns = (state: AnswerState): AnswerStateColumns => ({
  selected_choices: JSON.stringify(state.selected),
  choice_answers: JSON.stringify(state.choiceAnswers),
  notes: state.notes,
  is_applicable: state.isApplicable ? 1 : 0,
  reason: state.reason,
});

export const answerStateOf = (row: AnswerStateColumns): AnswerState => ({
  selected: JSON.parse(row.selected_choices),
  choiceAnswers: JSON.parse(row.choice_answers),
  notes: row.notes,
  isApplicable: row.is_applicable === 1,
  reason: row.reason,
});
