/**
 * The stored, validated shape of an identity policy. parsePolicy produces it from the
 * AWS JSON document; evaluate consumes it. Fields are normalised (arrays everywhere,
 * Action/NotAction folded into one list with a flag) so evaluation has no branches on
 * the many spellings the JSON allows.
 */

export type PolicyVersion = '2012-10-17' | '2008-10-17';

export type Effect = 'Allow' | 'Deny';

/** The string operators (without IfExists or set qualifiers) plus Null. */
export type BaseOperator =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringNotEqualsIgnoreCase'
  | 'StringLike'
  | 'StringNotLike'
  | 'Null';

export type SetQualifier = 'ForAnyValue' | 'ForAllValues';

export interface ConditionClause {
  /** The operator as written, e.g. "ForAnyValue:StringLikeIfExists". */
  operator: string;
  base: BaseOperator;
  qualifier?: SetQualifier;
  ifExists: boolean;
  /** The key as written, e.g. "wellarchitected:ResourceTag/Env". */
  key: string;
  /** Lower-cased, with wellarchitected:ResourceTag folded into aws:ResourceTag. */
  canonicalKey: string;
  values: string[];
}

/** Action/NotAction or Resource/NotResource: `negated` is true for the Not* form. */
export interface MatchList {
  negated: boolean;
  patterns: string[];
}

export interface Statement {
  sid?: string;
  effect: Effect;
  action: MatchList;
  resource: MatchList;
  conditions: ConditionClause[];
}

export interface Policy {
  version: PolicyVersion;
  id?: string;
  statements: Statement[];
}

export interface PolicyProblem {
  /** Where in the document, e.g. "Statement[1].Condition.StringEqualz". "" is the whole document. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

export type ContextValue = string | string[] | undefined;

export interface AccessRequest {
  /** "wellarchitected:GetWorkload" or just "GetWorkload" (the service prefix is assumed). */
  action: string;
  /** The resource ARN, or "*" for operations without resource-level permissions. */
  resource: string;
  context: Record<string, ContextValue>;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface StatementRef {
  policyIndex: number;
  statementIndex: number;
  sid?: string;
}

export interface EvaluationResult {
  decision: Decision;
  /** The statement that decided; absent for ImplicitDeny, where nothing matched. */
  matched?: StatementRef;
}
