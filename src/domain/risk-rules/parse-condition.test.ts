import { describe, expect, it } from 'vitest';
import type { Condition } from './condition';
import { conditionChoiceIds } from './condition-choice-ids';
import { parseCondition } from './parse-condition';
import { RiskRuleSyntaxError } from './risk-rule-syntax-error';

const id = (name: string): Condition => ({ kind: 'choice', id: name });
const not = (operand: Condition): Condition => ({ kind: 'not', operand });
const and = (...operands: Condition[]): Condition => ({ kind: 'and', operands });
const or = (...operands: Condition[]): Condition => ({ kind: 'or', operands });

describe('parseCondition', () => {
  it('parses a single choice id made of letters, digits and underscores', () => {
    expect(parseCondition('Choice_1')).toEqual(id('Choice_1'));
    expect(parseCondition('123')).toEqual(id('123'));
  });

  it('parses default only as the whole condition, ignoring surrounding space', () => {
    expect(parseCondition('default')).toEqual({ kind: 'default' });
    expect(parseCondition('  default\n')).toEqual({ kind: 'default' });
  });

  it('binds ! tighter than && and && tighter than ||', () => {
    expect(parseCondition('a || b && !c')).toEqual(or(id('a'), and(id('b'), not(id('c')))));
    expect(parseCondition('!a && b || c')).toEqual(or(and(not(id('a')), id('b')), id('c')));
  });

  it('keeps chains of one operator as one node', () => {
    expect(parseCondition('a && b && c')).toEqual(and(id('a'), id('b'), id('c')));
    expect(parseCondition('a||b||c')).toEqual(or(id('a'), id('b'), id('c')));
  });

  it('lets parentheses override precedence', () => {
    expect(parseCondition('(a || b) && c')).toEqual(and(or(id('a'), id('b')), id('c')));
    expect(parseCondition('!(a && b)')).toEqual(not(and(id('a'), id('b'))));
    expect(parseCondition('((a))')).toEqual(id('a'));
  });

  it('parses repeated negation', () => {
    expect(parseCondition('!!a')).toEqual(not(not(id('a'))));
  });

  it('parses the specification example', () => {
    expect(parseCondition('((choice_1 || choice_2) && choice_3) || (!choice_1 && choice_3)')).toEqual(
      or(and(or(id('choice_1'), id('choice_2')), id('choice_3')), and(not(id('choice_1')), id('choice_3'))),
    );
  });

  it.each([
    ['', 0, 'empty condition'],
    ['   ', 0, 'empty condition'],
    ['a &&', 4, "expected a choice id or '(' at column 5; found the end of the condition"],
    ['a && || b', 5, "expected a choice id or '(' at column 6; found '||'"],
    ['!', 1, "expected a choice id or '(' at column 2; found the end of the condition"],
    ['()', 1, "expected a choice id or '(' at column 2; found ')'"],
    ['&& a', 0, "expected a choice id or '(' at column 1; found '&&'"],
    ['(a || b))', 8, "unexpected ')' at column 9"],
    ['choice_1 ) ', 9, "unexpected ')' at column 10"],
    ['(a || b', 0, "unclosed '(' at column 1"],
    ['a && (b || (c)', 5, "unclosed '(' at column 6"],
    ['a b', 2, "unexpected choice id 'b' at column 3; expected '&&' or '||'"],
    ['a (b)', 2, "unexpected '(' at column 3; expected '&&' or '||'"],
    ['a !b', 2, "unexpected '!' at column 3; expected '&&' or '||'"],
    ['(a b)', 3, "unexpected choice id 'b' at column 4; expected '&&', '||' or ')'"],
    ['a & b', 2, "unexpected '&' at column 3; did you mean '&&'?"],
    ['a | b', 2, "unexpected '|' at column 3; did you mean '||'?"],
    ['choice-1', 6, "unexpected character '-' at column 7"],
    ['a && b\u00e9', 6, "unexpected character '\u00e9' at column 7"],
    ['default && a', 0, "unexpected 'default' at column 1; 'default' must be the whole condition"],
    ['a || default', 5, "unexpected 'default' at column 6; 'default' must be the whole condition"],
    ['(default)', 1, "unexpected 'default' at column 2; 'default' must be the whole condition"],
  ])('rejects %j at offset %i', (text, offset, message) => {
    const error = catchSyntaxError(() => parseCondition(text));
    expect(error.message).toBe(message);
    expect(error.offset).toBe(offset);
    expect(error.column).toBe(offset + 1);
  });

  it('reports nesting too deep to evaluate safely instead of overflowing the stack', () => {
    const deep = `${'('.repeat(101)}a${')'.repeat(101)}`;
    expect(catchSyntaxError(() => parseCondition(deep)).message).toBe(
      'condition nested more than 100 levels deep at column 101',
    );
    expect(parseCondition(`${'!'.repeat(100)}a`).kind).toBe('not');
    expect(() => parseCondition('!'.repeat(5000) + 'a')).toThrow(RiskRuleSyntaxError);
  });
});

describe('conditionChoiceIds', () => {
  it('lists each named choice once, in order of appearance', () => {
    expect(conditionChoiceIds(parseCondition('(b || a) && !b && c'))).toEqual(['b', 'a', 'c']);
  });

  it('lists nothing for default', () => {
    expect(conditionChoiceIds(parseCondition('default'))).toEqual([]);
  });
});

function catchSyntaxError(run: () => unknown): RiskRuleSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof RiskRuleSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a RiskRuleSyntaxError');
}
