/** The key and principal both SigV4 test files sign and verify with. */
import type { SigningKeyLookup } from './sigv4';

export const REGION = 'us-east-1';
export const SERVICE = 'wellarchitected';
export const AKID = 'AKIDPLUMBLINE0001';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const ARN = 'arn:aws:wellarchitected:us-east-1:123456789012:workload/abc';

export interface Principal {
  accountId: string;
}
export const PRINCIPAL: Principal = { accountId: '123456789012' };
export const lookup: SigningKeyLookup<Principal> = async (id) =>
  id === AKID ? { secretAccessKey: SECRET, principal: PRINCIPAL } : undefined;
