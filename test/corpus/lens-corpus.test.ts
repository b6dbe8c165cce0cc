import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLensJson } from '../../src/domain/lens/validate';
import { corpusDir, expectations, matchesExpected } from './lens-corpus-expectations';

/** The lens corpus through the validator; the expected outcomes and why are in lens-corpus-expectations.ts. */

const corpusPresent = existsSync(corpusDir);
const skipRequested = Boolean(process.env.PLUMBLINE_SKIP_CORPUS);

describe.skipIf(!corpusPresent && skipRequested)('lens corpus', () => {
  it('is present', () => {
    expect(corpusPresent, `lens corpus not found at ${corpusDir}; set PLUMBLINE_SKIP_CORPUS=1 to skip these tests`).toBe(true);
  });

  it('has an expected outcome for each file, and a file for each expected outcome', () => {
    const files = corpusPresent ? readdirSync(corpusDir).filter((name) => name.endsWith('.json')).sort() : [];
    expect(files).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('%s', (file, expected) => {
    const result = validateLensJson(readFileSync(path.join(corpusDir, file), 'utf8'));
    const located = (list: typeof result.findings) => list.map(({ path: at, rule }) => ({ path: at, rule }));
    const check = { equal: (a: unknown, b: unknown) => expect(a, expected.reason).toEqual(b), matches: (at: string, re: RegExp) => expect(at).toMatch(re) };
    if (expected.valid) {
      expect(located(result.findings), expected.reason).toEqual([]);
      expect(result.lens).toBeDefined();
      matchesExpected(located(result.warnings), expected.warnings ?? [], check);
    } else {
      matchesExpected(located(result.findings), expected.findings, check);
      expect(result.lens).toBeUndefined();
    }
  });

  it('gives the line and column of the NaN in custom-lens-emr-spark-v1.0.json', () => {
    const result = validateLensJson(readFileSync(path.join(corpusDir, 'custom-lens-emr-spark-v1.0.json'), 'utf8'));
    expect(result.findings[0]?.message).toBe("is not valid JSON at line 1448, column 30: expected a value, found 'NaN'");
  });
});
