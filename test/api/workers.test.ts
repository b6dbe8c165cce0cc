import { Agent, request as httpRequest } from 'node:http';
import {
  CreateLensVersionCommand,
  CreateWorkloadCommand,
  GetLensReviewCommand,
  ImportLensCommand,
  ListLensesCommand,
  UpdateAnswerCommand,
  WellArchitectedClient,
} from '@aws-sdk/client-wellarchitected';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, createTestUser } from '../support/identities';
import { smallLens } from '../support/lens-files';
import { startProcess, type ProcessServer } from '../support/process-server';
import { ROOT_KEY, TEST_REGION } from '../support/server';
import { createPostgresDatabase, storeKinds } from '../support/stores';
import { until } from '../support/webhook-receiver';

/**
 * PLUMBLINE_WORKERS=2: two worker processes share the port, on either store. Every
 * call below opens a connection of its own, so calls alternate between the workers:
 * what one worker writes the other reads at once, a deleted key is refused by both
 * within a second, and SIGTERM to the primary ends both workers and then itself with
 * exit code 0.
 */

/** The process answering a new connection's readiness check. */
function answeringInstance(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/_plumbline/ready`, { headers: { connection: 'close' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve((JSON.parse(text) as { instance: string }).instance));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(storeKinds())('two workers sharing the port (%s)', (kind) => {
  let server: ProcessServer;
  let drop: (() => Promise<void>) | undefined;
  const clientFor = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new WellArchitectedClient({
      endpoint: server.url,
      region: TEST_REGION,
      credentials,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: false }) }),
    });

  beforeAll(async () => {
    const database = kind === 'postgres' ? await createPostgresDatabase() : undefined;
    drop = database?.drop;
    server = await startProcess({ PLUMBLINE_WORKERS: '2', ...(database ? { PLUMBLINE_DATABASE_URL: database.url } : {}) });
    const seen = new Set<string>();
    await until(async () => (seen.add(await answeringInstance(server.url).catch(() => '')), seen.delete(''), seen.size === 2 || undefined), 'both workers to answer', 90_000);
  });
  afterAll(async () => {
    await server?.stop();
    await drop?.();
  });

  it('serves a custom lens published through one worker from the other at once', async () => {
    const client = clientFor(ROOT_KEY);
    for (let round = 0; round < 2; round++) {
      const { LensArn } = await client.send(new ImportLensCommand({ JSONString: smallLens(`Workers ${kind} ${round}`), ClientRequestToken: randomUUID() }));
      await client.send(new CreateLensVersionCommand({ LensAlias: LensArn, LensVersion: '1.0', ClientRequestToken: randomUUID() }));
      const { WorkloadId } = await client.send(
        new CreateWorkloadCommand({ WorkloadName: `Workers ${round}`, Description: 'workers', Environment: 'PRODUCTION', Lenses: [LensArn!], AwsRegions: ['us-east-1'] }),
      );
      await client.send(new UpdateAnswerCommand({ WorkloadId, LensAlias: LensArn, QuestionId: 'q_one', SelectedChoices: ['q_one_a'] }));
      const { LensReview } = await client.send(new GetLensReviewCommand({ WorkloadId, LensAlias: LensArn }));
      expect(LensReview).toMatchObject({ LensArn, LensVersion: '1.0', RiskCounts: expect.objectContaining({ UNANSWERED: 1 }) });
    }
  });

  it('refuses a deleted key on both workers within a second', async () => {
    const user = await createTestUser(server.asTestServer(), `worker-user-${kind}`, { managed: ['WellArchitectedConsoleReadOnlyAccess'] });
    const client = clientFor(user.credentials);
    for (let i = 0; i < 4; i++) await client.send(new ListLensesCommand({}));
    await adminCall(server.asTestServer(), { method: 'DELETE', path: `/users/worker-user-${kind}/access-keys/${user.credentials.accessKeyId}` });
    const started = Date.now();
    // Refused four calls in a row (alternating workers): both refuse it. The run of refusals began within a second.
    let refusedInARow = 0;
    let runStartedAt = 0;
    await until(async () => {
      const sentAt = Date.now();
      const refused = await client.send(new ListLensesCommand({})).then(
        () => false,
        (error: { name: string }) => error.name === 'AccessDeniedException',
      );
      if (refused && refusedInARow === 0) runStartedAt = sentAt;
      refusedInARow = refused ? refusedInARow + 1 : 0;
      return refusedInARow >= 4 || undefined;
    }, 'both workers to refuse the key');
    expect(runStartedAt - started).toBeLessThan(1_000);
  });

  it('ends both workers and then itself on SIGTERM, with exit code 0', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
