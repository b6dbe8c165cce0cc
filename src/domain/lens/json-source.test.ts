import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, parseJson, positionAt } from './json-source';

function failure(text: string) {
  const result = parseJson(text);
  if (result.ok) throw new Error('expected a JSON syntax error');
  return { line: result.position.line, column: result.position.column, message: result.message };
}

describe('parseJson', () => {
  it('parses valid JSON', () => {
    expect(parseJson('{"a": [1, 2.5e3, "x", true, null]}')).toEqual({ ok: true, value: { a: [1, 2500, 'x', true, null] } });
  });

  it('accepts a leading byte-order mark', () => {
    expect(parseJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('locates a bare NaN, which Node reports without a position', () => {
    const text = '{\n  "choices": [\n    {\n      "title": NaN,\n      "id": "x"\n    }\n  ]\n}';
    expect(failure(text)).toEqual({ line: 4, column: 16, message: "expected a value, found 'NaN'" });
  });

  it.each([
    ['{"a": 1,}', 1, 8, "trailing comma before '}'"],
    ['[1, 2,\n]', 1, 6, "trailing comma before ']'"],
    ['{"a": 1 "b": 2}', 1, 9, `expected ',' or '}', found '"'`],
    ['{"a" 1}', 1, 6, "expected ':' after the property name, found '1'"],
    ["{'a': 1}", 1, 2, "expected a property name in double quotes, found '''"],
    ['{a: 1}', 1, 2, "expected a property name in double quotes, found 'a'"],
    ['{"a": "x\n"}', 1, 9, 'control character in a string; write it as an escape such as \\n'],
    ['{"a": "\\x"}', 1, 8, "invalid escape '\\x' in a string"],
    ['{"a": "\\u12"}', 1, 8, "invalid escape in a string: '\\u' must be followed by four hex digits"],
    ['{"a": "abc', 1, 7, 'unterminated string'],
    ['{"a": [1, 2]', 1, 13, "unexpected end of input; '}' is missing"],
    ['', 1, 1, 'unexpected end of input'],
    ['{} {}', 1, 4, "unexpected '{' after the end of the JSON value"],
    ['[01]', 1, 2, "invalid number '01'"],
    ['[1.]', 1, 2, "invalid number '1.'"],
    ['[-]', 1, 2, "invalid number '-'"],
    ['[+1]', 1, 2, "expected a value, found '+1'"],
    ['[Infinity]', 1, 2, "expected a value, found 'Infinity'"],
    ['[truex]', 1, 2, "expected a value, found 'truex'"],
    ['[}', 1, 2, "expected a value, found '}'"],
    ['{"a": ]', 1, 7, "expected a value, found ']'"],
    ['[1 2]', 1, 4, "expected ',' or ']', found '2'"],
    ['\r\n\r\n  x', 3, 3, "expected a value, found 'x'"],
    ['["\u{1F600}", x]', 1, 7, "expected a value, found 'x'"],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(failure(text)).toEqual({ line, column, message });
  });

  it('handles nesting far deeper than the call stack allows', () => {
    expect(failure(`${'['.repeat(200_000)}x`)).toMatchObject({ line: 1, column: 200_001 });
  });

  it('agrees with JSON.parse on what is valid, for every single-character edit of a document', () => {
    const base = '{"a": [1, -2.5e+3, "s\\"\\u00e9"], "b": {"c": true, "d": null}, "e": []}';
    const inserts = ['', ',', '"', ']', '}', '[', '{', ':', '0', '.', 'e', '\\', ' ', 'x'];
    for (let i = 0; i <= base.length; i += 1) {
      for (const insert of inserts) {
        for (const removed of [0, 1]) {
          const text = base.slice(0, i) + insert + base.slice(i + removed);
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(findJsonSyntaxError(text) === undefined, text).toBe(valid);
        }
      }
    }
  });
});

describe('positionAt', () => {
  it('counts lines and 1-based columns', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ offset: 4, line: 2, column: 2 });
    expect(positionAt('ab\ncd', 0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(positionAt('ab\ncd', 3)).toEqual({ offset: 3, line: 2, column: 1 });
  });
});
