/**
 * parsePolicy's rules, each broken alone: every case starts from one valid policy and
 * breaks exactly one rule, so the test pins both the path and the wording of that rule.
 */
import { describe, expect, it } from 'vitest';
import { parsePolicy } from './index';

// Documents are deliberately free-form: the point is to build invalid ones.
type Doc = Record<string, any>;

const WORKLOADS = 'arn:aws:wellarchitected:us-east-1:111122223333:workload/*';

function valid(): Doc {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Reads', Effect: 'Allow', Action: ['wellarchitected:Get*'], Resource: WORKLOADS },
      {
        Sid: 'Tagged',
        Effect: 'Allow',
        Action: 'wellarchitected:UpdateWorkload',
        Resource: WORKLOADS,
        Condition: { StringEquals: { 'wellarchitected:ResourceTag/Env': 'prod' } },
      },
    ],
  };
}

const s0 = (d: Doc) => d.Statement[0];
const cond = (d: Doc) => d.Statement[1].Condition;

// [rule, break it, expected path, fragment of the message]
const broken: [string, (d: Doc) => unknown, string, string][] = [
  ['Version is required', (d) => delete d.Version, 'Version', 'required'],
  ['Version is a known date', (d) => (d.Version = '2012-10-18'), 'Version', '"2012-10-17" or "2008-10-17"'],
  ['top-level elements are known', (d) => (d.Statment = []), 'Statment', "unknown element 'Statment'"],
  ['Id is a string', (d) => (d.Id = 7), 'Id', 'must be a string'],
  ['Statement is required', (d) => delete d.Statement, 'Statement', 'required'],
  ['Statement is not empty', (d) => (d.Statement = []), 'Statement', 'empty'],
  ['a statement is an object', (d) => (d.Statement[0] = 'Allow'), 'Statement[0]', 'must be an object'],
  ['statement elements are known', (d) => (s0(d).Comment = 'x'), 'Statement[0].Comment', "unknown element 'Comment'"],
  ['identity policies have no Principal', (d) => (s0(d).Principal = '*'), 'Statement[0].Principal', 'cannot have Principal'],
  ['Sid is alphanumeric', (d) => (s0(d).Sid = 'read-only'), 'Statement[0].Sid', 'letters and digits'],
  ['Sids are unique', (d) => (d.Statement[1].Sid = 'Reads'), 'Statement[1].Sid', 'already used by Statement[0]'],
  ['Effect is required', (d) => delete s0(d).Effect, 'Statement[0]', 'needs Effect'],
  ['Effect is Allow or Deny, case-sensitive', (d) => (s0(d).Effect = 'allow'), 'Statement[0].Effect', '"Allow" or "Deny"'],
  ['not both Action and NotAction', (d) => (s0(d).NotAction = 'wellarchitected:List*'), 'Statement[0]', 'both Action and NotAction'],
  ['Action or NotAction is required', (d) => delete s0(d).Action, 'Statement[0]', 'needs Action or NotAction'],
  ['Action is not an empty array', (d) => (s0(d).Action = []), 'Statement[0].Action', 'empty array'],
  ['Action is a string or array', (d) => (s0(d).Action = 42), 'Statement[0].Action', 'string or an array'],
  ['Action entries are strings', (d) => s0(d).Action.push(null), 'Statement[0].Action[1]', 'must be a string'],
  ['an action is service:action', (d) => (s0(d).Action = ['GetWorkload']), 'Statement[0].Action[0]', 'service:action'],
  ['an action has no stray characters', (d) => (s0(d).NotAction = 'wellarchitected:Get Workload', delete s0(d).Action), 'Statement[0].NotAction', 'service:action'],
  ['not both Resource and NotResource', (d) => (s0(d).NotResource = '*'), 'Statement[0]', 'both Resource and NotResource'],
  ['Resource or NotResource is required', (d) => delete s0(d).Resource, 'Statement[0]', 'needs Resource or NotResource'],
  ['Resource is not an empty array', (d) => (s0(d).Resource = []), 'Statement[0].Resource', 'empty array'],
  ['a resource is * or an ARN', (d) => (s0(d).Resource = ['workload/abc']), 'Statement[0].Resource[0]', 'arn:partition:service:region:account:resource'],
  ['an ARN has six parts', (d) => (s0(d).Resource = 'arn:aws:wellarchitected:*'), 'Statement[0].Resource', 'arn:partition'],
  ['Condition is an object', (d) => (d.Statement[1].Condition = ['StringEquals']), 'Statement[1].Condition', 'must be an object'],
  ['operators are known', (d) => (d.Statement[1].Condition = { StringEqualz: { 'aws:username': 'a' } }), 'Statement[1].Condition.StringEqualz', "unknown condition operator 'StringEqualz'"],
  ['operator names are case-sensitive', (d) => (d.Statement[1].Condition = { stringequals: { 'aws:username': 'a' } }), 'Statement[1].Condition.stringequals', 'did you mean StringEquals'],
  ['set qualifiers are known', (d) => (d.Statement[1].Condition = { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } }), 'Statement[1].Condition.ForSomeValues:StringEquals', "unknown set qualifier 'ForSomeValues'"],
  ['Null takes no IfExists', (d) => (d.Statement[1].Condition = { NullIfExists: { 'aws:TagKeys': 'true' } }), 'Statement[1].Condition.NullIfExists', 'IfExists'],
  ['Null takes no set qualifier', (d) => (d.Statement[1].Condition = { 'ForAnyValue:Null': { 'aws:TagKeys': 'true' } }), 'Statement[1].Condition.ForAnyValue:Null', 'ForAnyValue'],
  ['an operator maps keys to values', (d) => (cond(d).StringEquals = 'prod'), 'Statement[1].Condition.StringEquals', 'mapping condition keys'],
  ['an operator names a key', (d) => (cond(d).StringEquals = {}), 'Statement[1].Condition.StringEquals', 'at least one condition key'],
  ['keys are supported', (d) => (cond(d).StringEquals = { 'aws:SourceIp': '10.0.0.1' }), 'Statement[1].Condition.StringEquals.aws:SourceIp', "unsupported condition key 'aws:SourceIp'"],
  ['a tag key is given', (d) => (cond(d).StringEquals = { 'aws:RequestTag/': 'x' }), 'Statement[1].Condition.StringEquals.aws:RequestTag/', 'needs a tag key'],
  ['a tag key is at most 128 characters', (d) => (cond(d).StringEquals = { [`aws:RequestTag/${'k'.repeat(129)}`]: 'x' }), `Statement[1].Condition.StringEquals.aws:RequestTag/${'k'.repeat(129)}`, 'longer than 128'],
  ['values are not an empty array', (d) => (cond(d).StringEquals = { 'aws:username': [] }), 'Statement[1].Condition.StringEquals.aws:username', 'at least one value'],
  ['values are strings', (d) => (cond(d).StringEquals = { 'aws:username': ['a', { b: 1 }] }), 'Statement[1].Condition.StringEquals.aws:username[1]', 'must be a string'],
  ['Null takes true or false', (d) => (d.Statement[1].Condition = { Null: { 'aws:TagKeys': 'yes' } }), 'Statement[1].Condition.Null.aws:TagKeys', '"true" or "false"'],
  ['resource variables are known keys', (d) => (s0(d).Resource = 'arn:aws:wellarchitected:us-east-1:111122223333:workload/${aws:userid}'), 'Statement[0].Resource', "unknown policy variable '${aws:userid}'"],
  ['condition variables are known keys', (d) => (cond(d).StringEquals = { 'aws:username': '${aws:sourceip}' }), 'Statement[1].Condition.StringEquals.aws:username', 'unknown policy variable'],
];

