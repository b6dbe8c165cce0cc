/** Where in a JSON text something is; `line` and `column` are 1-based. */
export interface JsonTextPosition {
  offset: number;
  line: number;
  column: number;
}

export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; position: JsonTextPosition; message: string };

const BOM = '\uFEFF';

/**
 * JSON.parse, plus the line and column of the first error when the text is not JSON.
 * Node's own messages give no position for some errors (a bare `NaN` among them), so on
 * failure the text is scanned again by a strict RFC 8259 scanner that says where and why.
 * A leading byte-order mark is allowed, as editors on some systems write one.
 */
export function parseJson(text: string): JsonParseResult {
  const start = text.startsWith(BOM) ? BOM.length : 0;
  try {
    return { ok: true, value: JSON.parse(text.slice(start)) };
  } catch (error) {
    const found = findJsonSyntaxError(text, start) ?? {
      offset: text.length,
      message: error instanceof Error ? error.message : String(error),
    };
    return { ok: false, position: positionAt(text, found.offset), message: found.message };
  }
}

export function positionAt(text: string, offset: number): JsonTextPosition {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  // Columns count characters as an editor shows them, so a surrogate pair counts once.
  const column = Array.from(text.slice(lineStart, offset)).length + 1;
  return { offset, line, column };
}

export interface SyntaxErrorAt {
  offset: number;
  message: string;
}

type Expecting = 'value' | 'key' | 'colon' | 'commaOrClose';

/** Iterative so that deeply nested input cannot overflow the stack. */
export function findJsonSyntaxError(text: string, start = 0): SyntaxErrorAt | undefined {
  const open: Array<'{' | '['> = [];
  let expecting: Expecting = 'value';
  let previous: 'open' | 'comma' | 'other' = 'other';
  let lastComma = -1;
  let i = start;
  for (;;) {
    i = skipWhitespace(text, i);
    const closer = open.length === 0 ? undefined : open[open.length - 1] === '{' ? '}' : ']';
    if (i >= text.length) {
      if (expecting === 'commaOrClose' && closer === undefined) return undefined;
      const unclosed = closer === undefined ? '' : `; '${closer}' is missing`;
      return { offset: i, message: `unexpected end of input${unclosed}` };
    }
    const ch = text[i]!;
    if ((expecting === 'value' || expecting === 'key') && (ch === '}' || ch === ']')) {
      if (previous !== 'open' || ch !== closer) {
        if (previous === 'comma' && ch === closer) return { offset: lastComma, message: `trailing comma before '${ch}'` };
        return { offset: i, message: `expected ${expecting === 'key' ? 'a property name' : 'a value'}, found '${ch}'` };
      }
      open.pop();
      expecting = 'commaOrClose';
      previous = 'other';
      i += 1;
      continue;
    }
    previous = 'other';
    switch (expecting) {
      case 'value': {
        if (ch === '{' || ch === '[') {
          open.push(ch);
          expecting = ch === '{' ? 'key' : 'value';
          previous = 'open';
          i += 1;
          continue;
        }
        const end = scanScalar(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        expecting = 'commaOrClose';
        continue;
      }
      case 'key': {
        if (ch !== '"') return { offset: i, message: `expected a property name in double quotes, found ${tokenAt(text, i)}` };
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        expecting = 'colon';
        continue;
      }
      case 'colon':
        if (ch !== ':') return { offset: i, message: `expected ':' after the property name, found ${tokenAt(text, i)}` };
        i += 1;
        expecting = 'value';
        continue;
      case 'commaOrClose':
        if (closer === undefined) return { offset: i, message: `unexpected ${tokenAt(text, i)} after the end of the JSON value` };
        if (ch === ',') {
          lastComma = i;
          previous = 'comma';
          expecting = closer === '}' ? 'key' : 'value';
          i += 1;
          continue;
        }
        if (ch !== closer) return { offset: i, message: `expected ',' or '${closer}', found ${tokenAt(text, i)}` };
        open.pop();
        i += 1;
        continue;
    }
  }
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  return i;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

function scanScalar(text: string, i: number): number | SyntaxErrorAt {
  if (text[i] === '"') return scanString(text, i);
  for (const literal of LITERALS) {
    if (text.startsWith(literal, i) && !/[A-Za-z0-9_$]/.test(text[i + literal.length] ?? '')) return i + literal.length;
  }
  if (/[-0-9]/.test(text[i]!)) {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    const end = match ? i + match[0].length : i;
    if (match && !/[.eE0-9]/.test(text[end] ?? '')) return end;
    return { offset: i, message: `invalid number ${tokenAt(text, i)}` };
  }
  return { offset: i, message: `expected a value, found ${tokenAt(text, i)}` };
}

const ESCAPES = '"\\/bfnrt';

function scanString(text: string, quote: number): number | SyntaxErrorAt {
  for (let i = quote + 1; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '"') return i + 1;
    if (ch < ' ') return { offset: i, message: 'control character in a string; write it as an escape such as \\n' };
    if (ch !== '\\') continue;
    const escaped = text[i + 1] ?? '';
    if (escaped === 'u') {
      if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
        return { offset: i, message: "invalid escape in a string: '\\u' must be followed by four hex digits" };
      }
      i += 5;
    } else if (escaped !== '' && ESCAPES.includes(escaped)) {
      i += 1;
    } else {
      return { offset: i, message: `invalid escape '\\${escaped}' in a string` };
    }
  }
  return { offset: quote, message: 'unterminated string' };
}

/** The token at `i` as it reads in a message: a whole word such as 'NaN', or one character. */
function tokenAt(text: string, i: number): string {
  const word = /[A-Za-z0-9_$.+-]+/y;
  word.lastIndex = i;
  const match = word.exec(text);
  return `'${match ? match[0] : String.fromCodePoint(text.codePointAt(i)!)}'`;
}
