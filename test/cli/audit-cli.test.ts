import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateWorkloadCommand, ListWorkloadsCommand, UpdateWorkloadCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epochSeconds, runAuditCommand } from '../../src/cli/audit-command';
import type { AuditRecord } from '../../src/domain/audit/record';
import { rootEnvironment, startServer, TEST_REGION, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/** `plumbline audit lookup` against a real Plumbline, signed with SigV4. */

const BIN = fileURLToPath(new URL('../../bin/plumbline.js', import.meta.url));
const run = promisify(execFile);

async function audit(env: Record<string, string>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAuditCommand(args, (s) => out.push(s), (s) => err.push(s), env);
  return { code, out: out.join(''), err: err.join('') };
}

describe.each(storeKinds())('plumbline audit (%s)', (kind) => {
  let server: TestServer;
  let env: Record<string, string>;
  let workloadId: string;

  beforeAll(async () => {
    server = await startServer(kind);
    env = rootEnvironment(server);
    ({ WorkloadId: workloadId } = (await server.client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Audited', Description: 'audited workload', Environment: 'PRODUCTION', Lenses: ['wellarchitected'] }),
    )) as { WorkloadId: string });
    for (const n of [1, 2, 3]) await server.client.send(new UpdateWorkloadCommand({ WorkloadId: workloadId, Description: `revision ${n}` }));
    await server.client.send(new ListWorkloadsCommand({}));
  });
  afterAll(() => server?.close());

  it('looks records up by event name, newest first, through the real command', async () => {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'audit', 'lookup', '--event-name', 'UpdateWorkload'], { env: { ...process.env, ...env } });
    expect(stderr).toBe('');
    const { Records } = JSON.parse(stdout) as { Records: AuditRecord[] };
    expect(Records).toHaveLength(3);
    expect(Records.every((r) => r.eventName === 'UpdateWorkload' && r.requestParameters?.Description === '****')).toBe(true);
    const times = Records.map((r) => r.eventTime);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('pages with --max-results and reads every page with --all', async () => {
    const first = await audit(env, 'lookup', '--max-results', '2');
    expect(first.code).toBe(0);
    const page = JSON.parse(first.out) as { Records: AuditRecord[]; NextToken?: string };
    expect(page.Records).toHaveLength(2);
    expect(page.NextToken).toBeTruthy();
    const all = await audit(env, 'lookup', '--max-results', '2', '--all');
    const everything = JSON.parse(all.out) as { Records: AuditRecord[]; NextToken?: string };
    expect(everything.NextToken).toBeUndefined();
    // Lookups leave records of their own (ListAuditRecords), newer than the rest.
    const calls = (records: AuditRecord[]) => records.filter((r) => r.eventName !== 'ListAuditRecords');
    expect(calls(everything.Records).slice(0, calls(page.Records).length)).toEqual(calls(page.Records));
    expect(new Set(everything.Records.map((r) => r.eventName))).toEqual(new Set(['CreateWorkload', 'UpdateWorkload', 'ListWorkloads', 'ListAuditRecords']));
  });

  it('filters by resource, read-only and time window', async () => {
    const arn = `arn:aws:wellarchitected:${TEST_REGION}:111122223333:workload/${workloadId}`;
    const onWorkload = JSON.parse((await audit(env, 'lookup', '--resource-arn', arn, '--all')).out) as { Records: AuditRecord[] };
    expect(onWorkload.Records.map((r) => r.eventName).sort()).toEqual(['CreateWorkload', 'UpdateWorkload', 'UpdateWorkload', 'UpdateWorkload']);
    const reads = JSON.parse((await audit(env, 'lookup', '--read-only', 'true')).out) as { Records: AuditRecord[] };
    expect(reads.Records.map((r) => r.eventName)).toContain('ListWorkloads');
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(JSON.parse((await audit(env, 'lookup', '--start-time', later)).out)).toEqual({ Records: [] });
    const all = JSON.parse((await audit(env, 'lookup', '--end-time', later, '--all')).out) as { Records: AuditRecord[] };
    expect(all.Records.length).toBeGreaterThanOrEqual(5);
  });

  it('reports bad usage with exit code 2 and refused calls with exit code 1', async () => {
    expect(epochSeconds('--start-time', '2026-11-25T08:00:00Z')).toBe('1795593600');
    const badTime = await audit(env, 'lookup', '--start-time', 'yesterday');
    expect(badTime.code).toBe(2);
    expect(badTime.err).toContain('--start-time');
    expect((await audit(env, 'lookup', '--colour', 'red')).code).toBe(2);
    expect((await audit(env, 'search')).code).toBe(2);
    const refused = await audit(env, 'lookup', '--account-id', '12');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('AccountId');
  });
});
