/** Who is calling: every request resolves to one, and every service authorizes against it. */
export interface Principal {
  accountId: string;
  arn: string;
  /** Undefined for the account's root user. */
  userName?: string;
  /** The IAM user's unique id (AIDA...), the principalId of its audit records. */
  userId?: string;
  accessKeyId: string;
}

export const isRoot = (p: Principal) => p.userName === undefined;

export const rootArn = (accountId: string) => `arn:aws:iam::${accountId}:root`;
