import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyProfileAnswers, prioritizedQuestions, prioritizedRiskCounts, type ProfileTemplate } from './profile-template';

const template = JSON.parse(readFileSync(new URL('../../profiles/template.json', import.meta.url), 'utf8')) as ProfileTemplate;
const frameworkQuestions = new Set(
  readFileSync('/work/shared/reference/framework-ids.tsv', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('wellarchitected\t'))
    .map((l) => l.split('\t')[3]),
);

const fullAnswers = template.questions.map((q) => ({ QuestionId: q.id, SelectedChoiceIds: [q.choices[0].id] }));

describe('the profile template', () => {
  it('maps every choice to framework questions that exist, and explains each mapping', () => {
    for (const question of template.questions) {
      expect(question.minSelected).toBeLessThanOrEqual(question.maxSelected);
      for (const choice of question.choices) {
        expect(choice.why.length, choice.id).toBeGreaterThan(20);
        for (const id of choice.prioritizes) expect(frameworkQuestions.has(id), `${choice.id} → ${id}`).toBe(true);
      }
    }
  });

  it('covers every framework question with at least one choice', () => {
    const covered = new Set(template.questions.flatMap((q) => q.choices.flatMap((c) => c.prioritizes)));
    expect([...frameworkQuestions].filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('profile answers', () => {
  it('accepts one answer per question within its limits and prioritizes the union of the choices', () => {
    const { selections, problems } = applyProfileAnswers(template, {}, fullAnswers);
    expect(problems).toEqual([]);
    const expected = new Set(template.questions.flatMap((q) => q.choices[0].prioritizes));
    expect(prioritizedQuestions(template, selections)).toEqual(expected);
  });

  it('names unknown questions and choices, repeats and counts out of range', () => {
    const { problems } = applyProfileAnswers(template, {}, [
      { QuestionId: 'nope', SelectedChoiceIds: [] },
      { QuestionId: 'criticality', SelectedChoiceIds: ['criticality_mission', 'criticality_important'] },
      { QuestionId: 'traffic_pattern', SelectedChoiceIds: ['traffic_steady', 'bogus'] },
    ]);
    const names = problems.map((p) => p.Name);
    expect(names).toContain('ProfileQuestions[0].QuestionId');
    expect(names).toContain('ProfileQuestions[2].SelectedChoiceIds[1]');
    expect(names).toContain('ProfileQuestions question criticality');
    expect(names).toContain('ProfileQuestions question business_goals');
  });

  it('refuses an exclusive choice together with others', () => {
    const answers = fullAnswers.map((a) => (a.QuestionId === 'regulation' ? { ...a, SelectedChoiceIds: ['regulation_none', 'regulation_health'] } : a));
    const index = answers.findIndex((a) => a.QuestionId === 'regulation');
    const { problems } = applyProfileAnswers(template, {}, answers);
    expect(problems).toEqual([{ Name: `ProfileQuestions[${index}].SelectedChoiceIds`, Message: expect.stringMatching(/regulation_none' cannot be selected together/) }]);
  });

  it('counts risks over prioritized questions only', () => {
    const counts = prioritizedRiskCounts(['a', 'b', 'c'], new Set(['a', 'c']), (id) => (id === 'a' ? 'HIGH' : undefined));
    expect(counts).toEqual({ UNANSWERED: 1, HIGH: 1, MEDIUM: 0, NONE: 0, NOT_APPLICABLE: 0 });
  });
});
