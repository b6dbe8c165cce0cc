import { type Condition, DEFAULT_CONDITION } from './condition';
import { RiskRuleSyntaxError } from './risk-rule-syntax-error';
import { type Token, tokenize } from './tokenize';

/**
 * Grammar (precedence `!` > `&&` > `||`):
 *   condition := 'default' | or
 *   or        := and ('||' and)*
 *   and       := unary ('&&' unary)*
 *   unary     := '!' unary | primary
 *   primary   := choiceId | '(' or ')'
 */
export function parseCondition(text: string): Condition {
  if (text.trim() === '') throw new RiskRuleSyntaxError('empty condition', 0);
  const tokens = tokenize(text);
  const first = tokens[0]!;
  if (tokens.length === 2 && first.type === 'id' && first.text === DEFAULT_CONDITION) {
    return { kind: 'default' };
  }
  const parser = new Parser(tokens);
  const condition = parser.parseOr();
  const rest = parser.peek();
  if (rest.type !== 'end') throw unexpected(rest, "'&&' or '||'");
  return condition;
}

// Bounds recursion so a hostile condition is reported instead of overflowing the stack.
const MAX_DEPTH = 100;

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.position]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.position += 1;
    return token;
  }

  parseOr(): Condition {
    return this.parseJoined('||', 'or', () => this.parseAnd());
  }

  private parseAnd(): Condition {
    return this.parseJoined('&&', 'and', () => this.parseUnary());
  }

  /** Operands joined by `operator`, left to right; a lone operand is itself. */
  private parseJoined(operator: '||' | '&&', kind: 'or' | 'and', parseOperand: () => Condition): Condition {
    const operands = [parseOperand()];
    while (this.peek().type === operator) {
      this.next();
      operands.push(parseOperand());
    }
    return operands.length === 1 ? operands[0]! : { kind, operands };
  }

  private parseUnary(): Condition {
    const token = this.peek();
    if (token.type !== '!') return this.parsePrimary();
    this.next();
    return this.nested(token, () => ({ kind: 'not', operand: this.parseUnary() }));
  }

  private parsePrimary(): Condition {
    const token = this.next();
    if (token.type === 'id') {
      if (token.text === DEFAULT_CONDITION) {
        throw RiskRuleSyntaxError.at("unexpected 'default'", token.offset, "'default' must be the whole condition");
      }
      return { kind: 'choice', id: token.text };
    }
    if (token.type !== '(') {
      const hint = token.type === 'end' ? 'found the end of the condition' : `found '${token.type}'`;
      throw RiskRuleSyntaxError.at("expected a choice id or '('", token.offset, hint);
    }
    return this.nested(token, () => {
      const inner = this.parseOr();
      const close = this.next();
      if (close.type === 'end') throw RiskRuleSyntaxError.at("unclosed '('", token.offset);
      if (close.type !== ')') throw unexpected(close, "'&&', '||' or ')'");
      return inner;
    });
  }

  private nested(token: Token, parse: () => Condition): Condition {
    if (this.depth >= MAX_DEPTH) {
      throw RiskRuleSyntaxError.at(`condition nested more than ${MAX_DEPTH} levels deep`, token.offset);
    }
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }
}

function unexpected(token: Token, expected: string): RiskRuleSyntaxError {
  if (token.type === ')') return RiskRuleSyntaxError.at("unexpected ')'", token.offset);
  const found = token.type === 'id' ? `choice id '${token.text}'` : `'${token.type}'`;
  return RiskRuleSyntaxError.at(`unexpected ${found}`, token.offset, `expected ${expected}`);
}
