import { RiskRuleSyntaxError } from './risk-rule-syntax-error';

export type Token =
  | { type: 'id'; text: string; offset: number }
  | { type: '&&' | '||' | '!' | '(' | ')'; offset: number }
  | { type: 'end'; offset: number };

const ID_CHAR = /[A-Za-z0-9_]/;
const SPACE = /\s/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (SPACE.test(ch)) {
      i += 1;
    } else if (ID_CHAR.test(ch)) {
      const start = i;
      while (i < text.length && ID_CHAR.test(text[i]!)) i += 1;
      tokens.push({ type: 'id', text: text.slice(start, i), offset: start });
    } else if (ch === '&' || ch === '|') {
      if (text[i + 1] !== ch) {
        throw RiskRuleSyntaxError.at(`unexpected '${ch}'`, i, `did you mean '${ch}${ch}'?`);
      }
      tokens.push({ type: ch === '&' ? '&&' : '||', offset: i });
      i += 2;
    } else if (ch === '!' || ch === '(' || ch === ')') {
      tokens.push({ type: ch, offset: i });
      i += 1;
    } else {
      // Code points, not code units, so an emoji is reported whole.
      const char = String.fromCodePoint(text.codePointAt(i)!);
      throw RiskRuleSyntaxError.at(`unexpected character '${char}'`, i);
    }
  }
  tokens.push({ type: 'end', offset: text.length });
  return tokens;
}
