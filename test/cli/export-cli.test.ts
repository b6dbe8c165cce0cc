import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateWorkloadCommand, GetWorkloadCommand, UpdateAnswerCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExportCommand } from '../../src/cli/export-command';
import { runImportCommand } from '../../src/cli/import-command';
import { rootEnvironment, startServer, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/** `plumbline export` and `plumbline import` against a real Plumbline, signed with SigV4. */

const BIN = fileURLToPath(new URL('../../bin/plumbline.js', import.meta.url));
const run = promisify(execFile);

function capture() {
  const chunks: Buffer[] = [];
  const errors: string[] = [];
  return {
    out: (d: string | Uint8Array) => chunks.push(Buffer.from(d)),
    err: (s: string) => errors.push(s),
    text: () => Buffer.concat(chunks).toString('utf8'),
    bytes: () => Buffer.concat(chunks),
    errors,
  };
}

describe.each(storeKinds())('plumbline export / import (%s)', (kind) => {
  let server: TestServer;
  let workloadId: string;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startServer(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-export-'));
    env = rootEnvironment(server);
    ({ WorkloadId: workloadId } = (await server.client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Inventory', Description: 'Inventory service', Environment: 'PREPRODUCTION', Lenses: ['wellarchitected'], AwsRegions: ['us-east-1'] }),
    )) as { WorkloadId: string });
    await server.client.send(
      new UpdateAnswerCommand({ WorkloadId: workloadId, LensAlias: 'wellarchitected', QuestionId: 'priorities', SelectedChoices: ['ops_priorities_no'] }),
    );
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exports a workload to a file and imports it as a new workload, through the real command', async () => {
    const file = path.join(dir, 'inventory.json');
    const exported = await run(process.execPath, [BIN, 'export', 'workload', '--workload-id', workloadId, '--output', file], { env: { ...process.env, ...env } });
    expect(exported.stderr).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).Workload.WorkloadName).toBe('Inventory');
    const imported = await run(process.execPath, [BIN, 'import', 'workload', file, '--workload-name', 'Inventory restored'], { env: { ...process.env, ...env } });
    const { WorkloadId } = JSON.parse(imported.stdout) as { WorkloadId: string };
    const copy = await server.client.send(new GetWorkloadCommand({ WorkloadId }));
    expect(copy.Workload!.WorkloadName).toBe('Inventory restored');
    expect(copy.Workload!.RiskCounts!.HIGH).toBe(1);
  });

  it('prints a lens review as CSV and Markdown, and writes a PDF', async () => {
    const csv = capture();
    expect(await runExportCommand(['lens-review', '--workload-id', workloadId, '--lens-alias', 'wellarchitected', '--format', 'csv'], csv.out, csv.err, env)).toBe(0);
    expect(csv.text()).toMatch(/^Pillar,Question ID,/);
    expect(csv.text()).toContain(',priorities,');
    const md = capture();
    expect(await runExportCommand(['lens-review', '--workload-id', workloadId, '--lens-alias', 'wellarchitected', '--format', 'markdown'], md.out, md.err, env)).toBe(0);
    expect(md.text()).toMatch(/^# Inventory: /);
    const pdfFile = path.join(dir, 'review.pdf');
    const pdf = capture();
    expect(await runExportCommand(['lens-review', '--workload-id', workloadId, '--lens-alias', 'wellarchitected', '--format', 'pdf', '--output', pdfFile], pdf.out, pdf.err, env)).toBe(0);
    expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reports API errors with exit 1 and bad usage with exit 2', async () => {
    const missing = capture();
    expect(await runExportCommand(['workload', '--workload-id', '0'.repeat(32)], missing.out, missing.err, env)).toBe(1);
    expect(missing.errors.join('\n')).toMatch(/ResourceNotFoundException: Workload 0{32} was not found/);
    const usage = capture();
    expect(await runExportCommand(['lens-review', '--workload-id', workloadId, '--format', 'xls'], usage.out, usage.err, env)).toBe(2);
    expect(usage.errors.join('\n')).toMatch(/--lens-alias is required|--format must be csv, markdown or pdf/);
    const unsigned = capture();
    expect(await runExportCommand(['workload', '--workload-id', workloadId], unsigned.out, unsigned.err, { AWS_ENDPOINT_URL: server.url })).toBe(2);
    expect(unsigned.errors.join('\n')).toMatch(/AWS_ACCESS_KEY_ID/);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'plumbline-workload', version: 2 }));
    const invalid = capture();
    expect(await runImportCommand(['workload', bad], invalid.out, invalid.err, env)).toBe(1);
    expect(invalid.errors.join('\n')).toMatch(/ValidationException: .*\n {2}version: must be 1/);
  });
});
