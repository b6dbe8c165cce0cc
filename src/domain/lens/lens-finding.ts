import type { RiskRuleProblemCode } from '../risk-rules/compile-risk-rules';

/** Stable codes for what a finding breaks; scripts and tests match on these. */
export type LensFindingRule =
  | 'jsonSyntax'
  | 'maxSize'
  | 'type'
  | 'required'
  | 'minLength'
  | 'maxLength'
  | 'idFormat'
  | 'duplicateId'
  | 'minItems'
  | 'maxItems'
  | 'urlScheme'
  | 'displayTextRequired'
  | 'improvementPlanRequired'
  | 'characters'
  | RiskRuleProblemCode
  /** Warnings: the hosted service accepts these, but a lens author should fix them. */
  | 'noDefaultRule'
  | 'emptyUrl';

/** Rules reported as warnings: the lens is still accepted. */
export const WARNING_RULES: ReadonlySet<LensFindingRule> = new Set<LensFindingRule>(['noDefaultRule', 'emptyUrl']);

/**
 * One violation of the lens format. `path` is a JSON path into the document, such as
 * `pillars[2].questions[0].riskRules[1].condition`, or `$` for the document itself.
 */
export interface LensFinding {
  path: string;
  rule: LensFindingRule;
  message: string;
  /** The id of the question the finding is in, when it is in one. */
  questionId?: string;
}

/** A finding as refusals and `plumbline lens validate` word it: what, in which question, and the rule. */
export const describeFinding = (finding: LensFinding): string =>
  `${finding.message}${finding.questionId === undefined ? '' : ` (question ${finding.questionId})`} [${finding.rule}]`;

export const DOCUMENT_PATH = '$';

export const keyPath = (path: string, key: string): string => (path === DOCUMENT_PATH ? key : `${path}.${key}`);
export const indexPath = (path: string, index: number): string => `${path}[${index}]`;
