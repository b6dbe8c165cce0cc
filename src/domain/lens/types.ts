/**
 * The lens document model of the specification ("Lens format specification").
 * Built-in lenses and custom lenses share it; built-in lenses add `riskLevel` to
 * each choice (keys the specification does not define are allowed in a lens file).
 */

export type RiskRuleRisk = 'HIGH_RISK' | 'MEDIUM_RISK' | 'NO_RISK';
export type PracticeRiskLevel = 'HIGH' | 'MEDIUM' | 'LOW';

export interface LensResource {
  displayText?: string;
  url?: string;
}

export interface LensChoice {
  id: string;
  title: string;
  description?: string;
  helpfulResource?: LensResource;
  improvementPlan?: LensResource;
  /** Plumbline extension: the level of risk of not following this practice. */
  riskLevel?: PracticeRiskLevel;
  [extra: string]: unknown;
}

export interface LensRiskRule {
  condition: string;
  risk: RiskRuleRisk;
}

export interface LensQuestion {
  id: string;
  title: string;
  description?: string;
  helpfulResource?: LensResource;
  choices: LensChoice[];
  riskRules: LensRiskRule[];
  [extra: string]: unknown;
}

export interface LensPillar {
  id: string;
  name: string;
  questions: LensQuestion[];
  [extra: string]: unknown;
}

export interface LensDocument {
  schemaVersion: string;
  name: string;
  description: string;
  pillars: LensPillar[];
  [extra: string]: unknown;
}

/** A choice id ending in `_no` acts as the question's "None of these" choice. */
export const isNoneOfTheseChoice = (choiceId: string): boolean => choiceId.endsWith('_no');
