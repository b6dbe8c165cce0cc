/**
 * The 403 a denied call gets, worded as the spec's troubleshooting page shows it:
 * "User: <arn> is not authorized to perform: wellarchitected:<Operation> on resource: <resource>".
 */
import { AccessDeniedError } from '../errors';
import { evaluate, qualifyAction } from './evaluate';
import type { AccessRequest, EvaluationResult, Policy } from './types';

export function deniedMessage(principalArn: string, action: string, resource: string): string {
  return `User: ${principalArn} is not authorized to perform: ${qualifyAction(action)} on resource: ${resource}`;
}

/**
 * Evaluates and throws AccessDeniedException unless allowed. `messageResource` is what
 * the message names; it defaults to the request's resource (the spec's example shows a
 * bare workload id, so callers may prefer that).
 */
export function authorize(
  principalArn: string,
  request: AccessRequest,
  policies: Policy[],
  messageResource: string = request.resource,
): EvaluationResult {
  const result = evaluate(request, policies);
  if (result.decision !== 'Allow') {
    throw new AccessDeniedError(deniedMessage(principalArn, request.action, messageResource));
  }
  return result;
}
