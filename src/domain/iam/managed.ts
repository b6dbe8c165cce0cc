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

export const MANAGED_POLICIES: Readonly<Record<ManagedPolicyName, ManagedPolicy>> = {
  WellArchitectedConsoleFullAccess: managed(
    'WellArchitectedConsoleFullAccess',
    'Allows all actions in AWS WA Tool: define, view, update and delete workloads.',
    ['wellarchitected:*'],
  ),
  WellArchitectedConsoleReadOnlyAccess: managed(
    'WellArchitectedConsoleReadOnlyAccess',
    'Allows viewing workloads in AWS WA Tool.',
    ['wellarchitected:Get*', 'wellarchitected:List*'],
  ),
};

export function managedPolicyByArn(arn: string): ManagedPolicy | undefined {
  return Object.values(MANAGED_POLICIES).find((p) => p.arn === arn);
}
