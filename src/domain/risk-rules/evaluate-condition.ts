import type { Condition } from './condition';

/**
 * The choices of an answer as a condition sees them. A plain set holds the selected
 * choices only; `notApplicable` adds the practices marked not applicable.
 */
export interface ChoiceMarks {
  selected: ReadonlySet<string>;
  notApplicable: ReadonlySet<string>;
}

export type Marks = ChoiceMarks | ReadonlySet<string>;

const NOTHING: ReadonlySet<string> = new Set();

/** A condition's value: a not-applicable practice is neither followed nor missed. */
type Value = true | false | 'neutral';

/**
 * `default` is always true; a selected choice is true. A practice marked not
 * applicable is neutral, as the hosted service scores it (aws-behaviour.md item 2):
 * it satisfies a term of an `&&` but not an alternative of an `||`. A condition that
 * is neutral as a whole (nothing in it but not-applicable practices) holds, since
 * nothing it asks for is missing.
 */
export function evaluateCondition(condition: Condition, marks: Marks): boolean {
  const { selected, notApplicable } = 'selected' in marks ? marks : { selected: marks, notApplicable: NOTHING };
  return valueOf(condition, selected, notApplicable) !== false;
}

function valueOf(condition: Condition, selected: ReadonlySet<string>, notApplicable: ReadonlySet<string>): Value {
  switch (condition.kind) {
    case 'default':
      return true;
    case 'choice':
      return selected.has(condition.id) ? true : notApplicable.has(condition.id) ? 'neutral' : false;
    case 'not': {
      const operand = valueOf(condition.operand, selected, notApplicable);
      return operand === 'neutral' ? 'neutral' : !operand;
    }
    case 'and': {
      let value: Value = 'neutral';
      for (const operand of condition.operands) {
        const v = valueOf(operand, selected, notApplicable);
        if (v === false) return false;
        if (v === true) value = true;
      }
      return value;
    }
    case 'or': {
      let neutral = true;
      for (const operand of condition.operands) {
        const v = valueOf(operand, selected, notApplicable);
        if (v === true) return true;
        if (v === false) neutral = false;
      }
      return neutral ? 'neutral' : false;
    }
  }
}
