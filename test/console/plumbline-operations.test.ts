import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import model from '../../src/api/model/plumbline-api.json';
import { isUnsigned, plumblineRequest } from '../../web/src/api/plumbline-operations';

const names = new Set(model.map((op) => op.name));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

describe('plumblineRequest', () => {
  it('puts path labels, query members and body members where the model says', () => {
    expect(plumblineRequest('UpdateEventTarget', { TargetId: 'a b/c', Enabled: false, Name: 'n' })).toEqual({
      method: 'PUT',
      path: '/_plumbline/admin/event-targets/a%20b%2Fc',
      query: {},
      body: { Enabled: false, Name: 'n' },
    });
    expect(plumblineRequest('ListEventDeliveries', { TargetId: 't1', MaxResults: 50 })).toEqual({
      method: 'GET',
      path: '/_plumbline/admin/event-targets/t1/deliveries',
      query: { MaxResults: '50' },
      body: undefined,
    });
  });

  it('sends a payload member as the whole body, and an empty object for a POST without members', () => {
    expect(plumblineRequest('SimulatePermissions', { SimulationRequest: { ActionNames: ['GetWorkload'] } }).body).toEqual({ ActionNames: ['GetWorkload'] });
    expect(plumblineRequest('ConsoleSignOut')).toMatchObject({ method: 'POST', path: '/_plumbline/console/sign-out', body: {} });
  });

  it('knows the one operation the console calls unsigned', () => {
    expect(isUnsigned('ConsoleSignIn')).toBe(true);
    expect(isUnsigned('ConsoleSignOut')).toBe(false);
    expect(isUnsigned('ListUsers')).toBe(false);
  });

  it('refuses an operation the model does not have, and a call missing a path label', () => {
    expect(() => plumblineRequest('ListEverything')).toThrow(/no operation ListEverything/);
    expect(() => plumblineRequest('DeleteEventTarget', {})).toThrow(/needs TargetId/);
  });
});

describe('the console', () => {
  const files = sources(fileURLToPath(new URL('../../web/src', import.meta.url)));

  it('names only operations of the model', () => {
    const called = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:plumbline|plumblineRequest)\(\s*'(\w+)'|\bcallPlumbline\(\s*\w+,\s*'(\w+)'/g)) called.add(m[1] ?? m[2]);
    }
    expect(called.size).toBeGreaterThan(10);
    expect([...called].filter((name) => !names.has(name))).toEqual([]);
  });

  it('writes no route of its own: every Plumbline call goes through the model', () => {
    const offenders = files.filter((file) => /['`]\/_plumbline\//.test(readFileSync(file, 'utf8')) || (/\bfetch\(/.test(readFileSync(file, 'utf8')) && !file.endsWith('signed-fetch.ts')));
    expect(offenders).toEqual([]);
  });
});
