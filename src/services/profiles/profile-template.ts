import { readFileSync } from 'node:fs';
import type { ProfileSelections, ProfileTemplate } from '../../domain/profile/profile-template';

/** The profile template every profile answers (src/profiles/template.json), loaded once. */
export const PROFILE_TEMPLATE: ProfileTemplate = JSON.parse(
  readFileSync(new URL('../../profiles/template.json', import.meta.url), 'utf8'),
) as ProfileTemplate;

const presentChoices = (q: ProfileTemplate['questions'][number]) =>
  q.choices.map((c) => ({ ChoiceId: c.id, ChoiceTitle: c.title, ChoiceDescription: c.description }));

export function presentProfileTemplate() {
  return {
    ProfileTemplate: {
      TemplateName: PROFILE_TEMPLATE.name,
      TemplateQuestions: PROFILE_TEMPLATE.questions.map((q) => ({
        QuestionId: q.id,
        QuestionTitle: q.title,
        QuestionDescription: q.description,
        QuestionChoices: presentChoices(q),
        MinSelectedChoices: q.minSelected,
        MaxSelectedChoices: q.maxSelected,
      })),
    },
  };
}

/** A profile's questions with its answers (ProfileQuestions of the Profile shape). */
export function presentProfileQuestions(selections: ProfileSelections) {
  return PROFILE_TEMPLATE.questions.map((q) => ({
    QuestionId: q.id,
    QuestionTitle: q.title,
    QuestionDescription: q.description,
    QuestionChoices: presentChoices(q),
    SelectedChoiceIds: selections[q.id] ?? [],
    MinSelectedChoices: q.minSelected,
    MaxSelectedChoices: q.maxSelected,
  }));
}

export async function getProfileTemplate() {
  return presentProfileTemplate();
}
