import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateLensJson } from '../domain/lens/validate';
import { runLensCommand } from './lens-command';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLensCommand(args, (line) => out.push(line), (line) => err.push(line));
  return { code, out, err };
}

const templatePath = new URL('../lenses/template.json', import.meta.url);

describe('plumbline lens', () => {
  let dir: string;
  let good: string;
  let bad: string;
  let notJson: string;
  let warned: string;
  let q00: string;
  let q10: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'plumbline-lens-'));
    good = path.join(dir, 'good.json');
    bad = path.join(dir, 'bad.json');
    notJson = path.join(dir, 'not-json.json');
    const template = JSON.parse(await readFile(templatePath, 'utf8'));
    await writeFile(good, JSON.stringify(template));
    template.name = 'n'.repeat(130);
    template.pillars[1].questions[0].riskRules[1].condition = 'pipe_automated && (pipe_tested';
    delete template.pillars[0].questions[0].choices[0].improvementPlan;
    await writeFile(bad, JSON.stringify(template, null, 2));
    await writeFile(notJson, '{\n  "name": "x",\n  "pillars": [NaN]\n}\n');
    const lax = JSON.parse(await readFile(templatePath, 'utf8'));
    q00 = lax.pillars[0].questions[0].id;
    q10 = lax.pillars[1].questions[0].id;
    lax.pillars[0].questions[0].riskRules = lax.pillars[0].questions[0].riskRules.filter((r: { condition: string }) => r.condition !== 'default');
    lax.pillars[0].questions[0].choices[0].improvementPlan.url = '';
    warned = path.join(dir, 'warned.json');
    await writeFile(warned, JSON.stringify(lax));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a summary of a valid file and exits 0', async () => {
    expect(await run(['validate', good])).toEqual({
      code: 0,
      out: [`${good}: valid (2 pillars, 4 questions, 15 choices)`],
      err: [],
    });
  });

  it('prints each located finding of an invalid file and exits 1', async () => {
    expect(await run(['validate', bad])).toEqual({
      code: 1,
      out: [
        `${bad}: error: name: must be at most 128 characters (is 130) [maxLength]`,
        `${bad}: error: pillars[0].questions[0].choices[0].improvementPlan: is required for every choice except a "None of these" choice (id ending in _no) (question ${q00}) [improvementPlanRequired]`,
        `${bad}: error: pillars[1].questions[0].riskRules[1].condition: is not a valid condition: unclosed '(' at column 19 (question ${q10}) [riskRuleSyntax]`,
      ],
      err: [],
    });
  });

  it('reports what the hosted service accepts but an author should fix as warnings, and exits 0', async () => {
    expect(await run(['validate', warned])).toEqual({
      code: 0,
      out: [
        `${warned}: warning: pillars[0].questions[0].choices[0].improvementPlan.url: is empty and is read as no url; leave the key out instead (question ${q00}) [emptyUrl]`,
        `${warned}: warning: pillars[0].questions[0].riskRules: has no rule with condition 'default': the question is unanswered while nothing is selected, and an answer no rule matches is at high risk (question ${q00}) [noDefaultRule]`,
        `${warned}: valid (2 pillars, 4 questions, 15 choices) with 2 warnings`,
      ],
      err: [],
    });
  });

  it('prints warnings apart from the errors of an invalid file', async () => {
    const both = path.join(dir, 'both.json');
    const lens = JSON.parse(await readFile(warned, 'utf8'));
    lens.name = 'Bad; name';
    await writeFile(both, JSON.stringify(lens));
    const { code, out } = await run(['validate', both]);
    expect(code).toBe(1);
    expect(out.filter((line) => line.startsWith(`${both}: warning: `))).toHaveLength(2);
    expect(out.filter((line) => line.startsWith(`${both}: error: `))).toEqual([
      `${both}: error: name: must contain only letters, digits, spaces, line breaks and - _ . , : / ( ) @ ! & # + ' ? (has ";") [characters]`,
    ]);
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const { code, out } = await run(['validate', notJson]);
    expect(code).toBe(1);
    expect(out).toEqual([`${notJson}: error: $: is not valid JSON at line 3, column 15: expected a value, found 'NaN' [jsonSyntax]`]);
  });

  it('checks every file, and exits 1 if any is invalid or unreadable', async () => {
    const missing = path.join(dir, 'missing.json');
    const { code, out, err } = await run(['validate', good, missing, bad]);
    expect(code).toBe(1);
    expect(out[0]).toBe(`${good}: valid (2 pillars, 4 questions, 15 choices)`);
    expect(out).toHaveLength(4);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read: ENOENT`));
  });

  it('prints the lens template, which is itself a valid lens', async () => {
    const { code, out } = await run(['template']);
    expect(code).toBe(0);
    expect(out.join('\n')).toBe((await readFile(templatePath, 'utf8')).trimEnd());
    const validation = validateLensJson(out.join('\n'));
    expect(validation.findings).toEqual([]);
    expect(validation.lens?.schemaVersion).toBe('2021-11-01');
  });

  it.each([[[]], [['validate']], [['template', 'extra']], [['publish', 'x.json']]])('prints usage and exits 2 for %j', async (args) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/^usage: plumbline lens validate FILE\.\.\./);
  });
});
