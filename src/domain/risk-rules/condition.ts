/**
 * The syntax tree of a risk-rule condition. `and`/`or` are n-ary so that a chain
 * like `a && b && c` stays one node, which keeps trees readable in tests and errors.
 */
export type Condition =
  | { kind: 'default' }
  | { kind: 'choice'; id: string }
  | { kind: 'not'; operand: Condition }
  | { kind: 'and'; operands: Condition[] }
  | { kind: 'or'; operands: Condition[] };

/** The keyword that makes a rule the question's fallback; only valid as the whole condition. */
export const DEFAULT_CONDITION = 'default';
