import { describe, expect, it } from 'vitest';
import { validateLensDocument, validateLensJson } from './validate';
import { C0, c0, choice, findingsAfter, onlyChoiceA, onlyChoiceB, Q0, q0, question, text, validLens, type Json } from './validate-test-fixtures';

describe('validateLensDocument', () => {
  it('accepts a valid lens and returns it', () => {
    const lens = validLens();
    expect(validateLensDocument(lens)).toEqual({ lens, findings: [], warnings: [] });
  });

  it('ignores keys the specification does not define, at every level', () => {
    expect(
      findingsAfter((lens) => {
        Object.assign(lens, { _version: '1.0', _teams: ['a'], _release_note: 'x' });
        lens.pillars[0].number = 1;
        Object.assign(q0(lens), { number: 3, url: 'not checked' });
        Object.assign(c0(lens), { riskLevel: 'HIGH', additionalResources: [{ type: 'HELPFUL_RESOURCE', content: [] }] });
        q0(lens).riskRules[0].comment = 'ignored';
        c0(lens).helpfulResource.extra = 1;
      }),
    ).toEqual([]);
  });

  it('reports a document that is not an object', () => {
    expect(validateLensDocument([]).findings).toEqual([{ path: '$', rule: 'type', message: 'must be an object (is an array)' }]);
  });

  it.each<[string, (lens: Json) => void, string, string]>([
    ['missing schemaVersion', (l) => delete l.schemaVersion, 'schemaVersion', 'required'],
    ['schemaVersion not a string', (l) => (l.schemaVersion = 2021), 'schemaVersion', 'type'],
    ['missing name', (l) => delete l.name, 'name', 'required'],
    ['empty name', (l) => (l.name = ''), 'name', 'minLength'],
    ['name too long', (l) => (l.name = text(129)), 'name', 'maxLength'],
    ['missing description', (l) => delete l.description, 'description', 'required'],
    ['description too long', (l) => (l.description = text(2049)), 'description', 'maxLength'],
    ['missing pillars', (l) => delete l.pillars, 'pillars', 'required'],
    ['pillars not an array', (l) => (l.pillars = {}), 'pillars', 'type'],
    ['no pillars', (l) => (l.pillars = []), 'pillars', 'minItems'],
    [
      'eleven pillars',
      (l) => (l.pillars = Array.from({ length: 11 }, (_, i) => ({ id: `pillar_${i}`, name: 'P', questions: [question(`q_${i}`)] }))),
      'pillars',
      'maxItems',
    ],
    ['pillar not an object', (l) => (l.pillars[1] = 'pillar'), 'pillars[1]', 'type'],
    ['missing pillar id', (l) => delete l.pillars[0].id, 'pillars[0].id', 'required'],
    ['pillar id too short', (l) => (l.pillars[0].id = 'ab'), 'pillars[0].id', 'minLength'],
    ['pillar id too long', (l) => (l.pillars[0].id = text(129)), 'pillars[0].id', 'maxLength'],
    ['pillar id with a hyphen', (l) => (l.pillars[0].id = 'pillar-one'), 'pillars[0].id', 'idFormat'],
    ['repeated pillar id', (l) => (l.pillars[1].id = 'pillar_one'), 'pillars[1].id', 'duplicateId'],
    ['missing pillar name', (l) => delete l.pillars[1].name, 'pillars[1].name', 'required'],
    ['pillar name too long', (l) => (l.pillars[1].name = text(129)), 'pillars[1].name', 'maxLength'],
    ['missing questions', (l) => delete l.pillars[1].questions, 'pillars[1].questions', 'required'],
    ['no questions', (l) => (l.pillars[1].questions = []), 'pillars[1].questions', 'minItems'],
    ['twenty-one questions', (l) => (l.pillars[1].questions = Array.from({ length: 21 }, (_, i) => question(`many_${i}`))), 'pillars[1].questions', 'maxItems'],
    ['question not an object', (l) => (l.pillars[0].questions[1] = null), 'pillars[0].questions[1]', 'type'],
    ['missing question id', (l) => delete q0(l).id, `${Q0}.id`, 'required'],
    ['question id with a space', (l) => (q0(l).id = 'q one'), `${Q0}.id`, 'idFormat'],
    ['question id repeated in another pillar', (l) => (l.pillars[1].questions[0].id = 'q_one'), 'pillars[1].questions[0].id', 'duplicateId'],
    ['missing question title', (l) => delete q0(l).title, `${Q0}.title`, 'required'],
    ['question title too long', (l) => (q0(l).title = text(129)), `${Q0}.title`, 'maxLength'],
    ['question description too long', (l) => (q0(l).description = text(2049)), `${Q0}.description`, 'maxLength'],
    ['question description not a string', (l) => (q0(l).description = ['x']), `${Q0}.description`, 'type'],
    ['question helpfulResource not an object', (l) => (q0(l).helpfulResource = 'x'), `${Q0}.helpfulResource`, 'type'],
    ['question helpfulResource text too long', (l) => (q0(l).helpfulResource.displayText = text(2049)), `${Q0}.helpfulResource.displayText`, 'maxLength'],
    ['question helpfulResource url without displayText', (l) => delete q0(l).helpfulResource.displayText, `${Q0}.helpfulResource.displayText`, 'displayTextRequired'],
    ['question helpfulResource url not http', (l) => (q0(l).helpfulResource.url = 'ftp://example.com'), `${Q0}.helpfulResource.url`, 'urlScheme'],
    ['missing choices', (l) => delete q0(l).choices, `${Q0}.choices`, 'required'],
    ['no choices', (l) => ((q0(l).choices = []), (q0(l).riskRules = [{ condition: 'default', risk: 'NO_RISK' }])), `${Q0}.choices`, 'minItems'],
    ['sixteen choices', (l) => q0(l).choices.push(...Array.from({ length: 13 }, (_, i) => choice(`extra_${i}`))), `${Q0}.choices`, 'maxItems'],
    ['choice not an object', (l) => (q0(l).choices[2] = 5), `${Q0}.choices[2]`, 'type'],
    ['missing choice id', (l) => (delete c0(l).id, onlyChoiceB(l)), `${C0}.id`, 'required'],
    ['choice id too short', (l) => ((q0(l).choices[1].id = 'c1'), onlyChoiceA(l)), `${Q0}.choices[1].id`, 'minLength'],
    ['choice id with a dot', (l) => ((q0(l).choices[1].id = 'choice.b'), onlyChoiceA(l)), `${Q0}.choices[1].id`, 'idFormat'],
    ['choice id repeated in its question', (l) => ((q0(l).choices[1].id = 'choice_a'), onlyChoiceA(l)), `${Q0}.choices[1].id`, 'duplicateId'],
    ['missing choice title', (l) => delete c0(l).title, `${C0}.title`, 'required'],
    ['choice title too long', (l) => (c0(l).title = text(129)), `${C0}.title`, 'maxLength'],
    ['choice description too long', (l) => (c0(l).description = text(2049)), `${C0}.description`, 'maxLength'],
    ['choice helpfulResource text too long', (l) => (c0(l).helpfulResource.displayText = text(2049)), `${C0}.helpfulResource.displayText`, 'maxLength'],
    ['choice helpfulResource url with empty displayText', (l) => (c0(l).helpfulResource.displayText = ''), `${C0}.helpfulResource.displayText`, 'displayTextRequired'],
    ['choice helpfulResource url without a scheme', (l) => (c0(l).helpfulResource.url = 'www.example.com'), `${C0}.helpfulResource.url`, 'urlScheme'],
    ['choice helpfulResource url not a string', (l) => (c0(l).helpfulResource.url = 42), `${C0}.helpfulResource.url`, 'type'],
    ['missing improvementPlan', (l) => delete c0(l).improvementPlan, `${C0}.improvementPlan`, 'improvementPlanRequired'],
    ['improvementPlan not an object', (l) => (c0(l).improvementPlan = 'do it'), `${C0}.improvementPlan`, 'type'],
    ['improvementPlan without displayText', (l) => delete c0(l).improvementPlan.displayText, `${C0}.improvementPlan.displayText`, 'required'],
    ['improvementPlan with empty displayText', (l) => (c0(l).improvementPlan.displayText = ''), `${C0}.improvementPlan.displayText`, 'minLength'],
    ['improvementPlan displayText too long', (l) => (c0(l).improvementPlan.displayText = text(2049)), `${C0}.improvementPlan.displayText`, 'maxLength'],
    ['improvementPlan url not http', (l) => (c0(l).improvementPlan.url = 'mailto:team@example.com'), `${C0}.improvementPlan.url`, 'urlScheme'],
    ['missing riskRules', (l) => delete q0(l).riskRules, `${Q0}.riskRules`, 'required'],
    ['riskRules not an array', (l) => (q0(l).riskRules = 'default'), `${Q0}.riskRules`, 'type'],
    ['risk rule not an object', (l) => (q0(l).riskRules[1] = 'choice_a'), `${Q0}.riskRules[1]`, 'type'],
    ['risk rule without condition', (l) => delete q0(l).riskRules[1].condition, `${Q0}.riskRules[1].condition`, 'required'],
    ['risk rule without risk', (l) => delete q0(l).riskRules[1].risk, `${Q0}.riskRules[1].risk`, 'required'],
    ['two default rules', (l) => (q0(l).riskRules[1].condition = 'default'), `${Q0}.riskRules[2].condition`, 'defaultRule'],
    ['default rule not last', (l) => q0(l).riskRules.reverse(), `${Q0}.riskRules[0].condition`, 'defaultRule'],
    ['unknown risk', (l) => (q0(l).riskRules[1].risk = 'LOW_RISK'), `${Q0}.riskRules[1].risk`, 'riskValue'],
    ['repeated risk', (l) => (q0(l).riskRules[1].risk = 'NO_RISK'), `${Q0}.riskRules[1].risk`, 'duplicateRisk'],
    ['condition that does not parse', (l) => (q0(l).riskRules[0].condition = 'choice_a & choice_b'), `${Q0}.riskRules[0].condition`, 'riskRuleSyntax'],
    [
      'condition naming a choice of another question',
      (l) => (l.pillars[0].questions[1].choices.push(choice('other_choice')), (q0(l).riskRules[0].condition = 'other_choice')),
      `${Q0}.riskRules[0].condition`,
      'unknownChoice',
    ],
  ])('reports %s', (_name, mutate, path, rule) => {
    expect(findingsAfter(mutate)).toEqual([{ path, rule }]);
  });

  it('reports more than three risk rules, which must then also repeat a level of risk', () => {
    expect(findingsAfter((l) => q0(l).riskRules.unshift({ condition: 'choice_b', risk: 'NO_RISK' }))).toEqual([
      { path: `${Q0}.riskRules`, rule: 'maxItems' },
      { path: `${Q0}.riskRules[1].risk`, rule: 'duplicateRisk' },
    ]);
  });

  it('reports an empty risk rule list', () => {
    expect(findingsAfter((l) => (q0(l).riskRules = []))).toEqual([{ path: `${Q0}.riskRules`, rule: 'minItems' }]);
  });

  it('accepts a question without a default rule and an empty url, with a warning for each naming the question', () => {
    const lens = validLens();
    q0(lens).riskRules.pop();
    c0(lens).improvementPlan.url = '';
    lens.pillars[1].questions[0].helpfulResource = { url: '' };
    const result = validateLensDocument(lens);
    expect(result.findings).toEqual([]);
    expect(result.lens).toBe(lens);
    expect(result.warnings.map(({ path, rule, questionId }) => ({ path, rule, questionId }))).toEqual([
      { path: `${C0}.improvementPlan.url`, rule: 'emptyUrl', questionId: 'q_one' },
      { path: `${Q0}.riskRules`, rule: 'noDefaultRule', questionId: 'q_one' },
      { path: 'pillars[1].questions[0].helpfulResource.url', rule: 'emptyUrl', questionId: 'q_three' },
    ]);
  });

  it.each<[string, (lens: Json, value: string) => void, string, number]>([
    ['question description', (l, v) => (q0(l).description = v), `${Q0}.description`, 2048],
    ['question helpful text', (l, v) => (q0(l).helpfulResource.displayText = v), `${Q0}.helpfulResource.displayText`, 2048],
    ['choice helpful text', (l, v) => (c0(l).helpfulResource.displayText = v), `${C0}.helpfulResource.displayText`, 2048],
    ['improvement plan text', (l, v) => (c0(l).improvementPlan.displayText = v), `${C0}.improvementPlan.displayText`, 2048],
    ['question title', (l, v) => (q0(l).title = v), `${Q0}.title`, 128],
    ['choice title', (l, v) => (c0(l).title = v), `${C0}.title`, 128],
  ])('accepts a %s of %i characters and refuses one more', (_field, set, path, max) => {
    expect(findingsAfter((l) => set(l, text(max)))).toEqual([]);
    expect(findingsAfter((l) => set(l, text(max + 1)))).toEqual([{ path, rule: 'maxLength' }]);
  });

  it('does not call every named choice unknown when the choice list is unreadable', () => {
    expect(findingsAfter((l) => (q0(l).choices = 'choice_a'))).toEqual([{ path: `${Q0}.choices`, rule: 'type' }]);
  });

  it('accepts a "None of these" choice without an improvement plan but checks one when given', () => {
    expect(findingsAfter((l) => (q0(l).choices[2].improvementPlan = { url: 'https://example.com' }))).toEqual([
      { path: `${Q0}.choices[2].improvementPlan.displayText`, rule: 'required' },
    ]);
  });

  it('reports every violation, not just the first', () => {
    const findings = findingsAfter((l) => {
      l.name = text(131);
      l.pillars[1].id = 'x';
      c0(l).improvementPlan.url = 'example.com';
      l.pillars[1].questions[0].riskRules[0].condition = '(choice_a';
    });
    expect(findings).toEqual([
      { path: 'name', rule: 'maxLength' },
      { path: `${C0}.improvementPlan.url`, rule: 'urlScheme' },
      { path: 'pillars[1].id', rule: 'minLength' },
      { path: 'pillars[1].questions[0].riskRules[0].condition', rule: 'riskRuleSyntax' },
    ]);
  });

  it('writes messages that name the limit and the location of a syntax error', () => {
    const lens = validLens();
    lens.name = text(131);
    q0(lens).riskRules[1].condition = 'choice_a )';
    q0(lens).riskRules[0].condition = 'choice_a && choice_z';
    expect(validateLensDocument(lens).findings).toEqual([
      { path: 'name', rule: 'maxLength', message: 'must be at most 128 characters (is 131)' },
      {
        path: `${Q0}.riskRules[0].condition`,
        rule: 'unknownChoice',
        message: "names 'choice_z', which is not a choice of this question",
        questionId: 'q_one',
      },
      {
        path: `${Q0}.riskRules[1].condition`,
        rule: 'riskRuleSyntax',
        message: "is not a valid condition: unexpected ')' at column 10",
        questionId: 'q_one',
      },
    ]);
  });
});

