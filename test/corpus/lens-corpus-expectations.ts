import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real custom lenses published by others (../shared/corpus/lenses), each with the outcome
 * the lens format specification gives it, read as the hosted service applies it
 * (../shared/reference/aws-behaviour.md): a question without a default rule and an empty
 * url are accepted with a warning (items 6 and 12); names, titles and descriptions are
 * held to the hosted character set (item 8). The reason says which rule decides. Used by
 * the validator's corpus test and by the API's (test/api/lens-corpus-api.test.ts).
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'lenses');

export interface ExpectedFinding {
  path: string;
  rule: string;
}

/** For files with very many identical findings: how many, which rules, and where. */
export interface ManyFindings {
  count: number;
  rules: string[];
  everyPath: RegExp;
}

export type Expected =
  | { reason: string; valid: true; warnings?: ExpectedFinding[] | ManyFindings }
  | { reason: string; valid: false; findings: ExpectedFinding[] | ManyFindings };

const noDefault = (pillar: number, question: number): ExpectedFinding => ({
  path: `pillars[${pillar}].questions[${question}].riskRules`,
  rule: 'noDefaultRule',
});
const emptyUrl = (path: string): ExpectedFinding => ({ path, rule: 'emptyUrl' });

export const expectations: Record<string, Expected> = {
  'Amazon_ECS_Lens.json': {
    reason: 'imports as on the hosted service: question NET3 has no default risk rule, a warning (an answer its rules do not match is high risk)',
    valid: true,
    warnings: [noDefault(1, 2)],
  },
  'Passport-Custom-Lens.json': {
    reason: 'conforms; its question-level "url" key is not defined by the specification and is ignored',
    valid: true,
  },
  'connect-customlens-conversationalBots.json': {
    reason: 'imports: two questions have no default risk rule, a warning',
    valid: true,
    warnings: [noDefault(0, 0), noDefault(0, 4)],
  },
  'connect-customlens-costOptimization.json': {
    reason: 'imports: no question has a default risk rule, and one improvementPlan url is "", read as no url; warnings only',
    valid: true,
    warnings: [
      noDefault(0, 0),
      noDefault(0, 1),
      noDefault(0, 2),
      emptyUrl('pillars[0].questions[3].choices[2].improvementPlan.url'),
      noDefault(0, 3),
      noDefault(0, 4),
      noDefault(0, 5),
    ],
  },
  'connect-customlens-ops.json': {
    reason: 'conforms; "additionalResources" is ignored and "None of these" choices need no improvement plan',
    valid: true,
  },
  'connect-customlens-performanceEfficiency.json': {
    reason: 'conforms; "None of these" choices need no improvement plan',
    valid: true,
  },
  'connect-customlens-reliability.json': {
    reason: 'conforms; choice ids repeat across questions, which is allowed (unique within a question)',
    valid: true,
  },
  'connect-customlens-sec.json': {
    reason: 'conforms; "None of these" choices need no improvement plan',
    valid: true,
  },
  'connect-customlens-wellarchitected.json': {
    reason: 'imports: its cost pillar questions have no default risk rule, and one improvementPlan url is ""; warnings only',
    valid: true,
    warnings: [
      noDefault(4, 0),
      noDefault(4, 1),
      noDefault(4, 2),
      emptyUrl('pillars[4].questions[3].choices[2].improvementPlan.url'),
      noDefault(4, 3),
      noDefault(4, 4),
    ],
  },
  'custom-lens-OpenSearch.json': {
    reason: 'conforms; "_version", "_release_date", "_release_note" and "_teams" are ignored',
    valid: true,
  },
  'custom-lens-apigw-lambda-v0.1.json': {
    reason: 'imports: four helpfulResource urls are "", read as no url (a warning each)',
    valid: true,
    warnings: [
      emptyUrl('pillars[0].questions[3].helpfulResource.url'),
      emptyUrl('pillars[0].questions[3].choices[0].helpfulResource.url'),
      emptyUrl('pillars[1].questions[1].helpfulResource.url'),
      emptyUrl('pillars[1].questions[5].helpfulResource.url'),
    ],
  },
  'custom-lens-cognito-v1.0.json': {
    reason: 'conforms; "None of these" choices need no improvement plan',
    valid: true,
  },
  'custom-lens-elasticache-v2.0.json': {
    reason: 'imports: none of its 22 questions has a default risk rule (each lists HIGH, MEDIUM and NO_RISK conditions instead), a warning each',
    valid: true,
    warnings: [
      ...[0, 1, 2, 3, 4].map((question) => noDefault(0, question)),
      ...[0, 1, 2, 3, 4, 5].map((question) => noDefault(1, question)),
      ...[0, 1, 2, 3].map((question) => noDefault(2, question)),
      ...[0, 1, 2, 3, 4].map((question) => noDefault(3, question)),
      ...[0, 1].map((question) => noDefault(4, question)),
    ],
  },
  'custom-lens-emr-spark-v1.0.json': {
    reason: 'not JSON: the bare token NaN (line 1448, column 30) is not a JSON value',
    valid: false,
    findings: [{ path: '$', rule: 'jsonSyntax' }],
  },
  'custom-lens-glue-v2.0.json': { reason: 'conforms; "_"-prefixed metadata keys are ignored', valid: true },
  'custom-lens-iceberg-amaozn-s3-v1.0.json': { reason: 'conforms', valid: true },
  'custom-lens-sagemaker-autogluon-v1.0.json': {
    reason: 'a choice title contains ";", which the hosted service refuses in titles (aws-behaviour.md item 8)',
    valid: false,
    findings: [{ path: 'pillars[0].questions[1].choices[1].title', rule: 'characters' }],
  },
  'custom-lens-sagemaker-flower-v1.0.json': { reason: 'conforms', valid: true },
  'custom-lensddb-v1.0.json': { reason: 'conforms; "_"-prefixed metadata keys are ignored', valid: true },
  'saas_biz_custom_lens.json': {
    reason: 'imports: 113 choice helpfulResource urls are "", read as no url (a warning each)',
    valid: true,
    warnings: { count: 113, rules: ['emptyUrl'], everyPath: /^pillars\[\d+\]\.questions\[\d+\]\.choices\[\d+\]\.helpfulResource\.url$/ },
  },
  'streaming-media-lens-v1.02.json': { reason: 'conforms; "_"-prefixed metadata keys are ignored', valid: true },
  'wafsap-v2.0.json': { reason: 'conforms; "None of these" choices need no improvement plan', valid: true },
};

/** Checks findings (path and rule of each) against what is expected of them. */
export function matchesExpected(
  found: ExpectedFinding[],
  expected: ExpectedFinding[] | ManyFindings,
  check: { equal: (a: unknown, b: unknown) => void; matches: (path: string, pattern: RegExp) => void },
): void {
  if (Array.isArray(expected)) {
    check.equal(found, expected);
    return;
  }
  check.equal(found.length, expected.count);
  check.equal([...new Set(found.map((finding) => finding.rule))], expected.rules);
  for (const finding of found) check.matches(finding.path, expected.everyPath);
}
