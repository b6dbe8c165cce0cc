import type { FieldProblem } from '../errors';
import { countRisks, type Risk, type RiskCounts } from '../review/risk';

/**
 * The profile template (src/profiles/template.json): questions about a
 * workload's business context whose choices each name the framework lens
 * questions they make a priority. A profile is a set of answers to it.
 */

export interface ProfileTemplateChoice {
  id: string;
  title: string;
  description: string;
  /** Why this choice prioritizes those questions: the documentation of the mapping. */
  why: string;
  /** Question ids of the framework lens (wellarchitected). */
  prioritizes: string[];
  /** A choice such as "No specific regulation" that cannot be selected with others. */
  exclusive?: boolean;
}

export interface ProfileTemplateQuestion {
  id: string;
  title: string;
  description: string;
  minSelected: number;
  maxSelected: number;
  choices: ProfileTemplateChoice[];
}

export interface ProfileTemplate {
  name: string;
  description: string;
  questions: ProfileTemplateQuestion[];
}

/** A profile version's answers: question id to the selected choice ids. */
export type ProfileSelections = Record<string, string[]>;

/** The lens whose questions profiles prioritize. */
export const PRIORITIZED_LENS = 'wellarchitected';

export interface ProfileQuestionUpdate {
  QuestionId?: string;
  SelectedChoiceIds?: string[];
}

/**
 * Applies answers to `current` (questions not mentioned keep their answers) and
 * checks the result: known questions and choices, each question once, and
 * every question answered within its minimum and maximum number of choices.
 */
export function applyProfileAnswers(
  template: ProfileTemplate,
  current: ProfileSelections,
  updates: ProfileQuestionUpdate[],
  field = 'ProfileQuestions',
): { selections: ProfileSelections; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const selections: ProfileSelections = { ...current };
  const seen = new Set<string>();
  updates.forEach((update, i) => {
    const question = template.questions.find((q) => q.id === update.QuestionId);
    if (!question) {
      problems.push({ Name: `${field}[${i}].QuestionId`, Message: `'${update.QuestionId ?? ''}' is not a question of the profile template` });
      return;
    }
    if (seen.has(question.id)) {
      problems.push({ Name: `${field}[${i}].QuestionId`, Message: `question ${question.id} is answered more than once` });
      return;
    }
    seen.add(question.id);
    const chosen = update.SelectedChoiceIds ?? [];
    const known = new Set(question.choices.map((c) => c.id));
    chosen.forEach((id, j) => {
      if (!known.has(id)) problems.push({ Name: `${field}[${i}].SelectedChoiceIds[${j}]`, Message: `'${id}' is not a choice of question ${question.id}` });
      else if (chosen.indexOf(id) !== j) problems.push({ Name: `${field}[${i}].SelectedChoiceIds[${j}]`, Message: `'${id}' is selected more than once` });
    });
    const exclusive = question.choices.find((c) => c.exclusive && chosen.includes(c.id));
    if (exclusive && new Set(chosen).size > 1) {
      problems.push({ Name: `${field}[${i}].SelectedChoiceIds`, Message: `'${exclusive.id}' cannot be selected together with other choices` });
    }
    // Keep the template's choice order, so equal answers compare equal.
    selections[question.id] = question.choices.map((c) => c.id).filter((id) => chosen.includes(id));
  });
  for (const question of template.questions) {
    const count = selections[question.id]?.length ?? 0;
    if (count < question.minSelected || count > question.maxSelected) {
      const range = question.minSelected === question.maxSelected ? `exactly ${question.minSelected}` : `${question.minSelected} to ${question.maxSelected}`;
      problems.push({ Name: `${field} question ${question.id}`, Message: `must have ${range} selected choice(s) (has ${count})` });
    }
  }
  return { selections, problems };
}

export const sameSelections = (a: ProfileSelections, b: ProfileSelections) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** The framework lens questions a profile with these answers prioritizes. */
export function prioritizedQuestions(template: ProfileTemplate, selections: ProfileSelections): Set<string> {
  const ids = new Set<string>();
  for (const question of template.questions) {
    for (const choice of question.choices) {
      if (selections[question.id]?.includes(choice.id)) for (const id of choice.prioritizes) ids.add(id);
    }
  }
  return ids;
}

/** Risk counts over the prioritized questions among `questionIds` (unanswered when absent). */
export function prioritizedRiskCounts(
  questionIds: Iterable<string>,
  prioritized: ReadonlySet<string>,
  riskOf: (questionId: string) => Risk | undefined,
): RiskCounts {
  return countRisks([...questionIds].filter((id) => prioritized.has(id)), riskOf);
}
