/**
 * The AWS managed policies the spec names, with the documents it gives for them
 * ("Provisioning an IAM user"). They are parsed through the same validator as stored
 * policies so a typo here fails loudly at start-up rather than denying everyone.
 */
import { parsePolicy } from './parse';
import type { Policy } from './types';

export type ManagedPolicyName = 'WellArchitectedConsoleFullAccess' | 'WellArchitectedConsoleReadOnlyAccess';

export interface ManagedPolicy {
  name: ManagedPolicyName;
  arn: string;
  description: string;
  /** The JSON document as IAM shows it. */
  document: Record<string, unknown>;
  policy: Policy;
}

function managed(name: ManagedPolicyName, description: string, actions: string[]): ManagedPolicy {
  const document = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
  };
  const parsed = parsePolicy(document);
  if (!parsed.ok) throw new Error(`managed policy ${name} is invalid: ${JSON.stringify(parsed.problems)}`);
  return { name, arn: `arn:aws:iam::aws:policy/${name}`, description, document, policy: parsed.policy };
}

/**
 * Plumbline's own reading operations that the console and the CLI use beside
 * the API (before they had IAM actions of their own, they were allowed by the
 * API action giving the same data: GetLensReview, GetWorkload,
 * GetLensReviewReport, GetLensVersionDifference, ListCheckDetails, ListWorkloads), so both
 * managed policies keep allowing them.
 */
const PLUMBLINE_READS = [
  'plumbline:GetPracticeRisks',
  'plumbline:GetLensDraftDifference',
  'plumbline:GetWorkloadExport',
  'plumbline:GetLensReviewExport',
  'plumbline:ListLensReviewChecks',
  'plumbline:ListCheckResources',
  'plumbline:GetWorkloadRiskCounts',
];
/** And the changes made through the API's actions before (CreateWorkload, UpdateAnswer, and wellarchitected:ImportChecks for a checks import). */
const PLUMBLINE_CHANGES = ['plumbline:ImportWorkload', 'plumbline:ApplyReviewTemplate', 'plumbline:ImportCheckResults'];

export const MANAGED_POLICIES: Readonly<Record<ManagedPolicyName, ManagedPolicy>> = {
  WellArchitectedConsoleFullAccess: managed(
    'WellArchitectedConsoleFullAccess',
    'Allows all actions in AWS WA Tool: define, view, update and delete workloads.',
    ['wellarchitected:*', ...PLUMBLINE_READS, ...PLUMBLINE_CHANGES],
  ),
  WellArchitectedConsoleReadOnlyAccess: managed(
    'WellArchitectedConsoleReadOnlyAccess',
    'Allows viewing workloads in AWS WA Tool.',
    ['wellarchitected:Get*', 'wellarchitected:List*', ...PLUMBLINE_READS],
  ),
};

export function managedPolicyByArn(arn: string): ManagedPolicy | undefined {
  return Object.values(MANAGED_POLICIES).find((p) => p.arn === arn);
}