describe('parsePolicy', () => {
  it('accepts the base policy every rule case starts from', () => {
    expect(parsePolicy(valid())).toMatchObject({ ok: true });
  });

  it.each(broken)('rule: %s', (_rule, breakIt, path, fragment) => {
    const doc = valid();
    breakIt(doc);
    const result = parsePolicy(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].path).toBe(path);
    expect(result.problems[0].message).toContain(fragment);
  });

  it('reports text that is not JSON, or JSON that is not an object, at the root', () => {
    expect(parsePolicy('{"Version": ')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringContaining('not valid JSON') }] });
    expect(parsePolicy('[]')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringContaining('JSON object') }] });
  });

  it('reports every problem, not just the first', () => {
    const doc = valid();
    doc.Version = '2020-01-01';
    s0(doc).Effect = 'Permit';
    cond(doc).StringEqualz = { 'aws:Nope': 'x' };
    const result = parsePolicy(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      'Version',
      'Statement[0].Effect',
      'Statement[1].Condition.StringEqualz',
      'Statement[1].Condition.StringEqualz.aws:Nope',
    ]);
  });

  it('parses a JSON string into the normalised form', () => {
    const result = parsePolicy(JSON.stringify(valid()));
    expect(result).toEqual({
      ok: true,
      policy: {
        version: '2012-10-17',
        statements: [
          { sid: 'Reads', effect: 'Allow', action: { negated: false, patterns: ['wellarchitected:Get*'] }, resource: { negated: false, patterns: [WORKLOADS] }, conditions: [] },
          {
            sid: 'Tagged',
            effect: 'Allow',
            action: { negated: false, patterns: ['wellarchitected:UpdateWorkload'] },
            resource: { negated: false, patterns: [WORKLOADS] },
            conditions: [
              {
                operator: 'StringEquals',
                base: 'StringEquals',
                qualifier: undefined,
                ifExists: false,
                key: 'wellarchitected:ResourceTag/Env',
                canonicalKey: 'aws:resourcetag/env',
                values: ['prod'],
              },
            ],
          },
        ],
      },
    });
  });

  it("accepts the spec's example policies, including iam actions and ${aws:username}", () => {
    const viewOwn = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ViewOwnUserInfo', Effect: 'Allow', Action: ['iam:GetUserPolicy', 'iam:GetUser'], Resource: ['arn:aws:iam::*:user/${aws:username}'] },
        { Sid: 'NavigateInConsole', Effect: 'Allow', Action: ['iam:ListPolicies', 'iam:ListUsers'], Resource: '*' },
      ],
    };
    expect(parsePolicy(viewOwn).ok).toBe(true);
  });

  it('accepts what IAM accepts: numbers and booleans as condition values, ${...} as text in 2008-10-17', () => {
    const doc = {
      Version: '2008-10-17',
      Statement: {
        Effect: 'Deny',
        Action: '*',
        Resource: 'arn:aws:wellarchitected:us-east-1:111122223333:workload/${not:a:variable}',
        Condition: { Null: { 'aws:TagKeys': true }, StringEquals: { 'aws:PrincipalAccount': 111122223333 } },
      },
    };
    const result = parsePolicy(doc);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.policy.statements[0].conditions.map((c) => c.values)).toEqual([['true'], ['111122223333']]);
  });
});