describe('validateLensJson', () => {
  it('accepts valid lens text', () => {
    const result = validateLensJson(JSON.stringify(validLens(), null, 2));
    expect(result.findings).toEqual([]);
    expect(result.lens?.name).toBe('Fixture lens');
  });

  it('reports text that is not JSON with its line and column', () => {
    const source = JSON.stringify(validLens(), null, 2).replace('"title": "Practice choice_b"', '"title": NaN');
    const line = source.split('\n').findIndex((l) => l.includes('NaN')) + 1;
    const column = source.split('\n')[line - 1]!.indexOf('NaN') + 1;
    expect(validateLensJson(source)).toEqual({
      findings: [{ path: '$', rule: 'jsonSyntax', message: `is not valid JSON at line ${line}, column ${column}: expected a value, found 'NaN'` }],
      warnings: [],
    });
  });

  it('reports a trailing comma', () => {
    expect(validateLensJson('{\n  "name": "x",\n}').findings).toEqual([
      { path: '$', rule: 'jsonSyntax', message: "is not valid JSON at line 2, column 14: trailing comma before '}'" },
    ]);
  });

  it('reports a lens over 500,000 bytes of UTF-8, and still checks the rest', () => {
    const lens = validLens();
    lens._notes = '\u00e9'.repeat(250_001); // 250,001 characters, 500,002 bytes
    delete lens.name;
    const findings = validateLensJson(JSON.stringify(lens)).findings;
    expect(findings.map(({ path, rule }) => ({ path, rule }))).toEqual([
      { path: '$', rule: 'maxSize' },
      { path: 'name', rule: 'required' },
    ]);
    expect(findings[0]!.message).toMatch(/^must be at most 500000 bytes \(is 5\d{5}\)$/);
  });

  it('accepts a lens just under the size limit', () => {
    const lens = validLens();
    const base = JSON.stringify({ ...lens, _pad: '' });
    lens._pad = 'x'.repeat(500_000 - base.length);
    expect(validateLensJson(JSON.stringify(lens)).findings).toEqual([]);
  });
});
