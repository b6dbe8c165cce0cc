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
  | RiskRuleProblemCode;

/**
 * One violation of the lens format. `path` is a JSON path into the document, such as
 * `pillars[2].questions[0].riskRules[1].condition`, or `$` for the document itself.
 */
export interface LensFinding {
  path: string;
  rule: LensFindingRule;
  message: string;
}

export const DOCUMENT_PATH = '$';

export const keyPath = (path: string, key: string): string => (path === DOCUMENT_PATH ? key : `${path}.${key}`);
export const indexPath = (path: string, index: number): string => `${path}[${index}]`;
