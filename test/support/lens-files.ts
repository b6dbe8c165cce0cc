/** Valid custom lens files for tests, built to order. */

export interface QuestionSpec {
  id: string;
  title?: string;
  /** Choice ids besides "None of these" (`<question id>_no`, always added). */
  choices?: string[];
}

export interface PillarSpec {
  id: string;
  name?: string;
  questions: QuestionSpec[];
}

/** Each question: all practices → no risk, the first one → medium, otherwise high. */
export function lensDocument(name: string, pillars: PillarSpec[], extra: Record<string, unknown> = {}) {
  return {
    schemaVersion: '2021-11-01',
    name,
    description: `${name}: a lens under test`,
    ...extra,
    pillars: pillars.map((p) => ({
      id: p.id,
      name: p.name ?? `Pillar ${p.id}`,
      questions: p.questions.map((q) => {
        const choices = q.choices ?? [`${q.id}_a`, `${q.id}_b`];
        return {
          id: q.id,
          title: q.title ?? `How do you handle ${q.id}?`,
          choices: [
            ...choices.map((c) => ({ id: c, title: `Practice ${c}`, improvementPlan: { displayText: `Adopt ${c}` } })),
            { id: `${q.id}_no`, title: 'None of these' },
          ],
          riskRules: [
            { condition: choices.join(' && '), risk: 'NO_RISK' },
            { condition: choices[0], risk: 'MEDIUM_RISK' },
            { condition: 'default', risk: 'HIGH_RISK' },
          ],
        };
      }),
    })),
  };
}

export const lensJson = (name: string, pillars: PillarSpec[], extra: Record<string, unknown> = {}) =>
  JSON.stringify(lensDocument(name, pillars, extra), null, 2);

/** A small valid lens: one pillar, two questions. */
export const smallLens = (name: string) => lensJson(name, [{ id: 'basics', questions: [{ id: 'q_one' }, { id: 'q_two' }] }]);
