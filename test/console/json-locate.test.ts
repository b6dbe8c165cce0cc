import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locateJsonPath, parsePath } from '../../web/src/pages/commons/json-locate';

/** The console's locator of lens problems: a validator's JSON path to a line and column in the file sent. */

const template = readFileSync(new URL('../../src/lenses/template.json', import.meta.url), 'utf8');
const lines = template.split('\n');
const at = (path: string) => {
  const found = locateJsonPath(template, path)!;
  return { ...found, text: lines[found.line - 1].slice(found.column - 1) };
};

describe('locateJsonPath', () => {
  it('reads the validator paths', () => {
    expect(parsePath('$')).toEqual([]);
    expect(parsePath('pillars[2].questions[0].riskRules[1].condition')).toEqual(['pillars', 2, 'questions', 0, 'riskRules', 1, 'condition']);
  });

  it('finds the start of each value on the path', () => {
    const doc = JSON.parse(template);
    expect(at('$')).toMatchObject({ line: 1, column: 1, exact: true });
    expect(at('name').text).toBe(`${JSON.stringify(doc.name)},`);
    const condition = doc.pillars[1].questions[0].riskRules[1].condition;
    const found = at('pillars[1].questions[0].riskRules[1].condition');
    expect(found.exact).toBe(true);
    expect(found.text.startsWith(JSON.stringify(condition))).toBe(true);
    expect(at('pillars[0].questions[0].choices[1].title').text.startsWith(JSON.stringify(doc.pillars[0].questions[0].choices[1].title))).toBe(true);
  });

  it('gives the nearest existing value, not exact, for a member left out', () => {
    const choice = at('pillars[0].questions[0].choices[0]');
    expect(at('pillars[0].questions[0].choices[0].notThere')).toMatchObject({ line: choice.line, column: choice.column, exact: false });
    const pillars = at('pillars');
    expect(at('pillars[99].name')).toMatchObject({ line: pillars.line, exact: false });
  });

  it('handles escapes, nesting and compact JSON', () => {
    const text = '{"a\\"b":[1,{"c":"x]}"},[2,{"d":null}]],"e":{"f":[true]}}';
    const where = (path: string) => locateJsonPath(text, path)!.column - 1;
    expect(text.slice(where('e.f[0]'))).toMatch(/^true/);
    expect(text.slice(where('a"b[2][1].d'))).toMatch(/^null/);
    expect(text.slice(where('a"b[1].c'))).toMatch(/^"x\]}"/);
  });
});
