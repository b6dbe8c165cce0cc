/** ARNs of Plumbline resources, shaped like the hosted tool's. */

export const workloadArn = (region: string, accountId: string, workloadId: string) =>
  `arn:aws:wellarchitected:${region}:${accountId}:workload/${workloadId}`;

export const awsLensArn = (alias: string) => `arn:aws:wellarchitected::aws:lens/${alias}`;

export const customLensArn = (region: string, accountId: string, lensId: string) =>
  `arn:aws:wellarchitected:${region}:${accountId}:lens/${lensId}`;

/** An event target of Plumbline's (src/services/events/), named like the account's other resources. */
export const eventTargetArn = (region: string, accountId: string, targetId: string) =>
  `arn:aws:wellarchitected:${region}:${accountId}:event-target/${targetId}`;

export interface ParsedArn {
  region: string;
  accountId: string;
  resourceType: string;
  resourceId: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const m = /^arn:aws[-a-z]*:wellarchitected:([a-z0-9-]*):([0-9]{12}|aws)?:([a-z-]+)\/([A-Za-z0-9_-]+)$/.exec(arn);
  return m ? { region: m[1], accountId: m[2] ?? '', resourceType: m[3], resourceId: m[4] } : undefined;
}

/** The one account-id rule: twelve digits (accounts, policies' principals, configuration, requests). */
export const ACCOUNT_ID = /^\d{12}$/;
export const isAccountId = (value: unknown): value is string => typeof value === 'string' && ACCOUNT_ID.test(value);
