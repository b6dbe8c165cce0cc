import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEventsCommand } from '../../src/cli/events-command';
import { ROOT_KEY, TEST_REGION, startServer, type TestServer } from '../support/server';

/** `plumbline events targets ...` against a real Plumbline: JSON on stdout, errors on stderr with exit codes. */

const BIN = fileURLToPath(new URL('../../bin/plumbline.js', import.meta.url));
const ENV = { AWS_ACCESS_KEY_ID: ROOT_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: ROOT_KEY.secretAccessKey, AWS_REGION: TEST_REGION };

describe('plumbline events targets', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    server = await startServer('sqlite');
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-events-cli-'));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function run(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runEventsCommand(['targets', ...args, '--endpoint-url', server.url], (s) => (stdout += s), (s) => (stderr += s), ENV);
    return { code, stdout, stderr, json: code === 0 ? (JSON.parse(stdout) as Record<string, any>) : undefined };
  }

  it('creates, lists, updates, shows and deletes a target, the pattern read from a file', async () => {
    const patternFile = path.join(dir, 'pattern.json');
    writeFileSync(patternFile, JSON.stringify({ detail: { eventName: ['CreateWorkload', 'DeleteWorkload'] } }));
    const created = await run('create', '--name', 'Chat hook', '--type', 'webhook', '--url', 'http://127.0.0.1:9/hook', '--pattern', `file://${patternFile}`);
    expect(created.stderr).toBe('');
    expect(created.json!.Secret).toMatch(/^[0-9a-f]{64}$/);
    const id = created.json!.EventTarget.TargetId as string;
    expect(created.json!.EventTarget).toMatchObject({ Name: 'Chat hook', Type: 'webhook', Enabled: true, Pattern: { detail: { eventName: ['CreateWorkload', 'DeleteWorkload'] } } });

    expect((await run('list')).json!.EventTargets.map((t: { TargetId: string }) => t.TargetId)).toEqual([id]);
    const updated = await run('update', '--target-id', id, '--enabled', 'false', '--pattern', 'null');
    expect(updated.json!.EventTarget).toMatchObject({ Enabled: false });
    expect(updated.json!.EventTarget.Pattern).toBeUndefined();
    expect((await run('get', '--target-id', id)).json!.EventTarget.Delivery).toMatchObject({ Backlog: 0, FailedCount: 0 });
    expect((await run('deliveries', '--target-id', id)).json).toEqual({ Deliveries: [] });
    expect((await run('delete', '--target-id', id)).code).toBe(0);
    const gone = await run('get', '--target-id', id);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/ResourceNotFoundException: Event target .* does not exist/);
  });

  it('reports bad usage with exit code 2 and refused settings with exit code 1, naming the field', async () => {
    const badJson = await run('create', '--name', 'x', '--type', 'webhook', '--url', 'http://x', '--pattern', '{nope');
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/--pattern must be JSON text/);
    expect((await run('update', '--target-id', 'x', '--enabled', 'maybe')).code).toBe(2);
    const refused = await run('create', '--name', 'x', '--type', 'webhook', '--url', 'http://x', '--pattern', '{"detail":{"eventName":"UpdateAnswer"}}');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Pattern.detail.eventName: must be an array of allowed values');
  });

  it('is wired into the plumbline command', async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, [BIN, 'events', 'targets', 'list', '--endpoint-url', server.url], { env: { PATH: process.env.PATH ?? '', ...ENV } }, (error, stdout) =>
        resolve({ code: error ? 1 : 0, stdout }),
      ),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ EventTargets: [] });
  });
});
