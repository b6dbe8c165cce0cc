import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateWorkloadCommand, ListCheckDetailsCommand, UpdateGlobalSettingsCommand } from '@aws-sdk/client-wellarchitected';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_FILE, writeProwlerFile } from '../support/prowler-findings';
import { rootEnvironment, startServer, type TestServer } from '../support/server';
import { storeKinds } from '../support/stores';

/** `plumbline checks import` as a user runs it: a separate process streaming the file, with progress. */

const BIN = fileURLToPath(new URL('../../bin/plumbline.js', import.meta.url));
const run = promisify(execFile);

describe.each(storeKinds())('plumbline checks import (%s)', (kind) => {
  let server: TestServer;
  let workloadId: string;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startServer(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'plumbline-checks-cli-'));
    env = { ...process.env, ...rootEnvironment(server) } as Record<string, string>;
    ({ WorkloadId: workloadId } = (await server.client.send(
      new CreateWorkloadCommand({ WorkloadName: 'Scanned', Description: 'Scanned accounts', Environment: 'PRODUCTION', Lenses: ['wellarchitected'], AwsRegions: ['eu-west-1'] }),
    )) as { WorkloadId: string });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('streams 100,000 findings, shows progress and prints the report', async () => {
    const file = path.join(dir, 'prowler.ocsf.json');
    await writeProwlerFile(file, 100_000, ['111111111111', '222222222222']);
    const { stdout, stderr } = await run(process.execPath, [BIN, 'checks', 'import', '--workload-id', workloadId, file], { env, maxBuffer: 1 << 24 });
    expect(stderr).toMatch(/^hashing .*prowler\.ocsf\.json \(\d+\.\d MB\)$/m);
    expect(stderr).toMatch(/sent \d+\.\d MB of \d+\.\d MB \(100%\)/);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ WorkloadId: workloadId, Source: 'Prowler', FindingsRead: 100_000, Accounts: ['111111111111', '222222222222'] });
    expect(report.FindingsPlaced).toBeGreaterThan(80_000);
    const { CheckDetails } = await server.client.send(
      new ListCheckDetailsCommand({ WorkloadId: workloadId, LensArn: 'arn:aws:wellarchitected::aws:lens/wellarchitected', PillarId: 'security', QuestionId: 'permissions', ChoiceId: 'sec_permissions_emergency_process' }),
    );
    expect(CheckDetails?.length).toBeGreaterThan(0);
  }, 180_000);

  it("imports AWS Config results turned into the generic format by the README's jq filter", async () => {
    const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
    const { stdout: lines } = await run('jq', [
      '-c',
      '--arg', 'account', '123456789012',
      '--argjson', 'practices', '{"iam-user-mfa-enabled":["sec_identities_enforce_mechanisms"]}',
      '-f', path.join(fixtures, 'aws-config-to-checks.jq'),
      path.join(fixtures, 'aws-config-compliance.json'),
    ]);
    const file = path.join(dir, 'config.jsonl');
    writeFileSync(file, lines);
    const { stdout, stderr } = await run(process.execPath, [BIN, 'checks', 'import', '--workload-id', workloadId, '--source', 'AWS Config', file], { env });
    expect(JSON.parse(stdout)).toMatchObject({ Source: 'AWS Config', FindingsRead: 2, FindingsPlaced: 2, DiscoveryIntegrationStatus: 'DISABLED' });
    // Kept, but hidden from the account's console and reports: said, with the way to show them.
    expect(stderr).toMatch(/^note: the checks are kept, but account \d{12} has discovery integration DISABLED.*update-global-settings --discovery-integration-status ENABLED$/m);
    await server.client.send(new UpdateGlobalSettingsCommand({ DiscoveryIntegrationStatus: 'ENABLED' }));
    const again = await run(process.execPath, [BIN, 'checks', 'import', '--workload-id', workloadId, '--source', 'AWS Config', file], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ DiscoveryIntegrationStatus: 'ENABLED' });
    expect(again.stderr).not.toContain('note:');
    const { CheckDetails } = await server.client.send(
      new ListCheckDetailsCommand({ WorkloadId: workloadId, LensArn: 'arn:aws:wellarchitected::aws:lens/wellarchitected', PillarId: 'security', QuestionId: 'identities', ChoiceId: 'sec_identities_enforce_mechanisms' }),
    );
    expect(CheckDetails?.find((d) => (d.Provider as string) === 'AWS Config')).toMatchObject({ Id: 'iam-user-mfa-enabled', Status: 'ERROR', AccountId: '123456789012', FlaggedResources: 1 });
  });

  it('says which findings are wrong and exits 1, and explains bad usage with exit 2', async () => {
    const file = path.join(dir, 'example.json');
    // Prowler's example as published: placeholders where a real run has account ids.
    writeFileSync(file, readFileSync(EXAMPLE_FILE));
    const failed = (await run(process.execPath, [BIN, 'checks', 'import', '--workload-id', workloadId, file], { env }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('[0].cloud.account.uid: must be a 12-digit AWS account id');
    const usage = (await run(process.execPath, [BIN, 'checks', 'import', file], { env }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--workload-id is required');
  });
});
