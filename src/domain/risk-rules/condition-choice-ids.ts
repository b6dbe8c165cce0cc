import type { Condition } from './condition';

/** The distinct choice ids a condition names, in order of first appearance. */
export function conditionChoiceIds(condition: Condition): string[] {
  const ids = new Set<string>();
  const visit = (node: Condition): void => {
    switch (node.kind) {
      case 'default':
        return;
      case 'choice':
        ids.add(node.id);
        return;
      case 'not':
        visit(node.operand);
        return;
      case 'and':
      case 'or':
        node.operands.forEach(visit);
    }
  };
  visit(condition);
  return [...ids];
}
