import { describe, expect, it } from 'vitest';
import { compilePattern, type PatternOptions } from './pattern';

const event = {
  version: '0',
  source: 'aws.wellarchitected',
  'detail-type': 'AWS API Call via CloudTrail',
  account: '111122223333',
  resources: ['arn:aws:wellarchitected:us-east-1:111122223333:workload/abc'],
  detail: {
    eventName: 'UpdateAnswer',
    readOnly: false,
    requestParameters: { LensAlias: 'wellarchitected', QuestionId: 'priorities', IsApplicable: true, Count: 3, Tags: ['a', 'b'] },
    userIdentity: { type: 'IAMUser', accountId: '111122223333' },
  },
};

function matches(pattern: unknown, subject: unknown = event, options?: PatternOptions): boolean {
  const compiled = compilePattern(pattern, options);
  if (!compiled.ok) throw new Error(`pattern refused: ${JSON.stringify(compiled.problems)}`);
  return compiled.match(subject);
}

function problems(pattern: unknown, options?: PatternOptions) {
  const compiled = compilePattern(pattern, options);
  if (compiled.ok) throw new Error('expected the pattern to be refused');
  return compiled.problems;
}

describe('event patterns', () => {
  it('matches value lists on top-level and nested fields; every named field must match', () => {
    expect(matches({ source: ['aws.wellarchitected'] })).toBe(true);
    expect(matches({ source: ['aws.other', 'aws.wellarchitected'], 'detail-type': ['AWS API Call via CloudTrail'] })).toBe(true);
    expect(matches({ detail: { eventName: ['CreateWorkload', 'UpdateAnswer'] } })).toBe(true);
    expect(matches({ detail: { eventName: ['CreateWorkload'] } })).toBe(false);
    expect(matches({ source: ['aws.wellarchitected'], detail: { eventName: ['CreateWorkload'] } })).toBe(false);
    expect(matches({ detail: { requestParameters: { LensAlias: ['wellarchitected'], QuestionId: ['priorities'] } } })).toBe(true);
    expect(matches({ detail: { requestParameters: { QuestionId: ['security'] } } })).toBe(false);
  });

  it('compares types strictly: booleans, numbers and null are not strings', () => {
    expect(matches({ detail: { readOnly: [false] } })).toBe(true);
    expect(matches({ detail: { readOnly: ['false'] } })).toBe(false);
    expect(matches({ detail: { requestParameters: { Count: [3] } } })).toBe(true);
    expect(matches({ detail: { requestParameters: { Count: ['3'] } } })).toBe(false);
    expect(matches({ detail: { errorCode: [null] } })).toBe(false);
    expect(matches({ detail: { errorCode: [null] } }, { detail: { errorCode: null } })).toBe(true);
  });

  it('matches an array in the event when any element matches', () => {
    expect(matches({ detail: { requestParameters: { Tags: ['b'] } } })).toBe(true);
    expect(matches({ detail: { requestParameters: { Tags: ['c'] } } })).toBe(false);
    expect(matches({ resources: [{ prefix: 'arn:aws:wellarchitected:us-east-1:111122223333:workload/' }] })).toBe(true);
    expect(matches({ items: { id: ['2'] } }, { items: [{ id: '1' }, { id: '2' }] })).toBe(true);
    expect(matches({ items: { id: ['3'] } }, { items: [{ id: '1' }, { id: '2' }] })).toBe(false);
  });

  it('supports prefix, suffix, equals-ignore-case and numeric', () => {
    expect(matches({ detail: { eventName: [{ prefix: 'Update' }] } })).toBe(true);
    expect(matches({ detail: { eventName: [{ prefix: 'Create' }] } })).toBe(false);
    expect(matches({ detail: { eventName: [{ suffix: 'Answer' }] } })).toBe(true);
    expect(matches({ detail: { eventName: [{ 'equals-ignore-case': 'updateanswer' }] } })).toBe(true);
    expect(matches({ detail: { requestParameters: { Count: [{ numeric: ['>', 2, '<=', 3] }] } } })).toBe(true);
    expect(matches({ detail: { requestParameters: { Count: [{ numeric: ['>', 3] }] } } })).toBe(false);
    expect(matches({ detail: { eventName: [{ numeric: ['>', 0] }] } })).toBe(false);
  });

  it('supports anything-but with a value, a list and a prefix; a missing field never matches it', () => {
    expect(matches({ detail: { eventName: [{ 'anything-but': 'CreateWorkload' }] } })).toBe(true);
    expect(matches({ detail: { eventName: [{ 'anything-but': ['UpdateAnswer', 'CreateWorkload'] }] } })).toBe(false);
    expect(matches({ detail: { eventName: [{ 'anything-but': { prefix: 'Update' } }] } })).toBe(false);
    expect(matches({ detail: { eventName: [{ 'anything-but': { prefix: 'Delete' } }] } })).toBe(true);
    expect(matches({ detail: { errorCode: [{ 'anything-but': 'x' }] } })).toBe(false);
  });

  it('supports exists, including on fields below a missing object', () => {
    expect(matches({ detail: { errorCode: [{ exists: false }] } })).toBe(true);
    expect(matches({ detail: { errorCode: [{ exists: true }] } })).toBe(false);
    expect(matches({ detail: { eventName: [{ exists: true }] } })).toBe(true);
    expect(matches({ detail: { responseElements: { WorkloadId: [{ exists: false }] } } })).toBe(true);
    expect(matches({ detail: { responseElements: { WorkloadId: [{ exists: true }] } } })).toBe(false);
    expect(matches({ detail: { eventName: ['CreateWorkload', { exists: false }] } })).toBe(false);
  });

  it('refuses malformed patterns, naming the bad key', () => {
    expect(problems(['x'])[0].Name).toBe('Pattern');
    expect(problems({})[0].Message).toMatch(/at least one field/);
    expect(problems({ detail: { eventName: 'UpdateAnswer' } })).toEqual([
      { Name: 'Pattern.detail.eventName', Message: 'must be an array of allowed values or an object of nested fields' },
    ]);
    expect(problems({ detail: { eventName: [] } })[0]).toMatchObject({ Name: 'Pattern.detail.eventName', Message: expect.stringMatching(/at least one/) });
    expect(problems({ detail: { eventName: [{ prefixx: 'Up' }] } })[0]).toMatchObject({ Name: 'Pattern.detail.eventName[0].prefixx' });
    expect(problems({ detail: { eventName: [{ prefix: 'Up', suffix: 'x' }] } })[0].Name).toBe('Pattern.detail.eventName[0]');
    expect(problems({ detail: { eventName: [{ exists: 'yes' }] } })[0].Name).toBe('Pattern.detail.eventName[0].exists');
    expect(problems({ detail: { eventName: [{ numeric: ['>>', 1] }] } })[0].Name).toBe('Pattern.detail.eventName[0].numeric');
    expect(problems({ detail: { eventName: [['nested']] } })[0].Name).toBe('Pattern.detail.eventName[0]');
    expect(problems({ a: [1], b: 'x', c: [] }).map((p) => p.Name)).toEqual(['Pattern.b', 'Pattern.c']);
    expect(problems({ a: ['x'.repeat(5000)] })[0].Message).toMatch(/at most 4096/);
  });

  it('refuses field names outside the known ones, listing those that exist', () => {
    const options = { knownFields: { '': ['source', 'detail'], detail: ['eventName', 'requestParameters'] } };
    expect(matches({ detail: { requestParameters: { Anything: [{ exists: false }] } } }, event, options)).toBe(true);
    const [top] = problems({ sources: ['aws.wellarchitected'] }, options);
    expect(top).toEqual({ Name: 'Pattern.sources', Message: 'is not a field of the event; the fields are source, detail' });
    const [nested] = problems({ detail: { EventName: ['UpdateAnswer'] } }, options);
    expect(nested).toEqual({ Name: 'Pattern.detail.EventName', Message: "is not a field of the event's detail; the fields are eventName, requestParameters" });
  });
});
