import { describe, expect, it } from 'vitest';
import { validateLensDocument } from './validate';
import { c0, findingsAfter, q0, validLens, type Json } from './validate-test-fixtures';

describe('the hosted service\'s character set (aws-behaviour.md item 8)', () => {
  const allowed = "Letters, digits 09, line\nbreaks and - _ . , : / ( ) @ ! & # + ' ? \u2019 \u00e9t\u00e9";
  const restricted: Array<[string, (l: Json, value: string) => void, string]> = [
    ['lens name', (l, v) => (l.name = v), 'name'],
    ['lens description', (l, v) => (l.description = v), 'description'],
    ['pillar name', (l, v) => (l.pillars[1].name = v), 'pillars[1].name'],
    ['question title', (l, v) => (q0(l).title = v), 'pillars[0].questions[0].title'],
    ['question description', (l, v) => (q0(l).description = v), 'pillars[0].questions[0].description'],
    ['choice title', (l, v) => (c0(l).title = v), 'pillars[0].questions[0].choices[0].title'],
  ];

  it.each(restricted)('accepts every allowed character in the %s', (_field, set) => {
    expect(findingsAfter((l) => set(l, allowed.slice(0, 120)))).toEqual([]);
  });

  it.each(restricted)('refuses each of ; %% < > = * " [ ] $ | ~ { } in the %s', (_field, set, path) => {
    for (const character of ';%<>=*"[]$|~{}') {
      expect(findingsAfter((l) => set(l, `Text ${character} here`)), character).toEqual([{ path, rule: 'characters' }]);
    }
  });

  it('names the characters refused and the question they are in', () => {
    const lens = validLens();
    q0(lens).title = 'Cost; <really>';
    expect(validateLensDocument(lens).findings).toEqual([
      {
        path: 'pillars[0].questions[0].title',
        rule: 'characters',
        message: `must contain only letters, digits, spaces, line breaks and - _ . , : / ( ) @ ! & # + ' ? (has ";" "<" ">")`,
        questionId: 'q_one',
      },
    ]);
  });

  it('accepts every character in display texts of helpful resources and improvement plans', () => {
    expect(
      findingsAfter((l) => {
        q0(l).helpfulResource.displayText = 'a; b % <c> = *"[]$|~{}';
        c0(l).helpfulResource.displayText = 'a; b % <c> = *"[]$|~{}';
        c0(l).improvementPlan.displayText = 'a; b % <c> = *"[]$|~{}';
      }),
    ).toEqual([]);
  });

  it('is not checked for built-in lenses (their catalog test checks it)', () => {
    const lens = validLens();
    lens.description = 'Ours; checked elsewhere';
    expect(validateLensDocument(lens, { builtIn: true }).findings).toEqual([]);
  });
});
