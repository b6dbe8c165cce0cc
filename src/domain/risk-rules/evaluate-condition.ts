import type { Condition } from './condition';

/** `default` is always true; a choice id is true when it is in `satisfied`. */
export function evaluateCondition(condition: Condition, satisfied: ReadonlySet<string>): boolean {
  switch (condition.kind) {
    case 'default':
      return true;
    case 'choice':
      return satisfied.has(condition.id);
    case 'not':
      return !evaluateCondition(condition.operand, satisfied);
    case 'and':
      return condition.operands.every((operand) => evaluateCondition(operand, satisfied));
    case 'or':
      return condition.operands.some((operand) => evaluateCondition(operand, satisfied));
  }
}
