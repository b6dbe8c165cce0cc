/** Identity policies: validate when stored (parsePolicy), decide per request (evaluate). */
export type * from './types';
export { parsePolicy, INLINE_POLICY_MAX_CHARS, policyCharCount } from './parse';
export { evaluate, qualifyAction, SERVICE_PREFIX } from './evaluate';
export { deniedMessage, authorize } from './denied';
export { MANAGED_POLICIES, managedPolicyByArn, type ManagedPolicy, type ManagedPolicyName } from './managed';
export { BASE_OPERATORS, SUPPORTED_KEYS_TEXT } from './conditions';
