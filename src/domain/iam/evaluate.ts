/**
 * IAM's decision for one request against the identity policies attached to a caller:
 * any matching Deny wins (ExplicitDeny), else any matching Allow (Allow), else nothing
 * said yes (ImplicitDeny). The result names the deciding statement so callers can log
 * or explain it.
 */
import { contextKey, evaluateClause, normaliseContext, type NormalisedContext } from './conditions';
import { globMatches, type VariableResolver } from './patterns';
import type { AccessRequest, EvaluationResult, MatchList, Policy, Statement, StatementRef } from './types';

export const SERVICE_PREFIX = 'wellarchitected';

/** "GetWorkload" → "wellarchitected:GetWorkload"; a given prefix is kept (lower-cased). */
export function qualifyAction(action: string): string {
  const colon = action.indexOf(':');
  if (colon < 0) return `${SERVICE_PREFIX}:${action}`;
  return `${action.slice(0, colon).toLowerCase()}:${action.slice(colon + 1)}`;
}

function matchesList(list: MatchList, value: string, ignoreCase: boolean, resolve?: VariableResolver): boolean {
  const hit = list.patterns.some((p) => globMatches(p, value, { ignoreCase, resolve }));
  return list.negated ? !hit : hit;
}

function statementApplies(
  statement: Statement,
  action: string,
  resource: string,
  context: NormalisedContext,
  resolve: VariableResolver | undefined,
): boolean {
  // Action names are case-insensitive in IAM; ARNs are not.
  return (
    matchesList(statement.action, action, true) &&
    matchesList(statement.resource, resource, false, resolve) &&
    statement.conditions.every((clause) => evaluateClause(clause, context, resolve))
  );
}

/** Policy variables stand for single values; a missing or multi-valued key resolves to nothing. */
function resolverFor(context: NormalisedContext): VariableResolver {
  return (name) => {
    const values = context.get(contextKey(name));
    return values && values.length === 1 ? values[0] : undefined;
  };
}

export function evaluate(request: AccessRequest, policies: Policy[]): EvaluationResult {
  const action = qualifyAction(request.action);
  const context = normaliseContext(request.context);
  const resolveVariables = resolverFor(context);
  let allow: StatementRef | undefined;

  for (const [policyIndex, policy] of policies.entries()) {
    // Variables exist only from Version 2012-10-17; before that "${...}" is literal text.
    const resolve = policy.version === '2012-10-17' ? resolveVariables : undefined;
    for (const [statementIndex, statement] of policy.statements.entries()) {
      if (!statementApplies(statement, action, request.resource, context, resolve)) continue;
      const ref: StatementRef = { policyIndex, statementIndex, ...(statement.sid ? { sid: statement.sid } : {}) };
      // A Deny ends evaluation at once: nothing later can overturn it.
      if (statement.effect === 'Deny') return { decision: 'ExplicitDeny', matched: ref };
      allow ??= ref;
    }
  }
  return allow ? { decision: 'Allow', matched: allow } : { decision: 'ImplicitDeny' };
}
