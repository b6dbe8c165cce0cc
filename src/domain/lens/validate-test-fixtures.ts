import { validateLensDocument } from './validate';

/** Lens documents for the validator's tests (validate*.test.ts). */

// Fixtures are mutated freely, so they are typed loosely on purpose.
export type Json = any;

/** What a question and a choice both have: an id, a title naming it, a description and a helpful resource. */
const described = (id: string, kind: string, description: string, helpfulResource: { displayText: string; url: string }): Json => ({
  id,
  title: `${kind} ${id}`,
  description,
  helpfulResource,
});

export function choice(id: string): Json {
  return {
    ...described(id, 'Practice', 'What following this practice looks like.', { displayText: 'Why it matters.', url: 'https://example.com/help' }),
    improvementPlan: { displayText: 'How to start doing it.', url: 'http://example.com/plan' },
  };
}

export function question(id: string): Json {
  return {
    ...described(id, 'Question', 'Why we ask.', { displayText: 'Background reading.', url: 'https://example.com/question' }),
    choices: [choice('choice_a'), choice('choice_b'), { id: 'choice_no', title: 'None of these' }],
    riskRules: [
      { condition: 'choice_a && choice_b', risk: 'NO_RISK' },
      { condition: 'choice_a', risk: 'MEDIUM_RISK' },
      { condition: 'default', risk: 'HIGH_RISK' },
    ],
  };
}

/** Valid: two pillars, choice ids repeated across questions, a "None of these" choice without a plan. */
export function validLens(): Json {
  return {
    schemaVersion: '2021-11-01',
    name: 'Fixture lens',
    description: 'A small lens for tests.',
    pillars: [
      { id: 'pillar_one', name: 'Pillar one', questions: [question('q_one'), question('q_two')] },
      { id: 'pillar_two', name: 'Pillar two', questions: [question('q_three')] },
    ],
  };
}

export function findingsAfter(mutate: (lens: Json) => void): Array<{ path: string; rule: string }> {
  const lens = validLens();
  mutate(lens);
  return validateLensDocument(lens).findings.map(({ path, rule }) => ({ path, rule }));
}

export const text = (length: number): string => 'x'.repeat(length);
export const q0 = (lens: Json): Json => lens.pillars[0].questions[0];
export const c0 = (lens: Json): Json => q0(lens).choices[0];
/** The paths of q0 and c0 in findings. */
export const Q0 = 'pillars[0].questions[0]';
export const C0 = `${Q0}.choices[0]`;
/** Risk rules of the first question that no longer name choice_b (or choice_a), for mutations that rename it. */
export const onlyChoiceA = (lens: Json): void => void (q0(lens).riskRules = [{ condition: 'choice_a', risk: 'NO_RISK' }, { condition: 'default', risk: 'HIGH_RISK' }]);
export const onlyChoiceB = (lens: Json): void => void (q0(lens).riskRules = [{ condition: 'choice_b', risk: 'NO_RISK' }, { condition: 'default', risk: 'HIGH_RISK' }]);
